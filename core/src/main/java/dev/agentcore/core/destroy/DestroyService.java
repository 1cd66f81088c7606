package dev.agentcore.core.destroy;

import dev.agentcore.core.cloud.Cloud;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.ContainerRegistry;
import dev.agentcore.core.cloud.RoleService;
import dev.agentcore.core.cloud.RuntimeService;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.config.ProjectConfig;
import dev.agentcore.core.destroy.DestroyResult.Outcome;
import dev.agentcore.core.destroy.DestroyResult.Status;
import dev.agentcore.core.destroy.DestroyStep.Action;
import dev.agentcore.core.destroy.DestroyStep.Found;
import dev.agentcore.core.destroy.DestroyStep.Kind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Removes what launch made for one agent, and nothing else. {@link #plan} makes only read-only calls and returns
 * the steps as data (what {@code --dry-run} prints); {@link #execute} makes the same steps' calls in order,
 * going on past a failure where that is safe, and removes the agent's config entry only when every step went.
 * Rerunning after a partial run finishes the job: what is already gone is reported and skipped.
 */
public final class DestroyService {

    private static final int IMAGE_BATCH = 100;

    private final ConfigStore store;
    private final Function<String, Cloud> cloudForRegion;
    private Cloud cloud;

    /** @param cloudForRegion builds the cloud for the agent's configured region (null: the default chain) */
    public DestroyService(ConfigStore store, Function<String, Cloud> cloudForRegion) {
        this.store = store;
        this.cloudForRegion = cloudForRegion;
    }

    /**
     * The plan for the named agent (null: the default), or empty when there is nothing to destroy: no config file,
     * or no such agent in it (already destroyed).
     */
    public Optional<DestroyPlan> plan(String agentName, boolean deleteEcrRepo) {
        return plan(agentName, deleteEcrRepo, false);
    }

    /** As {@link #plan(String, boolean)}; {@code keepLogs} leaves the agent's log groups in place. */
    public Optional<DestroyPlan> plan(String agentName, boolean deleteEcrRepo, boolean keepLogs) {
        Optional<ProjectConfig> loaded = store.load();
        if (loaded.isEmpty() || loaded.get().agentNames().isEmpty()) {
            return Optional.empty();
        }
        ProjectConfig project = loaded.get();
        if (agentName != null && !project.hasAgent(agentName)) {
            return Optional.empty();
        }
        AgentConfig agent = project.select(agentName);
        Cloud c = cloud(agent.region());
        String account = account(agent, c);
        return Optional.of(new Planner(project, agent, c, account, deleteEcrRepo, keepLogs).plan());
    }

    /** Names the configured agents, for the "nothing to destroy" message. */
    public List<String> configuredAgents() {
        return store.load().map(ProjectConfig::agentNames).orElse(List.of());
    }

    public DestroyResult execute(DestroyPlan plan) {
        return execute(plan, o -> { });
    }

    /** Runs the plan's steps in order; {@code progress} hears each outcome as it happens. */
    public DestroyResult execute(DestroyPlan plan, Consumer<Outcome> progress) {
        Cloud c = cloud(plan.region());
        Map<Kind, Status> done = new EnumMap<>(Kind.class);
        List<Outcome> outcomes = new ArrayList<>();
        List<DestroyStep> steps = plan.steps();
        Outcome[] byIndex = new Outcome[steps.size()];
        // the endpoint goes with the runtime, so its outcome is known only after the runtime's step
        for (int i = 0; i < steps.size(); i++) {
            DestroyStep step = steps.get(i);
            if (step.kind() == Kind.ENDPOINT) {
                continue;
            }
            Outcome o = run(step, plan, c, done, anyFailed(byIndex));
            byIndex[i] = o;
            done.put(step.kind(), o.status());
            if (step.kind() == Kind.RUNTIME) {
                for (int j = 0; j < steps.size(); j++) {
                    if (steps.get(j).kind() == Kind.ENDPOINT) {
                        byIndex[j] = endpointOutcome(steps.get(j), o);
                        progress.accept(byIndex[j]);
                    }
                }
            }
            progress.accept(o);
        }
        for (int j = 0; j < steps.size(); j++) {
            if (byIndex[j] == null) { // an endpoint step without a runtime step
                byIndex[j] = endpointOutcome(steps.get(j), null);
            }
            outcomes.add(byIndex[j]);
        }
        return new DestroyResult(plan.agent(), outcomes);
    }

    private static boolean anyFailed(Outcome[] outcomes) {
        for (Outcome o : outcomes) {
            if (o != null && (o.status() == Status.FAILED || o.status() == Status.SKIPPED)) {
                return true;
            }
        }
        return false;
    }

    private static Outcome endpointOutcome(DestroyStep step, Outcome runtime) {
        if (step.found() == Found.GONE) {
            return new Outcome(step, Status.ALREADY_GONE, "already gone");
        }
        if (runtime == null || runtime.status() == Status.DELETED || runtime.status() == Status.ALREADY_GONE) {
            return new Outcome(step, Status.DELETED, "removed with the runtime");
        }
        return new Outcome(step, Status.SKIPPED, "the runtime was not deleted, so its endpoint stays");
    }

    private Outcome run(DestroyStep step, DestroyPlan plan, Cloud c, Map<Kind, Status> done, boolean earlierFailure) {
        if (step.action() == Action.KEEP) {
            return new Outcome(step, Status.KEPT, step.note());
        }
        if (step.action() == Action.NONE) {
            return new Outcome(step, Status.ALREADY_GONE, step.note() != null ? step.note() : "already gone");
        }
        String blocker = blocker(step, done, earlierFailure);
        if (blocker != null) {
            return new Outcome(step, Status.SKIPPED, blocker);
        }
        try {
            return switch (step.kind()) {
                case RUNTIME -> gone(step, c.runtimes().delete(step.resource()),
                        "the service finishes removing it in the background");
                case IMAGES -> deleteImages(step, plan, c);
                case REPOSITORY -> gone(step, c.registry().deleteRepository(step.resource()), null);
                case BUILD_PROJECT -> gone(step, c.builds().deleteProject(step.resource()), null);
                case SOURCE_OBJECT -> {
                    int slash = step.resource().indexOf('/');
                    yield gone(step, c.objects().deleteObject(step.resource().substring(0, slash),
                            step.resource().substring(slash + 1), plan.account()), null);
                }
                case CODEBUILD_ROLE, EXECUTION_ROLE -> gone(step, c.roles().deleteRole(step.resource()),
                        "with its policies");
                case CONFIG_ENTRY -> removeConfigEntry(step, plan.agent());
                case LOG_GROUP -> gone(step, c.logs().deleteLogGroup(step.resource()), null);
                case ENDPOINT -> new Outcome(step, Status.KEPT, step.note());
            };
        } catch (CloudException e) {
            if (e.is(CloudException.Kind.NOT_FOUND)) {
                return new Outcome(step, Status.ALREADY_GONE, "already gone");
            }
            return new Outcome(step, Status.FAILED, e.service() + " " + e.errorCode() + ": " + e.getMessage());
        }
    }

    /** Why a step must not run yet, or null. A role or repository stays while what uses it is still there. */
    private static String blocker(DestroyStep step, Map<Kind, Status> done, boolean earlierFailure) {
        return switch (step.kind()) {
            case LOG_GROUP -> step.resource().startsWith("/aws/codebuild/")
                    ? (failed(done.get(Kind.BUILD_PROJECT)) ? "the CodeBuild project was not deleted" : null)
                    : (failed(done.get(Kind.RUNTIME)) ? "the runtime writing to it was not deleted" : null);
            case REPOSITORY -> failed(done.get(Kind.IMAGES)) ? "its images were not all deleted" : null;
            case EXECUTION_ROLE -> failed(done.get(Kind.RUNTIME)) ? "the runtime using it was not deleted" : null;
            case CODEBUILD_ROLE -> failed(done.get(Kind.BUILD_PROJECT))
                    ? "the CodeBuild project using it was not deleted" : null;
            case CONFIG_ENTRY -> earlierFailure
                    ? "left in place so a rerun can finish the job: an earlier step did not complete" : null;
            default -> null;
        };
    }

    private static boolean failed(Status s) {
        return s == Status.FAILED || s == Status.SKIPPED;
    }

    private static Outcome gone(DestroyStep step, boolean deleted, String message) {
        return deleted ? new Outcome(step, Status.DELETED, message) : new Outcome(step, Status.ALREADY_GONE,
                "already gone");
    }

    private Outcome deleteImages(DestroyStep step, DestroyPlan plan, Cloud c) {
        String repository = Ownership.repositoryName(step.resource());
        List<ContainerRegistry.Image> images = imagesToDelete(c, repository, plan.imageTag());
        if (images.isEmpty()) {
            return new Outcome(step, Status.ALREADY_GONE, "no image left to delete");
        }
        for (int i = 0; i < images.size(); i += IMAGE_BATCH) {
            c.registry().deleteImages(repository, images.subList(i, Math.min(images.size(), i + IMAGE_BATCH)));
        }
        // counted by listing again: one image can be listed once per tag, and deleting it removes every tag
        int left = imagesToDelete(c, repository, plan.imageTag()).size();
        if (left > 0) {
            return new Outcome(step, Status.FAILED, left + " of " + images.size() + " images are still there");
        }
        return new Outcome(step, Status.DELETED, images.size() + (images.size() == 1 ? " image" : " images"));
    }

    private static List<ContainerRegistry.Image> imagesToDelete(Cloud c, String repository, String onlyTag) {
        List<ContainerRegistry.Image> images = new ArrayList<>();
        for (ContainerRegistry.Image image : c.registry().listImages(repository)) {
            if (onlyTag == null || onlyTag.equals(image.tag())) {
                images.add(image);
            }
        }
        return images;
    }

    private Outcome removeConfigEntry(DestroyStep step, String agent) {
        String[] after = store.update(cfg -> {
            boolean wasDefault = cfg.defaultAgent().map(agent::equals).orElse(false);
            cfg.removeAgent(agent);
            String def = cfg.defaultAgent().orElse(null);
            return new String[] {cfg.agentNames().isEmpty() ? "empty" : "", wasDefault ? def : null};
        });
        if (!after[0].isEmpty()) {
            store.delete();
            return new Outcome(step, Status.DELETED, "removed; " + store.file().getFileName()
                    + " deleted (no agent left)");
        }
        return new Outcome(step, Status.DELETED, after[1] == null ? "removed"
                : "removed; the default agent is now '" + after[1] + "'");
    }

    private Cloud cloud(String region) {
        if (cloud == null) {
            cloud = cloudForRegion.apply(region);
        }
        return cloud;
    }

    private static String account(AgentConfig agent, Cloud c) {
        if (agent.account() != null) {
            return agent.account();
        }
        try {
            return c.account().callerIdentity().account();
        } catch (CloudException e) {
            return null; // S3 calls then go without the expected-owner check
        }
    }

    /** Builds the steps from read-only look-ups. */
    private static final class Planner {
        private final ProjectConfig project;
        private final AgentConfig agent;
        private final Cloud c;
        private final String account;
        private final boolean deleteEcrRepo;
        private final boolean keepLogs;
        private final String name;
        private final List<DestroyStep> steps = new ArrayList<>();
        private String imageTag;

        Planner(ProjectConfig project, AgentConfig agent, Cloud c, String account, boolean deleteEcrRepo,
                boolean keepLogs) {
            this.keepLogs = keepLogs;
            this.project = project;
            this.agent = agent;
            this.c = c;
            this.account = account;
            this.deleteEcrRepo = deleteEcrRepo;
            this.name = agent.name();
        }

        DestroyPlan plan() {
            runtime();
            registry();
            buildProject();
            sourceObject();
            role(Kind.CODEBUILD_ROLE, "codebuild_role", agent.codeBuildRole(), "CodeBuild role");
            role(Kind.EXECUTION_ROLE, "execution_role", agent.executionRole(), "execution role");
            logGroups();
            configEntry();
            return new DestroyPlan(name, agent.region() != null ? agent.region() : c.region(), account,
                    deleteEcrRepo, steps, imageTag);
        }

        private void add(Kind kind, String service, String operation, String resource, Found found, Action action,
                         String note) {
            steps.add(new DestroyStep(kind, service, operation, resource, found, action, note));
        }

        private void runtime() {
            String id = agent.agentId();
            if (id == null || id.isBlank()) {
                add(Kind.RUNTIME, "AgentCore", "DeleteAgentRuntime", "(none recorded)", Found.GONE, Action.NONE,
                        "the agent was never launched");
                return;
            }
            Found endpoint;
            String endpointNote = "deleted together with the runtime";
            try {
                endpoint = c.runtimes().getEndpoint(id, "DEFAULT").isPresent() ? Found.EXISTS : Found.GONE;
            } catch (CloudException e) {
                endpoint = e.is(CloudException.Kind.NOT_FOUND) ? Found.GONE : Found.UNKNOWN;
                endpointNote = endpoint == Found.GONE ? endpointNote : lookupError(e) + "; " + endpointNote;
            }
            add(Kind.ENDPOINT, "AgentCore", "DeleteAgentRuntimeEndpoint", id + "/DEFAULT", endpoint, Action.NONE,
                    endpointNote);
            try {
                Optional<RuntimeService.AgentRuntime> runtime = c.runtimes().get(id);
                boolean deleting = runtime.map(r -> String.valueOf(r.status()).startsWith("DELET")).orElse(false);
                if (runtime.isEmpty() || deleting) {
                    add(Kind.RUNTIME, "AgentCore", "DeleteAgentRuntime", id, Found.GONE, Action.NONE,
                            deleting ? "already being deleted" : null);
                } else {
                    add(Kind.RUNTIME, "AgentCore", "DeleteAgentRuntime", id, Found.EXISTS, Action.DELETE,
                            agent.agentArn());
                }
            } catch (CloudException e) {
                boolean gone = e.is(CloudException.Kind.NOT_FOUND);
                add(Kind.RUNTIME, "AgentCore", "DeleteAgentRuntime", id, gone ? Found.GONE : Found.UNKNOWN,
                        gone ? Action.NONE : Action.DELETE, gone ? null : lookupError(e));
            }
        }

        private void registry() {
            String created = agent.createdResource("ecr_repository");
            String repo = created != null ? created : Ownership.repositoryName(agent.ecrRepository());
            if (repo == null) {
                return;
            }
            Optional<ContainerRegistry.Repository> found;
            List<ContainerRegistry.Image> images = List.of();
            try {
                found = c.registry().findRepository(repo);
                if (found.isPresent()) {
                    images = c.registry().listImages(repo);
                }
            } catch (CloudException e) {
                if (!e.is(CloudException.Kind.NOT_FOUND)) {
                    String err = lookupError(e);
                    add(Kind.IMAGES, "ECR", "BatchDeleteImage", repo, Found.UNKNOWN, Action.KEEP,
                            err + "; rerun when it can be read");
                    add(Kind.REPOSITORY, "ECR", "DeleteRepository", repo, Found.UNKNOWN, Action.KEEP, err);
                    return;
                }
                found = Optional.empty();
            }
            if (found.isEmpty()) {
                add(Kind.IMAGES, "ECR", "BatchDeleteImage", repo, Found.GONE, Action.NONE, "the repository is gone");
                add(Kind.REPOSITORY, "ECR", "DeleteRepository", repo, Found.GONE, Action.NONE, null);
                return;
            }
            List<String> sharers = Ownership.otherAgentsUsingRepository(project, name, repo);
            String tagProblem = created == null ? null : Ownership.tagProblem(found.get().tags(), name);
            boolean owned = created != null && tagProblem == null && sharers.isEmpty();
            String notOurs = created == null ? "not created by agentcore-java"
                    : tagProblem != null ? "recorded as created, but " + tagProblem
                    : "also used by agent(s) " + sharers;

            if (owned) {
                long n = images.size();
                add(Kind.IMAGES, "ECR", "BatchDeleteImage", repo, n == 0 ? Found.GONE : Found.EXISTS,
                        n == 0 ? Action.NONE : Action.DELETE, n == 0 ? "no images" : "all " + n
                                + (n == 1 ? " image" : " images") + " (the repository was created for this agent)");
            } else {
                imageTag = Ownership.imageTag(stringAt("bedrock_agentcore", "image_uri"));
                String tag = imageTag;
                boolean imageHere = tag != null
                        && repo.equals(Ownership.repositoryName(stringAt("bedrock_agentcore", "image_uri")))
                        && images.stream().anyMatch(i -> tag.equals(i.tag()));
                if (imageHere) {
                    add(Kind.IMAGES, "ECR", "BatchDeleteImage", repo + ":" + imageTag, Found.EXISTS, Action.DELETE,
                            "only this agent's image: the repository is " + notOurs);
                } else {
                    add(Kind.IMAGES, "ECR", "BatchDeleteImage", repo, Found.GONE, Action.KEEP,
                            "no image of this agent recorded here; other images kept: the repository is " + notOurs);
                    imageTag = null;
                }
            }
            if (!owned) {
                add(Kind.REPOSITORY, "ECR", "DeleteRepository", repo, Found.EXISTS, Action.KEEP, notOurs);
            } else if (!deleteEcrRepo) {
                add(Kind.REPOSITORY, "ECR", "DeleteRepository", repo, Found.EXISTS, Action.KEEP,
                        "pass --delete-ecr-repo to delete the repository too");
            } else {
                add(Kind.REPOSITORY, "ECR", "DeleteRepository", repo, Found.EXISTS, Action.DELETE, null);
            }
        }

        private void buildProject() {
            String created = agent.createdResource("codebuild_project");
            if (created == null) {
                if (agent.codeBuildProject() != null) {
                    add(Kind.BUILD_PROJECT, "CodeBuild", "DeleteProject", agent.codeBuildProject(), Found.UNKNOWN,
                            Action.KEEP, "not recorded as created by agentcore-java");
                }
                return;
            }
            try {
                boolean exists = c.builds().projectExists(created);
                add(Kind.BUILD_PROJECT, "CodeBuild", "DeleteProject", created, exists ? Found.EXISTS : Found.GONE,
                        exists ? Action.DELETE : Action.NONE, null);
            } catch (CloudException e) {
                add(Kind.BUILD_PROJECT, "CodeBuild", "DeleteProject", created, Found.UNKNOWN, Action.DELETE,
                        lookupError(e));
            }
        }

        private void sourceObject() {
            String recorded = agent.createdResource("source_object");
            if (recorded == null && agent.sourceBucket() != null) {
                recorded = agent.sourceBucket() + "/" + name + "/source.zip";
            }
            if (recorded == null || recorded.indexOf('/') <= 0) {
                return;
            }
            int slash = recorded.indexOf('/');
            try {
                boolean exists = c.objects().objectExists(recorded.substring(0, slash), recorded.substring(slash + 1),
                        account);
                add(Kind.SOURCE_OBJECT, "S3", "DeleteObject", recorded, exists ? Found.EXISTS : Found.GONE,
                        exists ? Action.DELETE : Action.NONE,
                        exists ? "only this agent's object; the shared bucket stays" : null);
            } catch (CloudException e) {
                boolean gone = e.is(CloudException.Kind.NOT_FOUND);
                add(Kind.SOURCE_OBJECT, "S3", "DeleteObject", recorded, gone ? Found.GONE : Found.UNKNOWN,
                        gone ? Action.NONE : Action.DELETE, gone ? null : lookupError(e));
            }
        }

        private void role(Kind kind, String createdKind, String configured, String what) {
            String created = agent.createdResource(createdKind);
            if (created == null) {
                if (configured != null) {
                    add(kind, "IAM", "DeleteRole", Ownership.roleName(configured), Found.UNKNOWN, Action.KEEP,
                            "the " + what + " was supplied by you, not created by agentcore-java");
                }
                return;
            }
            String roleName = Ownership.roleName(created);
            Optional<RoleService.Role> role;
            try {
                role = c.roles().findRole(roleName);
            } catch (CloudException e) {
                if (!e.is(CloudException.Kind.NOT_FOUND)) {
                    add(kind, "IAM", "DeleteRole", roleName, Found.UNKNOWN, Action.KEEP,
                            lookupError(e) + "; not deleted until its tags can be checked");
                    return;
                }
                role = Optional.empty();
            }
            if (role.isEmpty()) {
                add(kind, "IAM", "DeleteRole", roleName, Found.GONE, Action.NONE, null);
                return;
            }
            List<String> sharers = Ownership.otherAgentsUsingRole(project, name, roleName);
            String tagProblem = Ownership.tagProblem(role.get().tags(), name);
            if (!sharers.isEmpty()) {
                add(kind, "IAM", "DeleteRole", roleName, Found.EXISTS, Action.KEEP,
                        "also used by agent(s) " + sharers);
            } else if (tagProblem != null) {
                add(kind, "IAM", "DeleteRole", roleName, Found.EXISTS, Action.KEEP,
                        "recorded as created, but " + tagProblem);
            } else {
                add(kind, "IAM", "DeleteRole", roleName, Found.EXISTS, Action.DELETE,
                        "the " + what + " created for this agent, with its inline policies");
            }
        }

        private void logGroups() {
            String region = agent.region() != null ? agent.region() : c.region();
            Map<String, String> groups = new java.util.LinkedHashMap<>();
            if (agent.agentId() != null) {
                groups.put("/aws/bedrock-agentcore/runtimes/" + agent.agentId() + "-DEFAULT", "the runtime's logs");
            }
            String project = agent.createdResource("codebuild_project");
            if (project != null) {
                groups.put("/aws/codebuild/" + project, "the build logs of this agent's CodeBuild project");
            }
            for (var e : groups.entrySet()) {
                String group = e.getKey();
                Found found;
                String note = e.getValue();
                try {
                    found = c.logs().logGroupExists(group) ? Found.EXISTS : Found.GONE;
                } catch (CloudException ex) {
                    found = ex.is(CloudException.Kind.NOT_FOUND) ? Found.GONE : Found.UNKNOWN;
                    note = found == Found.GONE ? note : lookupError(ex);
                }
                if (found == Found.GONE) {
                    add(Kind.LOG_GROUP, "Logs", "DeleteLogGroup", group, found, Action.NONE, null);
                } else if (keepLogs) {
                    add(Kind.LOG_GROUP, "Logs", "DeleteLogGroup", group, found, Action.KEEP, "--keep-logs; to "
                            + "remove it later: aws logs delete-log-group --log-group-name " + group + " --region "
                            + region);
                } else {
                    add(Kind.LOG_GROUP, "Logs", "DeleteLogGroup", group, found, Action.DELETE,
                            note + " (pass --keep-logs to keep them)");
                }
            }
        }

        private void configEntry() {
            List<String> others = new ArrayList<>(project.agentNames());
            others.remove(name);
            String note;
            if (others.isEmpty()) {
                note = "no agent left: the file is deleted";
            } else if (project.defaultAgent().map(name::equals).orElse(false)) {
                note = "the default agent becomes '" + others.get(0) + "'";
            } else {
                note = null;
            }
            add(Kind.CONFIG_ENTRY, "Config", "RemoveAgent", ProjectConfig.FILE_NAME + " agents." + name,
                    Found.EXISTS, Action.DELETE, note);
        }

        private String stringAt(String... path) {
            Object v = agent.get(path);
            return v == null ? null : String.valueOf(v);
        }

        private static String lookupError(CloudException e) {
            return "could not check (" + e.kind().name().toLowerCase().replace('_', ' ') + "): " + e.getMessage();
        }
    }
}
