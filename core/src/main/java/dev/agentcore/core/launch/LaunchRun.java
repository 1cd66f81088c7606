package dev.agentcore.core.launch;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.cloud.BuildService;
import dev.agentcore.core.cloud.Cloud;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.RuntimeService;
import dev.agentcore.core.launch.LaunchPlan.Targets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Executes a plan's steps in order, recording in the YAML what it creates as soon as it exists. Consecutive
 * ensure-steps of different chains (repository, roles, bucket) run concurrently.
 */
final class LaunchRun {

    static final Duration BUILD_TIMEOUT = Duration.ofSeconds(900);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(600);
    static final Duration ENDPOINT_TIMEOUT = Duration.ofSeconds(120);
    /** New IAM roles take seconds to become assumable; the service says so with these words. */
    static final List<Duration> ROLE_RETRY_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(15));
    private static final int LOG_LINES = 25;
    private static final Set<String> BUSY = Set.of("CREATING", "UPDATING");

    private final Cloud cloud;
    private final AgentRecord record;
    private final LaunchProgress progress;
    private final Poller poller;
    private final Executor executor;
    private final LaunchPlan plan;
    private final Targets t;

    private volatile String runtimeRoleArn;
    private volatile String buildRoleArn;
    private volatile String repositoryUri;
    private String buildId;
    private String runtimeId;
    private String runtimeArn;
    private String runtimeStatus;
    private String endpointStatus;

    LaunchRun(Cloud cloud, AgentRecord record, LaunchProgress progress, Poller poller, Executor executor,
              LaunchPlan plan) {
        this.cloud = cloud;
        this.record = record;
        this.progress = progress;
        this.poller = poller;
        this.executor = executor;
        this.plan = plan;
        this.t = plan.targets();
        this.runtimeRoleArn = t.runtimeRole() == null ? null : t.runtimeRole().arnOrUri();
        this.buildRoleArn = t.buildRole() == null ? null : t.buildRole().arnOrUri();
        this.repositoryUri = t.repository() == null ? null : t.repository().arnOrUri();
        this.runtimeId = t.runtimeId();
    }

    String repositoryUri() {
        return repositoryUri;
    }

    LaunchResult run() {
        recordFound();
        List<Step> steps = plan.steps();
        int i = 0;
        while (i < steps.size()) {
            if (steps.get(i).chain() == null) {
                execute(steps.get(i++));
                continue;
            }
            Map<Step.Chain, List<Step>> chains = new EnumMap<>(Step.Chain.class);
            while (i < steps.size() && steps.get(i).chain() != null) {
                chains.computeIfAbsent(steps.get(i).chain(), c -> new ArrayList<>()).add(steps.get(i));
                i++;
            }
            runConcurrently(chains.values());
        }
        return new LaunchResult(plan.agent(), plan.region(), runtimeId, runtimeArn, plan.imageUri(), runtimeStatus,
                endpointStatus, plan.build(), buildId);
    }

    /** Every chain runs to its end even when another fails, so what did get created is recorded. */
    private void runConcurrently(java.util.Collection<List<Step>> chains) {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (List<Step> chain : chains) {
            futures.add(CompletableFuture.runAsync(() -> chain.forEach(this::execute), executor));
        }
        RuntimeException first = null;
        for (CompletableFuture<Void> f : futures) {
            try {
                f.join();
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException re ? re : e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Resources found at plan time: their ids go to the YAML (as the Python tool does), ours are recorded. */
    private void recordFound() {
        record.update(config -> {
            var repo = t.repository();
            if (repo != null && repo.exists() && repo.ours()) {
                config.setCreatedResource("ecr_repository", repo.name());
            }
            if (repo != null && repo.exists() && (config.ecrRepository() == null || repo.ours())) {
                config.setEcrRepository(repo.arnOrUri());
                config.setEcrAutoCreate(false);
            }
            var role = t.runtimeRole();
            if (role != null && role.exists() && role.ours()) {
                config.setCreatedResource("execution_role", role.name());
            }
            if (role != null && role.exists() && config.executionRole() == null) {
                config.setExecutionRole(role.arnOrUri());
                config.setExecutionRoleAutoCreate(false);
            }
            var buildRole = t.buildRole();
            if (buildRole != null && buildRole.exists() && buildRole.ours()) {
                config.setCreatedResource("codebuild_role", buildRole.name());
            }
            if (buildRole != null && buildRole.exists() && config.codeBuildRole() == null) {
                config.setCodeBuildRole(buildRole.arnOrUri());
            }
            if (config.region() == null) {
                config.setRegion(plan.region());
            }
            if (config.account() == null) {
                config.setAccount(plan.account());
            }
        });
    }

    private void execute(Step step) {
        progress.step(step);
        try {
            perform(step);
        } catch (CloudException e) {
            throw AgentCoreException.failure(step.service() + " " + step.operation() + " " + step.resource()
                    + " failed: " + e.getMessage(), hintFor(e), e);
        }
    }

    private void perform(Step step) {
        ResourceNames names = t.names();
        switch (step.kind()) {
            case CREATE_REPOSITORY -> {
                var repo = cloud.registry().createRepository(step.resource(), names.tags());
                repositoryUri = repo.uri();
                record.update(config -> {
                    config.setCreatedResource("ecr_repository", repo.name());
                    config.setEcrRepository(repo.uri());
                    config.setEcrAutoCreate(false);
                });
            }
            case CREATE_RUNTIME_ROLE -> {
                var role = cloud.roles().createRole(step.resource(), t.runtimeRoleTrust(),
                        "Execution role of AgentCore Runtime agent " + plan.agent() + " (created by agentcore)",
                        names.tags());
                runtimeRoleArn = role.arn();
                record.update(config -> {
                    config.setCreatedResource("execution_role", role.name());
                    config.setExecutionRole(role.arn());
                    config.setExecutionRoleAutoCreate(false);
                });
            }
            case PUT_RUNTIME_ROLE_POLICY ->
                    cloud.roles().putRolePolicy(t.runtimeRole().name(), names.runtimePolicy(), t.runtimeRolePolicy());
            case CREATE_BUILD_ROLE -> {
                var role = cloud.roles().createRole(step.resource(), t.buildRoleTrust(),
                        "CodeBuild role of agent " + plan.agent() + " ARM64 builds (created by agentcore)",
                        names.tags());
                buildRoleArn = role.arn();
                record.update(config -> {
                    config.setCreatedResource("codebuild_role", role.name());
                    config.setCodeBuildRole(role.arn());
                });
            }
            case PUT_BUILD_ROLE_POLICY ->
                    cloud.roles().putRolePolicy(t.buildRole().name(), names.codeBuildPolicy(), t.buildRolePolicy());
            case CREATE_BUCKET -> cloud.objects().createBucket(names.bucket(), plan.region(), names.account());
            case PUT_BUCKET_LIFECYCLE -> cloud.objects().putExpiryRule(names.bucket(), names.account(),
                    LaunchPlanner.SOURCE_EXPIRY_DAYS);
            case UPLOAD_SOURCE -> {
                cloud.objects().putObject(names.bucket(), names.sourceKey(), plan.bundle().zip(), names.account());
                record.update(config -> {
                    config.setCreatedResource("source_object", names.bucket() + "/" + names.sourceKey());
                    config.setSourceBucket(names.bucket());
                });
            }
            case CREATE_PROJECT -> {
                BuildService.ProjectSpec spec = projectSpec();
                retryingFreshRole("CreateProject", () -> {
                    try {
                        cloud.builds().createProject(spec);
                    } catch (CloudException e) {
                        if (!e.is(CloudException.Kind.ALREADY_EXISTS)) {
                            throw e;
                        }
                        cloud.builds().updateProject(spec);
                    }
                    return null;
                });
                record.update(config -> {
                    config.setCreatedResource("codebuild_project", spec.name());
                    config.setCodeBuildProject(spec.name());
                });
            }
            case UPDATE_PROJECT -> {
                BuildService.ProjectSpec spec = projectSpec();
                retryingFreshRole("UpdateProject", () -> {
                    cloud.builds().updateProject(spec);
                    return null;
                });
                record.update(config -> config.setCodeBuildProject(spec.name()));
            }
            case START_BUILD -> {
                buildId = retryingFreshRole("StartBuild", () -> cloud.builds().startBuild(names.project(),
                        names.bucket() + "/" + names.sourceKey()));
                progress.note("Build " + buildId + " started.");
            }
            case WAIT_BUILD -> waitForBuild();
            case CREATE_RUNTIME -> createRuntime();
            case UPDATE_RUNTIME -> updateRuntime();
            case WAIT_RUNTIME -> waitForRuntime();
            case CHECK_ENDPOINT -> checkEndpoint();
        }
    }

    private BuildService.ProjectSpec projectSpec() {
        BuildService.ProjectSpec p = t.project();
        return new BuildService.ProjectSpec(p.name(), p.sourceLocation(), p.buildspec(), p.environmentType(),
                p.image(), p.computeType(), p.privilegedMode(), buildRoleArn, p.environmentVariables(), p.tags());
    }

    private RuntimeService.RuntimeSpec runtimeSpec() {
        RuntimeService.RuntimeSpec s = t.runtime();
        return new RuntimeService.RuntimeSpec(s.name(), s.containerUri(), runtimeRoleArn, s.networkMode(),
                s.subnets(), s.securityGroups(), s.protocol(), s.environment(), s.authorizer(),
                s.requestHeaderAllowlist(), s.idleTimeout(), s.maxLifetime(), s.description(), s.tags());
    }

    private void waitForBuild() {
        Poller.Outcome<BuildService.Build> outcome = poller.until("CodeBuild build " + buildId, BUILD_TIMEOUT,
                Duration.ofSeconds(1), Duration.ofSeconds(5), () -> cloud.builds().getBuild(buildId),
                BuildService.Build::finished, progress::build);
        BuildService.Build build = outcome.last();
        if (!outcome.done()) {
            throw AgentCoreException.failure("CodeBuild build " + buildId + " did not finish within "
                    + BUILD_TIMEOUT.toMinutes() + " minutes (still in phase " + build.currentPhase() + ").",
                    "Follow it with: " + buildTail(build) + ". The deployed runtime was left as it was.");
        }
        if (!"SUCCEEDED".equals(build.status())) {
            String phase = failedPhase(build);
            List<String> lines = List.of();
            try {
                lines = cloud.logs().lastLines(build.logGroup(), build.logStream(), LOG_LINES);
            } catch (CloudException e) {
                progress.warn("Could not read the build log: " + e.getMessage());
            }
            progress.buildLog(build.logGroup(), build.logStream(), lines);
            throw AgentCoreException.failure("CodeBuild build " + buildId + " failed in phase " + phase + " ("
                    + build.status() + ").", "Build log: " + buildTail(build) + ". The deployed runtime was left "
                    + "as it was; fix the cause and rerun 'agentcore launch'.");
        }
    }

    private String buildTail(BuildService.Build build) {
        return "aws logs tail " + build.logGroup() + " --log-stream-names " + build.logStream() + " --region "
                + plan.region();
    }

    private static String failedPhase(BuildService.Build build) {
        if (build.phases() != null) {
            for (BuildService.Phase p : build.phases()) {
                if (p.status() != null && !"SUCCEEDED".equals(p.status())) {
                    return p.type();
                }
            }
        }
        return build.currentPhase();
    }

    private void createRuntime() {
        RuntimeService.RuntimeSpec spec = runtimeSpec();
        RuntimeService.AgentRuntime created;
        try {
            created = retryingRole("CreateAgentRuntime", () -> cloud.runtimes().create(spec));
        } catch (CloudException e) {
            if (!e.is(CloudException.Kind.CONFLICT)) {
                throw e;
            }
            // created by someone else since the plan was made
            Optional<RuntimeService.AgentRuntime> existing = cloud.runtimes().findByName(spec.name());
            if (!t.autoUpdateOnConflict() || existing.isEmpty()) {
                throw AgentCoreException.failure("An agent runtime named '" + spec.name() + "' already exists, but "
                        + ".bedrock_agentcore.yaml does not know it.", "Rerun with --auto-update-on-conflict to "
                        + "update that runtime, or configure the agent under another name.");
            }
            String id = existing.get().id();
            created = retryingRole("UpdateAgentRuntime", () -> cloud.runtimes().update(id, spec));
        }
        saveRuntime(created);
    }

    private void updateRuntime() {
        RuntimeService.RuntimeSpec spec = runtimeSpec();
        RuntimeService.AgentRuntime updated;
        try {
            updated = retryingRole("UpdateAgentRuntime", () -> cloud.runtimes().update(runtimeId, spec));
        } catch (CloudException e) {
            if (!e.is(CloudException.Kind.NOT_FOUND)) {
                throw e;
            }
            progress.warn("Runtime " + runtimeId + " was deleted outside agentcore during the launch: creating it "
                    + "anew.");
            updated = retryingRole("CreateAgentRuntime", () -> cloud.runtimes().create(spec));
        }
        saveRuntime(updated);
    }

    private void saveRuntime(RuntimeService.AgentRuntime runtime) {
        runtimeId = runtime.id();
        runtimeArn = runtime.arn();
        runtimeStatus = runtime.status();
        record.update(config -> {
            String oldSession = config.sessionId();
            if (oldSession != null) {
                progress.warn("Session id reset to reach the new version; the previous one (" + oldSession
                        + ") still reaches the old one.");
            }
            config.setAgentId(runtime.id());
            config.setAgentArn(runtime.arn());
            config.setSessionId(null);
            config.set(plan.imageUri(), "bedrock_agentcore", "image_uri");
            config.set(RuntimeFingerprint.of(t.runtime()), "bedrock_agentcore", RuntimeFingerprint.KEY);
        });
    }

    private void waitForRuntime() {
        java.time.Instant start = poller.now();
        Poller.Outcome<Optional<RuntimeService.AgentRuntime>> outcome = poller.until("runtime " + runtimeId,
                READY_TIMEOUT, Duration.ofSeconds(1), Duration.ofSeconds(5), () -> cloud.runtimes().get(runtimeId),
                r -> r.isPresent() && !BUSY.contains(r.get().status()),
                r -> progress.waiting("runtime " + runtimeId, r.map(RuntimeService.AgentRuntime::status)
                        .orElse("NOT_FOUND"), Duration.between(start, poller.now())));
        RuntimeService.AgentRuntime runtime = outcome.last().orElse(null);
        runtimeStatus = runtime == null ? "NOT_FOUND" : runtime.status();
        if (runtimeArn == null && runtime != null) {
            runtimeArn = runtime.arn(); // an unchanged runtime: no create or update said it
        }
        String tail = "aws logs tail " + ResourceNames.runtimeLogGroup(runtimeId) + " --region " + plan.region();
        if (!outcome.done()) {
            throw AgentCoreException.failure("Runtime " + runtimeId + " is still " + runtimeStatus + " after "
                    + READY_TIMEOUT.toMinutes() + " minutes.", "Check again with 'agentcore status'; logs: " + tail);
        }
        if (!"READY".equals(runtimeStatus)) {
            String reason = runtime.failureReason() == null ? "no reason given" : runtime.failureReason();
            throw AgentCoreException.failure("Runtime " + runtimeId + " ended " + runtimeStatus + ": " + reason,
                    "Logs: " + tail + ". Fix the cause and rerun 'agentcore launch'.");
        }
    }

    /** A missing or slow DEFAULT endpoint is reported, not fatal: the runtime itself is READY. */
    private void checkEndpoint() {
        Poller.Outcome<Optional<RuntimeService.Endpoint>> outcome = poller.until("endpoint DEFAULT of " + runtimeId,
                ENDPOINT_TIMEOUT, Duration.ofSeconds(1), Duration.ofSeconds(5),
                () -> cloud.runtimes().getEndpoint(runtimeId, "DEFAULT"),
                e -> e.isPresent() && !BUSY.contains(e.get().status()), e -> { });
        Optional<RuntimeService.Endpoint> endpoint = outcome.last();
        endpointStatus = endpoint.map(RuntimeService.Endpoint::status).orElse(null);
        if (endpoint.isEmpty()) {
            progress.warn("Runtime " + runtimeId + " has no DEFAULT endpoint yet; invoke needs it. Check "
                    + "'agentcore status' in a minute.");
        } else if (!"READY".equals(endpointStatus)) {
            progress.warn("The DEFAULT endpoint of " + runtimeId + " is " + endpointStatus
                    + (endpoint.get().failureReason() == null ? "" : ": " + endpoint.get().failureReason()) + ".");
        }
    }

    private <T> T retryingFreshRole(String what, Supplier<T> call) {
        boolean fresh = plan.steps().stream().anyMatch(s -> s.kind() == Step.Kind.CREATE_BUILD_ROLE);
        return fresh ? retryingRole(what, call) : call.get();
    }

    /** Retries a call the service refused because a new role is not assumable yet (IAM is eventually consistent). */
    private <T> T retryingRole(String what, Supplier<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (CloudException e) {
                if (attempt >= ROLE_RETRY_DELAYS.size() || !roleNotAssumableYet(e)) {
                    throw e;
                }
                Duration delay = ROLE_RETRY_DELAYS.get(attempt);
                progress.note("The IAM role is not assumable yet (new roles take a few seconds); retrying " + what
                        + " in " + delay.toSeconds() + " s (" + (attempt + 1) + "/" + ROLE_RETRY_DELAYS.size() + ").");
                poller.sleep(delay, "IAM role propagation");
            }
        }
    }

    static boolean roleNotAssumableYet(CloudException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("role validation failed") || m.contains("cannot be assumed")
                || (m.contains("not authorized to perform") && m.contains("sts:assumerole"));
    }

    private static String hintFor(CloudException e) {
        return switch (e.kind()) {
            case ACCESS_DENIED -> "Your credentials lack this permission (see README for the policy launch needs); "
                    + "rerunning after fixing it reuses the finished steps.";
            case CREDENTIALS -> "Log in to AWS (aws sso login, or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY) and "
                    + "rerun.";
            case THROTTLED -> "The service is throttling requests; rerun in a moment (finished steps are reused).";
            default -> "Rerun 'agentcore launch' after fixing the cause: finished steps are reused, nothing is "
                    + "created twice.";
        };
    }
}
