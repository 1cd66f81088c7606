package dev.agentcore.core.local;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.aws.AwsSettings;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRunTest {

    @TempDir
    Path dir;

    private final StringWriter progress = new StringWriter();
    private LocalRun run;
    private Path project;

    private LocalRun localRun(FakeEngine fake, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("PATH", fake.path());
        env.put("HOME", dir.toString());
        run = new LocalRun(project, new ProcessRunner(env, new PrintWriter(progress, true)), new PrintWriter(progress,
                true), new AwsSettings(null, null, null, env));
        return run;
    }

    private AgentConfig agent(String name) {
        return new ConfigStore(project).require().select(name);
    }

    private static LocalRun.Options options(String runtime, int port, boolean detach) {
        return new LocalRun.Options(runtime, Map.of("GREETING", "hi"), port, detach, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopLeftovers() {
        if (run != null && project != null) {
            for (String name : new ConfigStore(project).require().agentNames()) {
                run.stop(name);
            }
        }
    }

    @Test
    void processModeDetachedAnswersTheContractAndStopsLeavingNothingBehind() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir);
        int port = FakeEngine.freePort();
        LocalRun.Launched launched = localRun(fake, Map.of()).start(agent("echo"), options("none", port, true));

        assertThat(launched.mode()).isEqualTo("process");
        assertThat(launched.url()).isEqualTo("http://localhost:" + port);
        assertThat(EchoProject.invoke(port, "{\"prompt\":\"Hello\"}")).isEqualTo("{\"result\": \"Echo: Hello\"}");
        assertThat(EchoProject.invoke(port, "{\"prompt\":\"a b\",\"stream\":true}"))
                .isEqualTo("data: \"Echo: \"\n\ndata: \"a \"\n\ndata: \"b\"\n\n");
        ProcessHandle agentProcess = ProcessHandle.of(launched.pid()).orElseThrow();
        assertThat(LocalRunState.load(project, "echo")).hasValueSatisfying(s -> {
            assertThat(s.pid()).isEqualTo(launched.pid());
            assertThat(s.port()).isEqualTo(port);
        });
        assertThat(Files.readString(launched.logFile())).contains("echo agent listening on port " + port);

        LocalRun.Stopped stopped = run.stop("echo");
        assertThat(stopped.wasRunning()).isTrue();
        assertThat(stopped.message()).contains("Stopped local agent 'echo' (process " + launched.pid() + ")");
        assertThat(agentProcess.isAlive()).isFalse();
        assertThat(new LocalEndpoint(port).portFree()).isTrue();
        assertThat(LocalRunState.load(project, "echo")).isEmpty();
        assertThat(run.stop("echo").wasRunning()).isFalse();
        assertThat(progress.toString()).doesNotContain("hi");
    }

    @Test
    void theAgentGetsPortRegionAndEnvValues() throws Exception {
        project = EchoProject.create(dir);
        Path probe = project.resolve("envagent.py");
        Files.writeString(probe, Files.readString(project.resolve("agent.py")).replace(
                "def answer(payload):", "def answer(payload):\n    return ','.join(os.environ.get(k, '-') for k in "
                        + "('PORT', 'AWS_REGION', 'GREETING', 'AWS_SECRET_ACCESS_KEY'))\n\n\ndef unused(payload):"));
        EchoProject.configure(project, "envagent", probe);
        int port = FakeEngine.freePort();
        localRun(FakeEngine.in(dir), Map.of("AWS_SECRET_ACCESS_KEY", "from-env"))
                .start(agent("envagent"), options("none", port, true));
        assertThat(EchoProject.invoke(port, "{}")).isEqualTo("{\"result\": \"" + port + ",us-west-2,hi,from-env\"}");
    }

    @Test
    void theProjectsVirtualEnvironmentIsPreferredOverPython3OnPath() throws Exception {
        project = EchoProject.create(dir);
        Path venvPython = Files.createDirectories(project.resolve(".venv/bin")).resolve("python");
        Files.createSymbolicLink(venvPython, FakeEngine.realPython());
        localRun(FakeEngine.in(dir), Map.of()).start(agent("echo"), options("none", FakeEngine.freePort(), true));
        assertThat(progress.toString()).contains("with " + venvPython + " on port");
    }

    @Test
    void foregroundRunIsHeldUntilStoppedFromElsewhere() throws Exception {
        project = EchoProject.create(dir);
        int port = FakeEngine.freePort();
        LocalRun.Launched launched = localRun(FakeEngine.in(dir), Map.of()).start(agent("echo"),
                options("none", port, false));
        CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> run.serve(launched));
        assertThat(EchoProject.invoke(port, "{\"prompt\":\"x\"}")).contains("Echo: x");
        assertThat(run.stop("echo").wasRunning()).isTrue();
        assertThat(served.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(ProcessHandle.of(launched.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(progress.toString()).contains("[echo] echo agent listening on port " + port);
    }

    @Test
    void aMissingModuleIsExplainedWithTheVenvCommandNotATraceback() throws Exception {
        project = EchoProject.create(dir);
        Path agentFile = project.resolve("needs_sdk.py");
        Files.writeString(agentFile, "from bedrock_agentcore_not_installed.runtime import BedrockAgentCoreApp\n");
        EchoProject.configure(project, "needs_sdk", agentFile);
        int port = FakeEngine.freePort();
        LocalRun r = localRun(FakeEngine.in(dir), Map.of());
        assertThatThrownBy(() -> r.start(agent("needs_sdk"), options("none", port, true)))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> {
                    assertThat(e.getMessage()).contains("needs the Python module 'bedrock_agentcore_not_installed'")
                            .doesNotContain("Traceback");
                    assertThat(e.hint()).contains("python3 -m venv .venv && .venv/bin/pip install -r requirements.txt");
                });
        assertThat(LocalRunState.load(project, "needs_sdk")).isEmpty();
    }

    @Test
    void anAgentThatDiesShowsItsLastLines() throws Exception {
        project = EchoProject.create(dir);
        Path agentFile = project.resolve("crash.py");
        Files.writeString(agentFile, "import sys\nprint('loading settings', file=sys.stderr)\nsys.exit(3)\n");
        EchoProject.configure(project, "crash", agentFile);
        LocalRun r = localRun(FakeEngine.in(dir), Map.of());
        assertThatThrownBy(() -> r.start(agent("crash"), options("none", FakeEngine.freePort(), false)))
                .hasMessageContaining("exited with code 3 before answering /ping")
                .hasMessageContaining("loading settings");
    }

    @Test
    void aBusyPortIsRefusedBeforeAnythingStarts() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "docker");
        try (ServerSocket busy = new ServerSocket(0)) {
            LocalRun r = localRun(fake, Map.of());
            assertThatThrownBy(() -> r.start(agent("echo"), options("docker", busy.getLocalPort(), true)))
                    .isInstanceOfSatisfying(AgentCoreException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("Port " + busy.getLocalPort() + " is already in use.");
                        assertThat(e.hint()).contains("agentcore launch --local --stop");
                    });
        }
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void withoutAUsableEngineItFallsBackToProcessModeAndSaysWhatWasTried() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "docker").on("docker", "version", 1,
                "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?");
        int port = FakeEngine.freePort();
        LocalRun.Launched launched = localRun(fake, Map.of()).start(agent("echo"), options(null, port, true));
        assertThat(launched.mode()).isEqualTo("process");
        assertThat(progress.toString()).contains("No usable container engine (finch: not installed; docker: "
                + "installed, but its daemon/VM is not running").contains("podman: not installed")
                .contains("with the host's Python instead");
    }

    @Test
    void aDirectCodeDeployAgentRunsAsCodeEvenWithAnEngine() throws Exception {
        project = EchoProject.create(dir);
        new ConfigStore(project).update(cfg -> {
            cfg.select("echo").set("direct_code_deploy", "deployment_type");
            return null;
        });
        FakeEngine fake = FakeEngine.in(dir, "docker");
        LocalRun.Launched launched = localRun(fake, Map.of()).start(agent("echo"),
                options(null, FakeEngine.freePort(), true));
        assertThat(launched.mode()).isEqualTo("process");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void anExplicitEngineThatIsMissingIsAnError() throws Exception {
        project = EchoProject.create(dir);
        LocalRun r = localRun(FakeEngine.in(dir, "docker"), Map.of());
        assertThatThrownBy(() -> r.start(agent("echo"), options("podman", FakeEngine.freePort(), true)))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Cannot run locally with podman: podman: not installed.");
                    assertThat(e.hint()).contains("--container-runtime none");
                });
    }

    @Test
    void containerModeDetachedBuildsRunsAndStopsWithTheEngine() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "docker");
        int port = FakeEngine.freePort();
        LocalRun.Launched launched = localRun(fake, Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI-secret", "AWS_SESSION_TOKEN", "session-tok"))
                .start(agent("echo"), options("docker", port, true));

        assertThat(launched.mode()).isEqualTo("container");
        String container = launched.container();
        assertThat(container).matches("bedrock_agentcore-echo-\\d+");
        List<String> calls = fake.calls();
        assertThat(calls).containsExactly(
                "docker version",
                "docker build -t bedrock_agentcore-echo:latest -f " + project.resolve(".bedrock_agentcore/echo/Dockerfile")
                        + " --platform linux/arm64 " + project,
                "docker run -d --rm -p " + port + ":8080 --name " + container + " -e AWS_ACCESS_KEY_ID "
                        + "-e AWS_DEFAULT_REGION -e AWS_REGION -e AWS_SECRET_ACCESS_KEY -e AWS_SESSION_TOKEN "
                        + "-e GREETING bedrock_agentcore-echo:latest");
        assertThat(String.join("\n", calls)).doesNotContain("wJalrXUtnFEMI").doesNotContain("session-tok");
        assertThat(fake.runEnvironment()).contains("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI-secret",
                "AWS_SESSION_TOKEN=session-tok", "AWS_REGION=us-west-2", "GREETING=hi");
        assertThat(progress.toString()).doesNotContain("wJalrXUtnFEMI");
        assertThat(new LocalEndpoint(port).pingOnce()).isTrue();
        Long server = fake.serverPid();

        LocalRun.Stopped stopped = run.stop("echo");
        assertThat(stopped.message()).contains("container " + container + " (docker)");
        assertThat(fake.calls()).last().isEqualTo("docker stop " + container);
        // the fake's 'stop' signals the stand-in server; it is gone once it has handled the signal
        ProcessHandle.of(server).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(new LocalEndpoint(port).pingOnce()).isFalse();
        assertThat(LocalRunState.load(project, "echo")).isEmpty();
    }

    @Test
    void containerModeForegroundStreamsLogsAndStopsTheContainer() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "podman");
        int port = FakeEngine.freePort();
        LocalRun.Launched launched = localRun(fake, Map.of()).start(agent("echo"), options(null, port, false));
        assertThat(launched.engine()).isEqualTo("podman");
        CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> run.serve(launched));
        assertThat(run.stop("echo").wasRunning()).isTrue();
        assertThat(served.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(fake.calls()).contains("podman stop " + launched.container());
        assertThat(progress.toString()).contains("[" + launched.container() + "] container log line");
        assertThat(ProcessHandle.of(launched.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aDetachedContainerThatDiesIsReportedWithoutWaitingOutTheTimeout() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "docker").crashingContainer();
        LocalRun r = localRun(fake, Map.of());
        LocalRun.Options slowTimeout = new LocalRun.Options("docker", Map.of(), FakeEngine.freePort(), true,
                Duration.ofMinutes(5));
        long started = System.nanoTime();
        assertThatThrownBy(() -> r.start(agent("echo"), slowTimeout))
                .hasMessageContaining("stopped before answering /ping");
        // noticed by the liveness check (every 2 s), not by running out the 5 minutes
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(2));
        assertThat(fake.calls()).anyMatch(c -> c.startsWith("docker inspect --format {{.State.Running}} "));
        assertThat(LocalRunState.load(project, "echo")).isEmpty();
    }

    @Test
    void aPortTheEngineFindsBusyIsReportedAsSuch() throws Exception {
        project = EchoProject.create(dir);
        int port = FakeEngine.freePort();
        FakeEngine fake = FakeEngine.in(dir, "finch").on("finch", "run", 125, "docker: Error response from daemon: "
                + "driver failed programming external connectivity: Bind for 0.0.0.0:" + port
                + " failed: port is already allocated.");
        LocalRun r = localRun(fake, Map.of());
        assertThatThrownBy(() -> r.start(agent("echo"), options("finch", port, true)))
                .hasMessage("Port " + port + " is already in use.");
        assertThat(LocalRunState.load(project, "echo")).isEmpty();
    }

    @Test
    void aBuildErrorStopsBeforeRunning() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "docker").on("docker", "build", 1, "ERROR: failed to solve: bad base");
        LocalRun r = localRun(fake, Map.of());
        assertThatThrownBy(() -> r.start(agent("echo"), options("docker", FakeEngine.freePort(), true)))
                .hasMessageContaining("Image build failed (docker exit 1)").hasMessageContaining("bad base");
        assertThat(fake.calls()).noneMatch(c -> c.startsWith("docker run"));
    }

    @Test
    void aMissingDockerfileNamesConfigure() throws Exception {
        project = EchoProject.create(dir);
        Files.delete(project.resolve(".bedrock_agentcore/echo/Dockerfile"));
        LocalRun r = localRun(FakeEngine.in(dir, "docker"), Map.of());
        assertThatThrownBy(() -> r.start(agent("echo"), options("docker", FakeEngine.freePort(), true)))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Dockerfile not found at ");
                    assertThat(e.hint()).contains("agentcore configure");
                });
    }
}
