package dev.agentcore.core.fake;

import dev.agentcore.core.cloud.AccountService;
import dev.agentcore.core.cloud.BuildService;
import dev.agentcore.core.cloud.CallerIdentity;
import dev.agentcore.core.cloud.Cloud;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.cloud.ContainerRegistry;
import dev.agentcore.core.cloud.LogService;
import dev.agentcore.core.cloud.ObjectStore;
import dev.agentcore.core.cloud.RoleService;
import dev.agentcore.core.cloud.RuntimeService;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An in-memory account for orchestration tests: every service keeps its state in maps, every call is recorded
 * ({@link #calls()}, e.g. "ECR.CreateRepository bedrock-agentcore-demo"), and {@link #failWhen} makes chosen calls
 * fail the way the service would.
 */
public final class FakeCloud implements Cloud {

    public static final String ACCOUNT = "123456789012";

    private final String region;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<Predicate<String>, CloudException> failures = Collections.synchronizedMap(new LinkedHashMap<>());

    public final Map<String, ContainerRegistry.Repository> repositories = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, List<ContainerRegistry.Image>> images = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, RoleService.Role> roles = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, Map<String, String>> rolePolicies = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Set<String> buckets = Collections.synchronizedSet(new LinkedHashSet<>());
    public final Map<String, Path> objects = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, BuildService.ProjectSpec> projects = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, BuildService.Build> builds = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, RuntimeService.AgentRuntime> runtimes = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, RuntimeService.RuntimeSpec> runtimeSpecs = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, List<String>> logLines = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Log groups, as the services create them (a build's, a runtime's); tests add them. */
    public final Set<String> logGroups = Collections.synchronizedSet(new LinkedHashSet<>());

    /** What a started build ends as: SUCCEEDED, or a failure status with the phase it failed in. */
    public volatile String nextBuildStatus = "SUCCEEDED";
    public volatile String nextBuildFailedPhase = "BUILD";
    /** What create/update leaves the runtime as. */
    public volatile String nextRuntimeStatus = "READY";

    private final AtomicInteger ids = new AtomicInteger();

    public FakeCloud(String region) {
        this.region = region;
    }

    public FakeCloud() {
        this("us-west-2");
    }

    /** Every call made so far, in order, as "Service.Operation target". */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Calls that change something (not Get/Describe/List/Head/Batch-get). */
    public List<String> mutatingCalls() {
        return calls().stream().filter(c -> {
            String op = c.substring(c.indexOf('.') + 1);
            return !(op.startsWith("Get") || op.startsWith("Describe") || op.startsWith("List")
                    || op.startsWith("Head") || op.startsWith("BatchGet") || op.startsWith("Find"));
        }).toList();
    }

    /** Makes every call whose "Service.Operation target" text matches fail with the given exception. */
    public FakeCloud failWhen(Predicate<String> call, CloudException error) {
        failures.put(call, error);
        return this;
    }

    public void clearFailures() {
        failures.clear();
    }

    private void call(String text) {
        calls.add(text);
        synchronized (failures) {
            for (var e : failures.entrySet()) {
                if (e.getKey().test(text)) {
                    throw e.getValue();
                }
            }
        }
    }

    private String nextId() {
        return String.format("%010d", ids.incrementAndGet());
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public AccountService account() {
        return () -> {
            call("STS.GetCallerIdentity");
            return new CallerIdentity(ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/tester", "AIDATEST");
        };
    }

    @Override
    public ContainerRegistry registry() {
        return new ContainerRegistry() {
            @Override
            public Optional<Repository> findRepository(String name) {
                call("ECR.DescribeRepositories " + name);
                return Optional.ofNullable(repositories.get(name));
            }

            @Override
            public Repository createRepository(String name, Map<String, String> tags) {
                call("ECR.CreateRepository " + name);
                return repositories.computeIfAbsent(name, n -> new Repository(n,
                        ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com/" + n,
                        "arn:aws:ecr:" + region + ":" + ACCOUNT + ":repository/" + n, Map.copyOf(tags)));
            }

            @Override
            public boolean imageTagExists(String repositoryName, String tag) {
                call("ECR.DescribeImages " + repositoryName + ":" + tag);
                return images.getOrDefault(repositoryName, List.of()).stream().anyMatch(i -> tag.equals(i.tag()));
            }

            @Override
            public List<Image> listImages(String repositoryName) {
                call("ECR.ListImages " + repositoryName);
                return List.copyOf(images.getOrDefault(repositoryName, List.of()));
            }

            @Override
            public int deleteImages(String repositoryName, List<Image> toDelete) {
                call("ECR.BatchDeleteImage " + repositoryName);
                List<Image> list = images.getOrDefault(repositoryName, new ArrayList<>());
                int before = list.size();
                list.removeAll(toDelete);
                return before - list.size();
            }

            @Override
            public boolean deleteRepository(String repositoryName) {
                call("ECR.DeleteRepository " + repositoryName);
                images.remove(repositoryName);
                return repositories.remove(repositoryName) != null;
            }

            @Override
            public Login login() {
                call("ECR.GetAuthorizationToken");
                return new Login("AWS", "secret-ecr-token", "https://" + ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com");
            }
        };
    }

    /** Puts an image into a repository, as a build's push would. */
    public void pushImage(String repositoryName, String tag) {
        images.computeIfAbsent(repositoryName, r -> Collections.synchronizedList(new ArrayList<>()))
                .add(new ContainerRegistry.Image(tag, "sha256:" + Integer.toHexString((repositoryName + tag).hashCode())));
    }

    /** What the buildspec's post_build does: push the project's IMAGE_URI, when it names a repository here. */
    private void pushBuiltImage(String projectName) {
        BuildService.ProjectSpec spec = projects.get(projectName);
        String uri = spec == null || spec.environmentVariables() == null ? null
                : spec.environmentVariables().get("IMAGE_URI");
        if (uri == null || !uri.contains("/") || uri.lastIndexOf(':') < uri.indexOf('/')) {
            return;
        }
        String repo = uri.substring(uri.indexOf('/') + 1, uri.lastIndexOf(':'));
        if (repositories.containsKey(repo)) {
            pushImage(repo, uri.substring(uri.lastIndexOf(':') + 1));
        }
    }

    @Override
    public RoleService roles() {
        return new RoleService() {
            @Override
            public Optional<Role> findRole(String name) {
                call("IAM.GetRole " + name);
                return Optional.ofNullable(roles.get(name));
            }

            @Override
            public Role createRole(String name, String trustPolicyJson, String description, Map<String, String> tags) {
                call("IAM.CreateRole " + name);
                return roles.computeIfAbsent(name, n -> new Role(n, "arn:aws:iam::" + ACCOUNT + ":role/" + n,
                        trustPolicyJson, Map.copyOf(tags)));
            }

            @Override
            public void putRolePolicy(String roleName, String policyName, String policyJson) {
                call("IAM.PutRolePolicy " + roleName + "/" + policyName);
                if (!roles.containsKey(roleName)) {
                    throw CloudException.of(Kind.NOT_FOUND, "IAM", "Role " + roleName + " not found");
                }
                rolePolicies.computeIfAbsent(roleName, r -> new LinkedHashMap<>()).put(policyName, policyJson);
            }

            @Override
            public boolean deleteRole(String roleName) {
                call("IAM.DeleteRole " + roleName);
                rolePolicies.remove(roleName);
                return roles.remove(roleName) != null;
            }
        };
    }

    @Override
    public ObjectStore objects() {
        return new ObjectStore() {
            @Override
            public boolean bucketExists(String bucket, String expectedOwner) {
                call("S3.HeadBucket " + bucket);
                return buckets.contains(bucket);
            }

            @Override
            public void createBucket(String bucket, String bucketRegion, String expectedOwner) {
                call("S3.CreateBucket " + bucket);
                buckets.add(bucket);
            }

            @Override
            public void putExpiryRule(String bucket, String expectedOwner, int days) {
                call("S3.PutBucketLifecycleConfiguration " + bucket);
            }

            @Override
            public boolean objectExists(String bucket, String key, String expectedOwner) {
                call("S3.HeadObject " + bucket + "/" + key);
                return objects.containsKey(bucket + "/" + key);
            }

            @Override
            public void putObject(String bucket, String key, Path file, String expectedOwner) {
                call("S3.PutObject " + bucket + "/" + key);
                if (!buckets.contains(bucket)) {
                    throw CloudException.of(Kind.NOT_FOUND, "S3", "NoSuchBucket " + bucket);
                }
                objects.put(bucket + "/" + key, file);
            }

            @Override
            public boolean deleteObject(String bucket, String key, String expectedOwner) {
                call("S3.DeleteObject " + bucket + "/" + key);
                return objects.remove(bucket + "/" + key) != null;
            }
        };
    }

    @Override
    public BuildService builds() {
        return new BuildService() {
            @Override
            public boolean projectExists(String name) {
                call("CodeBuild.BatchGetProjects " + name);
                return projects.containsKey(name);
            }

            @Override
            public void createProject(ProjectSpec spec) {
                call("CodeBuild.CreateProject " + spec.name());
                if (projects.containsKey(spec.name())) {
                    throw CloudException.of(Kind.ALREADY_EXISTS, "CodeBuild", "Project already exists");
                }
                projects.put(spec.name(), spec);
            }

            @Override
            public void updateProject(ProjectSpec spec) {
                call("CodeBuild.UpdateProject " + spec.name());
                projects.put(spec.name(), spec);
            }

            @Override
            public String startBuild(String projectName, String sourceLocation) {
                call("CodeBuild.StartBuild " + projectName);
                String id = projectName + ":" + nextId();
                boolean ok = "SUCCEEDED".equals(nextBuildStatus);
                List<Phase> phases = List.of(new Phase("SUBMITTED", "SUCCEEDED", 0L),
                        new Phase("DOWNLOAD_SOURCE", "SUCCEEDED", 1L),
                        new Phase(ok ? "BUILD" : nextBuildFailedPhase, ok ? "SUCCEEDED" : "FAILED", 2L));
                if (ok) {
                    pushBuiltImage(projectName);
                }
                builds.put(id, new Build(id, nextBuildStatus, ok ? "COMPLETED" : nextBuildFailedPhase, phases,
                        "/aws/codebuild/" + projectName, id.substring(id.indexOf(':') + 1), Instant.now(), Instant.now()));
                return id;
            }

            @Override
            public Build getBuild(String buildId) {
                call("CodeBuild.BatchGetBuilds " + buildId);
                Build b = builds.get(buildId);
                if (b == null) {
                    throw CloudException.of(Kind.NOT_FOUND, "CodeBuild", "Build " + buildId + " not found");
                }
                return b;
            }

            @Override
            public Optional<Build> lastBuild(String projectName) {
                call("CodeBuild.ListBuildsForProject " + projectName);
                Build last = null;
                for (Build b : builds.values()) {
                    if (b.id().startsWith(projectName + ":")) {
                        last = b;
                    }
                }
                return Optional.ofNullable(last);
            }

            @Override
            public boolean deleteProject(String name) {
                call("CodeBuild.DeleteProject " + name);
                return projects.remove(name) != null;
            }
        };
    }

    @Override
    public LogService logs() {
        return new LogService() {
            @Override
            public List<String> lastLines(String group, String stream, int count) {
                call("Logs.GetLogEvents " + group + "/" + stream);
                List<String> lines = logLines.getOrDefault(group + "/" + stream, List.of());
                return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
            }

            @Override
            public boolean logGroupExists(String group) {
                call("Logs.DescribeLogGroups " + group);
                return logGroups.contains(group);
            }

            @Override
            public boolean deleteLogGroup(String group) {
                call("Logs.DeleteLogGroup " + group);
                logLines.keySet().removeIf(k -> k.startsWith(group + "/"));
                return logGroups.remove(group);
            }
        };
    }

    @Override
    public RuntimeService runtimes() {
        return new RuntimeService() {
            @Override
            public AgentRuntime create(RuntimeSpec spec) {
                call("AgentCore.CreateAgentRuntime " + spec.name());
                boolean taken = runtimes.values().stream().anyMatch(r -> r.name().equals(spec.name()));
                if (taken) {
                    throw CloudException.of(Kind.CONFLICT, "AgentCore", "An agent runtime named " + spec.name()
                            + " already exists");
                }
                String id = spec.name() + "-" + nextId();
                AgentRuntime r = runtime(id, spec, "1", Instant.now());
                runtimes.put(id, r);
                runtimeSpecs.put(id, spec);
                return r;
            }

            @Override
            public AgentRuntime update(String runtimeId, RuntimeSpec spec) {
                call("AgentCore.UpdateAgentRuntime " + runtimeId);
                AgentRuntime old = runtimes.get(runtimeId);
                if (old == null) {
                    throw CloudException.of(Kind.NOT_FOUND, "AgentCore", "Runtime " + runtimeId + " not found");
                }
                AgentRuntime r = runtime(runtimeId, spec, String.valueOf(Integer.parseInt(old.version()) + 1), old.createdAt());
                runtimes.put(runtimeId, r);
                runtimeSpecs.put(runtimeId, spec);
                return r;
            }

            @Override
            public Optional<AgentRuntime> get(String runtimeId) {
                call("AgentCore.GetAgentRuntime " + runtimeId);
                return Optional.ofNullable(runtimes.get(runtimeId));
            }

            @Override
            public Optional<Endpoint> getEndpoint(String runtimeId, String endpointName) {
                call("AgentCore.GetAgentRuntimeEndpoint " + runtimeId + "/" + endpointName);
                AgentRuntime r = runtimes.get(runtimeId);
                if (r == null || !"DEFAULT".equals(endpointName)) {
                    return Optional.empty();
                }
                return Optional.of(new Endpoint("DEFAULT", r.arn() + "/runtime-endpoint/DEFAULT", r.status(),
                        r.failureReason(), r.createdAt(), r.lastUpdatedAt(), Map.of()));
            }

            @Override
            public Optional<AgentRuntime> findByName(String name) {
                call("AgentCore.ListAgentRuntimes " + name);
                return runtimes.values().stream().filter(r -> r.name().equals(name)).findFirst();
            }

            @Override
            public Map<String, String> tags(String runtimeArn) {
                call("AgentCore.ListTagsForResource " + runtimeArn);
                return runtimes.values().stream().filter(r -> r.arn().equals(runtimeArn)).findFirst()
                        .map(r -> runtimeSpecs.get(r.id()))
                        .map(spec -> spec.tags() == null ? Map.<String, String>of() : Map.copyOf(spec.tags()))
                        .orElseThrow(() -> CloudException.of(Kind.NOT_FOUND, "AgentCore", runtimeArn + " not found"));
            }

            @Override
            public boolean delete(String runtimeId) {
                call("AgentCore.DeleteAgentRuntime " + runtimeId);
                runtimeSpecs.remove(runtimeId);
                return runtimes.remove(runtimeId) != null;
            }
        };
    }

    private RuntimeService.AgentRuntime runtime(String id, RuntimeService.RuntimeSpec spec, String version, Instant created) {
        String status = nextRuntimeStatus;
        String reason = status.endsWith("FAILED") ? "image not found: " + spec.containerUri() : null;
        return new RuntimeService.AgentRuntime(id, "arn:aws:bedrock-agentcore:" + region + ":" + ACCOUNT + ":runtime/" + id,
                spec.name(), status, version, spec.containerUri(), spec.roleArn(), created, Instant.now(), reason,
                Map.of());
    }
}
