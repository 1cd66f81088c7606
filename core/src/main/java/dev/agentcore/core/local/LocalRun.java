package dev.agentcore.core.local;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.aws.AwsClients;
import dev.agentcore.core.aws.AwsSettings;
import dev.agentcore.core.config.AgentConfig;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code launch --local}: runs an agent on this machine behind the AgentCore runtime contract ({@code GET /ping},
 * {@code POST /invocations}) on one port, either as a container built from the generated Dockerfile or, without a
 * container engine, as a plain host Python process. It returns once {@code /ping} answers; a foreground run is then
 * held by {@link #serve}, a detached one is stopped later by {@link #stop} through the recorded state.
 */
public final class LocalRun {

    /** What the user asked for. {@code runtime} is the --container-runtime override (null: configured/detected). */
    public record Options(String runtime, Map<String, String> env, int port, boolean detach, Duration readyTimeout) {
        public Options {
            env = Map.copyOf(env);
        }
    }

    /** A started agent. {@code handle} is the foreground process (agent or engine client), null when detached. */
    public record Launched(String agent, String mode, String engine, String container, String image, long pid,
                           String url, Path logFile, ProcessRunner.Started handle) { }

    /** The result of --stop. */
    public record Stopped(String agent, boolean wasRunning, String message) { }

    private final Path projectDir;
    private final ProcessRunner runner;
    private final PrintWriter progress;
    private final AwsSettings aws;
    private final EngineDetector detector;

    public LocalRun(Path projectDir, ProcessRunner runner, PrintWriter progress, AwsSettings aws) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.runner = runner;
        this.progress = progress;
        this.aws = aws;
        this.detector = new EngineDetector(runner);
    }

    /** Starts the agent and waits until {@code /ping} answers (or fails with the reason). */
    public Launched start(AgentConfig agent, Options options) {
        String name = agent.name();
        LocalEndpoint endpoint = new LocalEndpoint(options.port());
        refuseIfRunning(name, endpoint);
        String region = agent.region() != null ? agent.region() : AwsClients.resolveRegion(aws);
        Map<String, String> env = AgentEnvironment.forAgent(agent, region, options.env());
        Optional<ContainerEngine> engine = chooseEngine(agent, options.runtime());
        return engine.isPresent()
                ? startContainer(agent, engine.get(), env, endpoint, options)
                : startProcess(agent, env, endpoint, options);
    }

    /**
     * Holds a foreground run until the agent stops or the user presses Ctrl-C (a shutdown hook stops it cleanly).
     * Returns the agent's exit code.
     */
    public int serve(Launched launched) {
        Thread hook = new Thread(() -> {
            progress.println("Stopping " + launched.agent() + "...");
            progress.flush();
            stopLaunched(launched);
            progress.println("Stopped");
            progress.flush();
        }, "agentcore-local-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int code;
        try {
            code = launched.handle().process().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopLaunched(launched);
            code = 130;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return code;
        }
        launched.handle().drain(Duration.ofSeconds(5));
        LocalRunState.delete(projectDir, launched.agent());
        return code;
    }

    /** Stops what an earlier {@code launch --local} of this agent started; nothing running is not an error. */
    public Stopped stop(String agent) {
        Optional<LocalRunState> state = LocalRunState.load(projectDir, agent);
        if (state.isEmpty()) {
            return new Stopped(agent, false, "No local run of '" + agent + "' is recorded; nothing to stop.");
        }
        LocalRunState s = state.get();
        boolean stopped = false;
        String what;
        if (LocalRunState.MODE_CONTAINER.equals(s.mode())) {
            Optional<java.nio.file.Path> exe = runner.find(s.engine());
            if (exe.isPresent()) {
                stopped = new CliContainerEngine(s.engine(), exe.get(), runner).stop(s.container());
            }
            Optional<ProcessHandle> client = s.liveProcess();
            if (client.isPresent()) {
                ProcessTree.stop(client.get(), Duration.ofSeconds(10));
                stopped = true;
            }
            what = "container " + s.container() + " (" + s.engine() + ")";
        } else {
            Optional<ProcessHandle> live = s.liveProcess();
            if (live.isPresent()) {
                if (!ProcessTree.stop(live.get(), Duration.ofSeconds(10))) {
                    throw AgentCoreException.failure("Process " + s.pid() + " of agent '" + agent
                            + "' did not stop.", "Kill it by hand: kill -9 " + s.pid());
                }
                stopped = true;
            }
            what = "process " + s.pid();
        }
        LocalRunState.delete(projectDir, agent);
        return stopped
                ? new Stopped(agent, true, "Stopped local agent '" + agent + "' (" + what + ").")
                : new Stopped(agent, false, "Local agent '" + agent + "' was no longer running (" + what
                + "); cleared its record.");
    }

    // ---- engine choice ----

    private Optional<ContainerEngine> chooseEngine(AgentConfig agent, String override) {
        if (override != null) {
            String wanted = EngineDetector.requireKnown(override);
            if (wanted.equals(EngineDetector.NONE)) {
                return Optional.empty();
            }
            EngineDetector.Detection d = detector.detectOnly(wanted);
            if (d.engine().isEmpty()) {
                throw AgentCoreException.failure("Cannot run locally with " + wanted + ": " + d.summary() + ".",
                        EngineDetector.fixFor(d) + " Or pass --container-runtime none to run the entrypoint with "
                                + "the host's Python.");
            }
            return d.engine();
        }
        EngineDetector.Detection d = detector.detect(agent.containerRuntime());
        if (d.engine().isEmpty()) {
            progress.println("No usable container engine (" + d.summary() + ").");
            progress.println("Running the agent with the host's Python instead (as --container-runtime none). "
                    + "To run its image: " + EngineDetector.fixFor(d));
            progress.flush();
        }
        return d.engine();
    }

    private void refuseIfRunning(String agent, LocalEndpoint endpoint) {
        Optional<LocalRunState> state = LocalRunState.load(projectDir, agent);
        boolean ours = state.isPresent() && (state.get().liveProcess().isPresent()
                || LocalRunState.MODE_CONTAINER.equals(state.get().mode()));
        if (state.isPresent() && !ours) {
            LocalRunState.delete(projectDir, agent);
        }
        if (ours && state.get().port() != endpoint.port()) {
            throw AgentCoreException.failure("Agent '" + agent + "' is already running locally on port "
                    + state.get().port() + ".", "Stop it first: agentcore launch --local --stop --agent " + agent);
        }
        if (!endpoint.portFree()) {
            throw portBusy(endpoint.port(), ours ? agent : null);
        }
    }

    static AgentCoreException portBusy(int port, String ourAgent) {
        String hint = ourAgent != null
                ? "It is the agent '" + ourAgent + "' started earlier: stop it with 'agentcore launch --local --stop'."
                : "Stop what holds it (if it is an agent started by 'agentcore launch --local', run "
                + "'agentcore launch --local --stop'; otherwise find it with 'lsof -i :" + port + "'), "
                + "or pass --port N.";
        return AgentCoreException.failure("Port " + port + " is already in use.", hint);
    }

    // ---- container mode ----

    private Launched startContainer(AgentConfig agent, ContainerEngine engine, Map<String, String> env,
                                    LocalEndpoint endpoint, Options options) {
        String name = agent.name();
        Path dockerfile = dockerfile(name);
        Path context = sourceDir(agent);
        String image = localImage(name);
        progress.println("Building " + image + " with " + engine.name() + " (platform " + agent.platform() + ")...");
        hostArchNote(agent.platform()).ifPresent(progress::println);
        progress.flush();
        engine.build(image, dockerfile, context, agent.platform());
        progress.println("Image built: " + image);
        Map<String, String> runEnv = new LinkedHashMap<>(env);
        runEnv.putAll(callerCredentials());
        String container = "bedrock_agentcore-" + name + "-" + (System.currentTimeMillis() / 1000);
        ContainerEngine.RunSpec spec = new ContainerEngine.RunSpec(image, container, endpoint.port(),
                LocalEndpoint.CONTRACT_PORT, runEnv);
        ProcessRunner.Started client = engine.run(spec, options.detach());
        if (options.detach()) {
            awaitDetachedStart(engine, client, endpoint);
            new LocalRunState(name, LocalRunState.MODE_CONTAINER, 0, null, engine.name(), container,
                    endpoint.port(), null).save(projectDir);
            waitReadyOrFail(endpoint, options, () -> true, () -> {
                engine.stop(container);
                LocalRunState.delete(projectDir, name);
                return AgentCoreException.failure("Container " + container + " did not answer /ping on port "
                        + endpoint.port() + " within " + options.readyTimeout().toSeconds() + "s; stopped it.",
                        "Run it in the foreground to see its logs: agentcore launch --local");
            });
            return new Launched(name, LocalRunState.MODE_CONTAINER, engine.name(), container, image, 0,
                    endpoint.url(), null, null);
        }
        new LocalRunState(name, LocalRunState.MODE_CONTAINER, client.pid(),
                LocalRunState.startOf(client.process().toHandle()), engine.name(), container, endpoint.port(), null)
                .save(projectDir);
        waitReadyOrFail(endpoint, options, () -> client.process().isAlive(), () -> {
            client.drain(Duration.ofSeconds(5));
            if (!client.process().isAlive()) {
                LocalRunState.delete(projectDir, name);
                return containerFailure(engine, client.process().exitValue(), client.tail(), endpoint.port());
            }
            engine.stop(container);
            ProcessTree.stop(client.process().toHandle(), Duration.ofSeconds(10));
            LocalRunState.delete(projectDir, name);
            return AgentCoreException.failure("Container " + container + " did not answer /ping on port "
                    + endpoint.port() + " within " + options.readyTimeout().toSeconds() + "s; stopped it.",
                    "Check the log lines above for the agent's error.");
        });
        return new Launched(name, LocalRunState.MODE_CONTAINER, engine.name(), container, image, client.pid(),
                endpoint.url(), null, client);
    }

    /** {@code run -d} returns after creating the container; its exit code says whether that worked. */
    private void awaitDetachedStart(ContainerEngine engine, ProcessRunner.Started client, LocalEndpoint endpoint) {
        boolean done;
        try {
            done = client.process().waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done) {
            ProcessTree.stop(client.process().toHandle(), Duration.ofSeconds(5));
            throw AgentCoreException.failure(engine.name() + " run did not return within 120s.",
                    "Check that " + engine.name() + " works: " + engine.name() + " ps");
        }
        client.drain(Duration.ofSeconds(5));
        if (client.process().exitValue() != 0) {
            throw containerFailure(engine, client.process().exitValue(), client.tail(), endpoint.port());
        }
    }

    private static AgentCoreException containerFailure(ContainerEngine engine, int exitCode, List<String> tail,
                                                       int port) {
        String out = String.join("\n", tail).toLowerCase(Locale.ROOT);
        if (out.contains("port is already allocated") || out.contains("address already in use")) {
            return portBusy(port, null);
        }
        EngineDetector.Status status = EngineDetector.classify(out);
        if (status == EngineDetector.Status.DAEMON_NOT_RUNNING || status == EngineDetector.Status.PERMISSION_DENIED) {
            return AgentCoreException.failure("Cannot run the container: "
                    + EngineDetector.describe(engine.name(), status, CliContainerEngine.lastLines(tail, 2)),
                    EngineDetector.fixFor(engine.name(), status));
        }
        return AgentCoreException.failure("The container stopped (" + engine.name() + " exit " + exitCode
                + ") before answering /ping: " + CliContainerEngine.lastLines(tail, 10),
                "Check the agent's log lines above; run the image by hand to debug it.");
    }

    /** The caller's credentials for the container (which has no ~/.aws): resolved, never printed or stored. */
    private Map<String, String> callerCredentials() {
        Map<String, String> env = new LinkedHashMap<>();
        try (AwsClients clients = new AwsClients(aws)) {
            AwsCredentials c = clients.credentialsProvider().resolveCredentials();
            env.put("AWS_ACCESS_KEY_ID", c.accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", c.secretAccessKey());
            if (c instanceof AwsSessionCredentials s) {
                env.put("AWS_SESSION_TOKEN", s.sessionToken());
            }
        } catch (RuntimeException e) {
            progress.println("No AWS credentials found: the agent runs without AWS access.");
        }
        return env;
    }

    static Optional<String> hostArchNote(String platform) {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        if (platform.endsWith("arm64") && !arm) {
            return Optional.of("Note: this host is " + arch + "; building and running a " + platform
                    + " image needs emulation (QEMU/binfmt, included in Docker Desktop, Finch and Podman machine).");
        }
        return Optional.empty();
    }

    /** {@code .bedrock_agentcore/<agent>/Dockerfile} (or the legacy {@code ./Dockerfile}); configure writes it. */
    public Path dockerfile(String agent) {
        Path generated = projectDir.resolve(".bedrock_agentcore").resolve(agent).resolve("Dockerfile");
        if (Files.isRegularFile(generated)) {
            return generated;
        }
        Path legacy = projectDir.resolve("Dockerfile");
        if (Files.isRegularFile(legacy)) {
            return legacy;
        }
        throw AgentCoreException.invalidInput("Dockerfile not found at " + generated + ".",
                "Run 'agentcore configure' first (or use --container-runtime none to run without a container).");
    }

    /** Where the Dockerfile is, or where configure would write it (for a plan). */
    String dockerfileOrExpected(String agent) {
        try {
            return dockerfile(agent).toString();
        } catch (AgentCoreException e) {
            return projectDir.resolve(".bedrock_agentcore").resolve(agent).resolve("Dockerfile") + " (missing)";
        }
    }

    /** Docker image names must be lower case; agent names may not be. */
    public static String localImage(String agent) {
        return "bedrock_agentcore-" + agent.toLowerCase(Locale.ROOT) + ":latest";
    }

    // ---- process mode ----

    private Launched startProcess(AgentConfig agent, Map<String, String> env, LocalEndpoint endpoint,
                                  Options options) {
        String name = agent.name();
        if (!"python".equalsIgnoreCase(agent.language())) {
            throw AgentCoreException.failure("Running without a container supports Python agents only ('" + name
                    + "' is " + agent.language() + ").", EngineDetector.installHint());
        }
        Path entrypoint = entrypoint(agent);
        Path source = sourceDir(agent);
        Path python = HostPython.find(runner, source, projectDir);
        Map<String, String> childEnv = new LinkedHashMap<>(env);
        childEnv.put("PORT", String.valueOf(endpoint.port()));
        childEnv.put("PYTHONUNBUFFERED", "1");
        String profile = aws.effectiveProfile();
        if (profile != null) {
            childEnv.put("AWS_PROFILE", profile);
        }
        progress.println("Starting " + projectDir.relativize(entrypoint.toAbsolutePath()) + " with " + python
                + " on port " + endpoint.port() + " (no container)...");
        progress.flush();
        ProcessRunner.Call call = ProcessRunner.Call.of(List.of(python.toString(), "-u", entrypoint.toString()))
                .in(source).withEnv(childEnv).streamedAs("  [" + name + "] ");
        Path log = null;
        ProcessRunner.Started started;
        if (options.detach()) {
            log = LocalRunState.file(projectDir, name).resolveSibling("local.log");
            try {
                Files.createDirectories(log.getParent());
                Files.deleteIfExists(log);
            } catch (IOException e) {
                throw AgentCoreException.failure("Cannot write " + log + ": " + e.getMessage());
            }
            started = runner.start(call, log);
        } else {
            started = runner.start(call, null);
        }
        Process p = started.process();
        new LocalRunState(name, LocalRunState.MODE_PROCESS, p.pid(), LocalRunState.startOf(p.toHandle()), null,
                null, endpoint.port(), log == null ? null : log.toString()).save(projectDir);
        Path logFile = log;
        waitReadyOrFail(endpoint, options, p::isAlive, () -> {
            Integer code = null;
            if (p.isAlive()) {
                ProcessTree.stop(p.toHandle(), Duration.ofSeconds(5));
            } else {
                code = p.exitValue();
            }
            started.drain(Duration.ofSeconds(5));
            LocalRunState.delete(projectDir, name);
            List<String> output = logFile == null ? started.tail() : ProcessRunner.tailOf(logFile, 40);
            if (code == null) {
                return AgentCoreException.failure("Agent '" + name + "' did not answer /ping on port "
                        + endpoint.port() + " within " + options.readyTimeout().toSeconds() + "s; stopped it.",
                        "Check that it serves the AgentCore contract on $PORT (default 8080)"
                                + (logFile == null ? "." : "; its output is in " + logFile + "."));
            }
            return HostPython.startFailure(name, python, source, entrypoint, code, output);
        });
        return new Launched(name, LocalRunState.MODE_PROCESS, null, null, null, p.pid(), endpoint.url(), log,
                options.detach() ? null : started);
    }

    private void waitReadyOrFail(LocalEndpoint endpoint, Options options, java.util.function.BooleanSupplier alive,
                                 java.util.function.Supplier<AgentCoreException> onFailure) {
        LocalEndpoint.Wait w = endpoint.awaitReady(options.readyTimeout(), alive);
        if (w != LocalEndpoint.Wait.READY) {
            throw onFailure.get();
        }
    }

    private Path entrypoint(AgentConfig agent) {
        String ep = agent.entrypoint();
        if (ep == null || ep.isBlank()) {
            throw AgentCoreException.invalidInput("Agent '" + agent.name() + "' has no entrypoint.",
                    "Run 'agentcore configure --entrypoint <file>'.");
        }
        Path p = projectDir.resolve(ep).normalize();
        if (!Files.exists(p)) {
            throw AgentCoreException.invalidInput("Entrypoint " + p + " not found.",
                    "Run 'agentcore configure --entrypoint <file>' again with the agent's file.");
        }
        return p;
    }

    private Path sourceDir(AgentConfig agent) {
        if (agent.sourcePath() != null && !agent.sourcePath().isBlank()) {
            return projectDir.resolve(agent.sourcePath()).normalize();
        }
        Path ep = entrypoint(agent);
        return Files.isDirectory(ep) ? ep : ep.getParent();
    }

    /** Stops a run this process started (the shutdown hook's work); bounded. */
    private void stopLaunched(Launched launched) {
        try {
            if (launched.container() != null) {
                runner.find(launched.engine()).ifPresent(exe ->
                        new CliContainerEngine(launched.engine(), exe, runner).stop(launched.container()));
            }
            if (launched.handle() != null) {
                ProcessTree.stop(launched.handle().process().toHandle(), Duration.ofSeconds(10));
            }
        } catch (RuntimeException e) {
            progress.println("Could not stop cleanly: " + e.getMessage());
        } finally {
            LocalRunState.delete(projectDir, launched.agent());
        }
    }
}
