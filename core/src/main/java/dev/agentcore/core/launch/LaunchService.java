package dev.agentcore.core.launch;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.cloud.Cloud;
import dev.agentcore.core.config.ConfigStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * {@code agentcore launch}: from a configured agent to a READY AgentCore runtime. {@link #plan} computes every call
 * (read-only: the dry run); {@link #launch} computes the same plan and executes it. Each step is idempotent, so a
 * launch interrupted anywhere can simply be run again.
 *
 * <p>For {@code --local-build}, which builds and pushes on this machine: {@link #ensureRepository} before the push,
 * then {@link #deployImage} (execution role, runtime, wait for READY, YAML), the same steps the CodeBuild path ends
 * with.
 */
public final class LaunchService {

    private final Cloud cloud;
    private final Path projectDir;
    private final LaunchProgress progress;
    private final Poller poller;
    private final Executor executor;

    /**
     * @param executor runs independent ensure-steps concurrently; null for a small pool per launch (tests pass
     *                 {@code Runnable::run} for a deterministic order)
     */
    public LaunchService(Cloud cloud, Path projectDir, LaunchProgress progress, Poller poller, Executor executor) {
        this.cloud = cloud;
        this.projectDir = projectDir;
        this.progress = progress;
        this.poller = poller;
        this.executor = executor;
    }

    public LaunchService(Cloud cloud, Path projectDir, LaunchProgress progress) {
        this(cloud, projectDir, progress, Poller.real(), null);
    }

    /** The dry run: the plan, from read-only calls; the bundle is built in a temporary file and thrown away. */
    public LaunchPlan plan(LaunchOptions options) {
        return announce(new LaunchPlanner(cloud, projectDir).plan(options, LaunchPlanner.Scope.FULL, null, null),
                options);
    }

    public LaunchResult launch(LaunchOptions options) {
        Path dir = tempDir();
        try {
            LaunchPlan plan = announce(new LaunchPlanner(cloud, projectDir)
                    .plan(options, LaunchPlanner.Scope.FULL, dir.resolve("source.zip"), null), options);
            return execute(plan);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** --local-build, before pushing: the agent's ECR repository (created when missing), as its URI. */
    public String ensureRepository(String agent) {
        LaunchPlan plan = new LaunchPlanner(cloud, projectDir).plan(LaunchOptions.defaults(agent),
                LaunchPlanner.Scope.REPOSITORY, null, null);
        plan.notes().forEach(progress::note);
        LaunchRun run = new LaunchRun(cloud, record(plan), progress, poller, Runnable::run, plan);
        run.run();
        return run.repositoryUri();
    }

    /** --local-build --dry-run: the plan of {@link #deployImage}. */
    public LaunchPlan planImage(LaunchOptions options, String imageUri) {
        return announce(new LaunchPlanner(cloud, projectDir).plan(options, LaunchPlanner.Scope.IMAGE, null,
                imageUri), options);
    }

    /** --local-build, after pushing: ensure the execution role, create or update the runtime, wait until READY. */
    public LaunchResult deployImage(LaunchOptions options, String imageUri) {
        return execute(planImage(options, imageUri));
    }

    private LaunchPlan announce(LaunchPlan plan, LaunchOptions options) {
        if (!options.env().isEmpty()) {
            progress.warn("--env values are stored in the runtime's configuration, readable by anyone allowed to "
                    + "call GetAgentRuntime: keep secrets in AgentCore Identity or Secrets Manager instead.");
        }
        plan.warnings().forEach(progress::warn);
        plan.notes().forEach(progress::note);
        return plan;
    }

    private LaunchResult execute(LaunchPlan plan) {
        ExecutorService pool = executor == null ? Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "launch-ensure");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            return new LaunchRun(cloud, record(plan), progress, poller, pool != null ? pool : executor, plan).run();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private AgentRecord record(LaunchPlan plan) {
        return new AgentRecord(new ConfigStore(projectDir), plan.agent());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("agentcore-launch");
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot create a temporary directory: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a leftover temporary zip is harmless
        }
    }
}
