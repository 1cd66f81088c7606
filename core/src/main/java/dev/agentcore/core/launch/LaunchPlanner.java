package dev.agentcore.core.launch;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.cloud.BuildService;
import dev.agentcore.core.cloud.CallerIdentity;
import dev.agentcore.core.cloud.Cloud;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.ContainerRegistry;
import dev.agentcore.core.cloud.RoleService;
import dev.agentcore.core.cloud.RuntimeService;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.configure.AgentFiles;
import dev.agentcore.core.configure.ModelIdCheck;
import dev.agentcore.core.launch.LaunchPlan.Resource;
import dev.agentcore.core.launch.Step.Kind;
import dev.agentcore.core.packaging.SourceBundle;
import dev.agentcore.core.templates.Templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a launch plan from the agent's config and read-only look-ups (STS, DescribeRepositories, GetRole,
 * HeadBucket, DescribeImages, BatchGetProjects, GetAgentRuntime, ListAgentRuntimes). It never changes anything in
 * the account or the config.
 */
final class LaunchPlanner {

    /** What part of a launch to plan: all of it, only the repository, or the deployment of a pushed image. */
    enum Scope { FULL, REPOSITORY, IMAGE }

    static final String BUILD_IMAGE = "aws/codebuild/amazonlinux2-aarch64-standard:3.0";
    static final String BUILD_COMPUTE = "BUILD_GENERAL1_MEDIUM";
    static final int SOURCE_EXPIRY_DAYS = 7;

    private final Cloud cloud;
    private final Path projectDir;

    LaunchPlanner(Cloud cloud, Path projectDir) {
        this.cloud = cloud;
        this.projectDir = projectDir;
    }

    /**
     * @param zip where to write the source bundle (the real run), or null for a preview (dry run)
     * @param prebuiltImage the image to deploy with scope IMAGE
     */
    LaunchPlan plan(LaunchOptions options, Scope scope, Path zip, String prebuiltImage) {
        AgentConfig agent = new ConfigStore(projectDir).require().select(options.agent());
        validate(agent, scope);
        CallerIdentity caller = cloud.account().callerIdentity();
        String region = cloud.region();
        checkSameTarget(agent, caller.account(), region);
        if (scope == Scope.FULL && !"aws".equals(caller.partition())) {
            throw AgentCoreException.failure("CodeBuild's ARM_CONTAINER environment is not available in the '"
                    + caller.partition() + "' partition.", "Use 'agentcore launch --local-build' to build the image "
                    + "on this machine and deploy it to the cloud.");
        }
        ResourceNames names = new ResourceNames(agent.name(), caller.account(), region, caller.partition());
        List<String> notes = new ArrayList<>();
        List<Step> ensure = new ArrayList<>();
        List<Step> rest = new ArrayList<>();

        Resource repository = scope == Scope.IMAGE ? null : repository(agent, names, ensure, notes);
        String repositoryArn = repository == null ? repositoryArnOf(prebuiltImage, names)
                : repositoryArnOf(repository.arnOrUri(), names);
        if (scope == Scope.REPOSITORY) {
            return new LaunchPlan(agent.name(), names.account(), region, ensure, null, null, false, notes, List.of(),
                    new LaunchPlan.Targets(names, repository, repositoryArn, null, null, null, null, null, null,
                            null, null, null, false));
        }
        Policies policies = new Policies(names, repositoryArn);
        Resource runtimeRole = role(agent.executionRole(), agent.executionRoleAutoCreate(),
                agent.createdResource("execution_role"), names.runtimeRole(), names,
                Kind.CREATE_RUNTIME_ROLE, Kind.PUT_RUNTIME_ROLE_POLICY, names.runtimePolicy(), ensure, notes);

        SourceBundle.Bundle bundle = null;
        String imageUri = prebuiltImage;
        boolean build = false;
        Resource buildRole = null;
        BuildService.ProjectSpec project = null;
        if (scope == Scope.FULL) {
            bundle = bundle(agent, zip);
            String tag = options.imageTag() != null ? options.imageTag() : bundle.sha256();
            imageUri = repository.arnOrUri() + ":" + tag;
            build = mustBuild(options, repository, tag, notes, imageUri);
            if (build) {
                buildRole = role(agent.codeBuildRole(), true, agent.createdResource("codebuild_role"),
                        names.codeBuildRole(), names, Kind.CREATE_BUILD_ROLE, Kind.PUT_BUILD_ROLE_POLICY,
                        names.codeBuildPolicy(), ensure, notes);
                if (!cloud.objects().bucketExists(names.bucket(), names.account())) {
                    ensure.add(new Step(Kind.CREATE_BUCKET, names.bucket(), "private bucket for source bundles of "
                            + "this account and region"));
                    ensure.add(new Step(Kind.PUT_BUCKET_LIFECYCLE, names.bucket(), "source bundles expire after "
                            + SOURCE_EXPIRY_DAYS + " days"));
                }
                String location = names.bucket() + "/" + names.sourceKey();
                rest.add(new Step(Kind.UPLOAD_SOURCE, location, "source bundle, " + bundle.files().size()
                        + " files, " + bundle.bytes() + " bytes, sha256 " + bundle.sha256()));
                project = new BuildService.ProjectSpec(names.project(), location, Templates.load("buildspec.yml"),
                        "ARM_CONTAINER", BUILD_IMAGE, BUILD_COMPUTE, true, buildRole.arnOrUri(),
                        buildEnvironment(repository.arnOrUri(), tag, imageUri), names.tags());
                boolean projectExists = cloud.builds().projectExists(names.project());
                rest.add(new Step(projectExists ? Kind.UPDATE_PROJECT : Kind.CREATE_PROJECT, names.project(),
                        (projectExists ? "point the project" : "ARM64 build project") + " at image " + imageUri));
                rest.add(new Step(Kind.START_BUILD, names.project(), "docker build --platform linux/arm64 and push "
                        + imageUri));
                rest.add(new Step(Kind.WAIT_BUILD, names.project(), "poll until the build ends (at most 15 min)"));
            }
        }

        Optional<RuntimeService.AgentRuntime> existing = runtimeToUpdate(agent, names, options, notes);
        String runtimeId = existing.map(RuntimeService.AgentRuntime::id).orElse(null);
        RuntimeService.RuntimeSpec spec = runtimeSpec(agent, imageUri, runtimeRole.arnOrUri(), options.env(),
                names.tags());
        String envNote = options.env().isEmpty() ? "" : ", environment " + EnvVars.masked(options.env());
        if (runtimeId == null) {
            rest.add(new Step(Kind.CREATE_RUNTIME, agent.name(), "runtime with image " + imageUri + envNote));
        } else if (!build && !options.forceRebuild() && runsAlready(agent, existing.get(), spec)) {
            notes.add("Runtime " + runtimeId + " is READY with this image and these settings: nothing to update "
                    + "(--force-rebuild updates it anyway).");
        } else {
            rest.add(new Step(Kind.UPDATE_RUNTIME, runtimeId, "new version with image " + imageUri + envNote));
        }
        rest.add(new Step(Kind.WAIT_RUNTIME, runtimeId == null ? agent.name() : runtimeId,
                "poll until READY (at most 10 min)"));
        rest.add(new Step(Kind.CHECK_ENDPOINT, "DEFAULT", "the endpoint invoke uses"));

        List<Step> steps = new ArrayList<>(ensure);
        steps.addAll(rest);
        String protocol = agent.serverProtocol();
        Object memoryId = agent.get("memory", "memory_id");
        return new LaunchPlan(agent.name(), names.account(), region, steps, bundle, imageUri, build, notes,
                warnings(agent, bundle, region),
                new LaunchPlan.Targets(names, repository, repositoryArn, runtimeRole, buildRole,
                        policies.runtimeTrust(),
                        policies.runtimePermissions(protocol, memoryId == null ? null : String.valueOf(memoryId)),
                        buildRole == null ? null : policies.codeBuildTrust(),
                        buildRole == null ? null : policies.codeBuildPermissions(), project, spec, runtimeId,
                        options.autoUpdateOnConflict()));
    }

    /** What may fail only later, in the build or at the first invoke: said before anything is built. */
    private List<String> warnings(AgentConfig agent, SourceBundle.Bundle bundle, String region) {
        List<String> warnings = new ArrayList<>();
        if (bundle == null) {
            return warnings;
        }
        if (!bundle.files().contains(SourceBundle.DOCKERFILE)) {
            warnings.add("The build context has no Dockerfile and " + AgentFiles.DIRECTORY + "/" + agent.name()
                    + "/Dockerfile does not exist: the build will fail. Run 'agentcore configure' again.");
        }
        Path entrypoint = agent.entrypoint() == null ? null : projectDir.resolve(agent.entrypoint());
        for (ModelIdCheck.Warning w : ModelIdCheck.packaged().scan(projectDir, buildContext(agent), entrypoint,
                region)) {
            warnings.add(w.message());
        }
        return warnings;
    }

    private void validate(AgentConfig agent, Scope scope) {
        List<String> missing = new ArrayList<>();
        if (!"container".equals(agent.deploymentType())) {
            throw AgentCoreException.invalidInput("Agent '" + agent.name() + "' has deployment_type '"
                    + agent.deploymentType() + "'; this version launches container agents only.",
                    "Run 'agentcore configure -e <entrypoint> -n " + agent.name() + " --deployment-type container'.");
        }
        if (agent.entrypoint() == null || agent.entrypoint().isBlank()) {
            missing.add("entrypoint");
        }
        if (isBlank(agent.executionRole()) && !agent.executionRoleAutoCreate()) {
            missing.add("aws.execution_role (or aws.execution_role_auto_create: true)");
        }
        if (scope != Scope.IMAGE && isBlank(agent.ecrRepository()) && !agent.ecrAutoCreate()) {
            missing.add("aws.ecr_repository (or aws.ecr_auto_create: true)");
        }
        if (scope == Scope.FULL && !Files.isDirectory(buildContext(agent))) {
            missing.add("source_path (" + buildContext(agent) + " is not a directory)");
        }
        if (!missing.isEmpty()) {
            throw AgentCoreException.invalidInput("Agent '" + agent.name() + "' cannot be launched; its config lacks: "
                    + String.join(", ", missing) + ".", "Run 'agentcore configure' for it again, or edit "
                    + ".bedrock_agentcore.yaml.");
        }
    }

    /** The YAML's deployment state belongs to one account and region; deploying elsewhere would orphan it. */
    private static void checkSameTarget(AgentConfig agent, String account, String region) {
        if (!isBlank(agent.region()) && !agent.region().equals(region)) {
            throw AgentCoreException.invalidInput("Agent '" + agent.name() + "' is configured for region "
                    + agent.region() + ", but this command targets " + region + ".",
                    "Drop --region, or configure the agent again with --region " + region + ".");
        }
        if (!isBlank(agent.account()) && !agent.account().equals(account)) {
            throw AgentCoreException.invalidInput("Agent '" + agent.name() + "' is configured for account "
                    + agent.account() + ", but your credentials belong to account " + account + ".",
                    "Use the profile of account " + agent.account() + ", or configure the agent again.");
        }
    }

    private Resource repository(AgentConfig agent, ResourceNames names, List<Step> steps, List<String> notes) {
        String configured = agent.ecrRepository();
        String recorded = agent.createdResource("ecr_repository");
        String name;
        if (!isBlank(configured)) {
            name = configured.contains("/") ? repositoryNameOf(configured) : configured;
            if (configured.contains("/") && !name.equals(recorded)) {
                return new Resource(name, stripTag(configured), true, false);
            }
        } else {
            name = names.repository();
        }
        Optional<ContainerRegistry.Repository> found = cloud.registry().findRepository(name);
        if (found.isPresent()) {
            boolean ours = name.equals(recorded) || names.ours(found.get().tags());
            return new Resource(name, found.get().uri(), true, ours);
        }
        boolean ours = name.equals(recorded);
        if (!isBlank(configured) && !ours) {
            throw AgentCoreException.failure("ECR repository '" + name + "' not found in region '" + names.region()
                    + "'.", "Give the full repository URI, or create the repository first.");
        }
        if (ours) {
            notes.add("ECR repository " + name + " was created by agentcore but is gone: creating it again.");
        }
        steps.add(new Step(Kind.CREATE_REPOSITORY, name, "image repository of agent " + agent.name()));
        String host = names.account() + ".dkr.ecr." + names.region() + ".amazonaws.com"
                + ("aws-cn".equals(names.partition()) ? ".cn" : "");
        return new Resource(name, host + "/" + name, false, true);
    }

    private Resource role(String configuredArn, boolean autoCreate, String recorded, String defaultName,
                          ResourceNames names, Kind create, Kind putPolicy, String policyName, List<Step> steps,
                          List<String> notes) {
        String name;
        if (!isBlank(configuredArn)) {
            name = configuredArn.substring(configuredArn.lastIndexOf('/') + 1);
            if (!name.equals(recorded)) {
                // the user's role: used as given, never created, changed or recorded
                return new Resource(name, configuredArn, true, false);
            }
        } else if (autoCreate) {
            name = defaultName;
        } else {
            throw new IllegalStateException("validated before");
        }
        Optional<RoleService.Role> found = cloud.roles().findRole(name);
        if (found.isPresent()) {
            boolean ours = name.equals(recorded) || names.ours(found.get().tags());
            if (ours) {
                // idempotent; also repairs a role whose policy an interrupted launch never attached
                steps.add(new Step(putPolicy, name + "/" + policyName, "keep the role's permissions as templates/iam "
                        + "says"));
            }
            return new Resource(name, found.get().arn(), true, ours);
        }
        if (name.equals(recorded)) {
            notes.add("IAM role " + name + " was created by agentcore but is gone: creating it again.");
        }
        boolean runtime = create == Kind.CREATE_RUNTIME_ROLE;
        steps.add(new Step(create, name, runtime ? "execution role, assumable only by AgentCore Runtime of this "
                + "account" : "service role, assumable only by this agent's CodeBuild project"));
        steps.add(new Step(putPolicy, name + "/" + policyName, runtime ? "least privilege: this agent's image, "
                + "logs, traces, metrics and models" : "least privilege: push to this agent's repository, read its "
                + "source bundle, write the build log"));
        return new Resource(name, names.roleArn(name), false, true);
    }

    private SourceBundle.Bundle bundle(AgentConfig agent, Path zip) {
        Path context = buildContext(agent);
        Path generated = AgentFiles.generatedDockerfile(projectDir, agent.name());
        String dockerfile = null;
        if (Files.isRegularFile(generated)) {
            try {
                dockerfile = Files.readString(generated, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw AgentCoreException.failure("Cannot read " + generated + ": " + e.getMessage());
            }
        }
        return zip == null ? SourceBundle.preview(context, dockerfile) : SourceBundle.write(context, zip, dockerfile);
    }

    private Path buildContext(AgentConfig agent) {
        return isBlank(agent.sourcePath()) ? projectDir : projectDir.resolve(agent.sourcePath()).normalize();
    }

    /** An image tagged with the source's hash is that source's build: building it again gains nothing. */
    private boolean mustBuild(LaunchOptions options, Resource repository, String tag, List<String> notes,
                              String imageUri) {
        if (options.forceRebuild() || options.imageTag() != null || !repository.exists()) {
            return true;
        }
        boolean present;
        try {
            present = cloud.registry().imageTagExists(repository.name(), tag);
        } catch (CloudException e) {
            present = false;
        }
        if (present) {
            notes.add("Image " + imageUri + " is already in ECR (same source): skipping upload and build. Use "
                    + "--force-rebuild to build anyway.");
        }
        return !present;
    }

    /**
     * An update would only make a new version of the same thing when the runtime is READY with this image and the
     * settings it was last deployed with (their fingerprint, kept in the config) are the ones asked for now.
     */
    private static boolean runsAlready(AgentConfig agent, RuntimeService.AgentRuntime runtime,
                                       RuntimeService.RuntimeSpec spec) {
        Object deployed = agent.get("bedrock_agentcore", RuntimeFingerprint.KEY);
        return "READY".equals(runtime.status()) && spec.containerUri().equals(runtime.containerUri())
                && RuntimeFingerprint.of(spec).equals(deployed);
    }

    private Map<String, String> runtimeTags(RuntimeService.AgentRuntime runtime) {
        try {
            return cloud.runtimes().tags(runtime.arn());
        } catch (CloudException e) {
            return Map.of(); // unreadable tags: not provably ours, so the conflict stands
        }
    }

    private Optional<RuntimeService.AgentRuntime> runtimeToUpdate(AgentConfig agent, ResourceNames names,
                                                                 LaunchOptions options, List<String> notes) {
        String id = agent.agentId();
        if (!isBlank(id)) {
            Optional<RuntimeService.AgentRuntime> recorded = cloud.runtimes().get(id);
            if (recorded.isPresent()) {
                return recorded;
            }
            notes.add("Runtime " + id + " recorded in .bedrock_agentcore.yaml no longer exists (deleted outside "
                    + "agentcore): creating it anew.");
        }
        Optional<RuntimeService.AgentRuntime> sameName = cloud.runtimes().findByName(agent.name());
        if (sameName.isEmpty()) {
            return Optional.empty();
        }
        if (options.autoUpdateOnConflict()) {
            notes.add("A runtime named " + agent.name() + " already exists (" + sameName.get().id() + "): updating it "
                    + "(--auto-update-on-conflict).");
            return sameName;
        }
        if (names.ours(runtimeTags(sameName.get()))) {
            // created by an earlier launch of this agent that stopped before it could record the id
            notes.add("Runtime " + sameName.get().id() + " was created by an earlier, interrupted launch of "
                    + agent.name() + ": using it.");
            return sameName;
        }
        throw AgentCoreException.failure("An agent runtime named '" + agent.name() + "' already exists ("
                + sameName.get().id() + "), but .bedrock_agentcore.yaml does not know it.",
                "Rerun with --auto-update-on-conflict to update that runtime, or configure the agent under another "
                        + "name.");
    }

    static RuntimeService.RuntimeSpec runtimeSpec(AgentConfig agent, String imageUri, String roleArn,
                                                  Map<String, String> env, Map<String, String> tags) {
        boolean vpc = "VPC".equalsIgnoreCase(agent.networkMode());
        List<String> headers = agent.requestHeaderAllowlist();
        return new RuntimeService.RuntimeSpec(agent.name(), imageUri, roleArn, agent.networkMode(),
                vpc ? agent.subnets() : null, vpc ? agent.securityGroups() : null, agent.serverProtocol(), env,
                agent.authorizerConfiguration(), headers.isEmpty() ? null : headers, agent.idleTimeout(),
                agent.maxLifetime(), "Agent " + agent.name() + " (deployed by agentcore-java)", tags);
    }

    private static Map<String, String> buildEnvironment(String repositoryUri, String tag, String imageUri) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IMAGE_URI", imageUri);
        env.put("REPOSITORY_URI", repositoryUri);
        env.put("IMAGE_TAG", tag);
        return env;
    }

    /** account.dkr.ecr.region.amazonaws.com/name[:tag|@digest] -> name. */
    static String repositoryNameOf(String uri) {
        return stripTag(uri.substring(uri.indexOf('/') + 1));
    }

    private static String stripTag(String uri) {
        int at = uri.indexOf('@');
        String s = at >= 0 ? uri.substring(0, at) : uri;
        int colon = s.lastIndexOf(':');
        return colon > s.lastIndexOf('/') ? s.substring(0, colon) : s;
    }

    /** The repository's ARN from its URI (which names its account and region), for the role policies. */
    static String repositoryArnOf(String uri, ResourceNames names) {
        if (uri == null || !uri.contains("/")) {
            return names.repositoryArn(names.repository());
        }
        String[] host = uri.substring(0, uri.indexOf('/')).split("\\.");
        if (host.length >= 4 && "dkr".equals(host[1]) && "ecr".equals(host[2])) {
            return "arn:" + names.partition() + ":ecr:" + host[3] + ":" + host[0] + ":repository/"
                    + repositoryNameOf(uri);
        }
        return names.repositoryArn(repositoryNameOf(uri));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
