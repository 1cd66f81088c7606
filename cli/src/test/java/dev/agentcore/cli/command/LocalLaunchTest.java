package dev.agentcore.cli.command;

import dev.agentcore.cli.CliHarness;
import dev.agentcore.core.local.EchoProject;
import dev.agentcore.core.local.FakeEngine;
import dev.agentcore.core.local.LocalRunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** launch --local through the CLI, in process mode for real and with a fake engine on PATH. */
class LocalLaunchTest {

    @TempDir
    Path dir;

    private CliHarness cli;

    private CliHarness cli(Path project, FakeEngine fake) {
        cli = CliHarness.in(project).withEnv("PATH", fake.path()).withEnv("HOME", dir.toString());
        return cli;
    }

    @AfterEach
    void stopLeftovers() {
        if (cli != null) {
            cli.run("launch", "--local", "--stop");
        }
    }

    @Test
    void launchInvokeStopEndToEndLeavesNoProcessBehind() throws Exception {
        Path project = EchoProject.create(dir);
        int port = FakeEngine.freePort();
        CliHarness.Result launched = cli(project, FakeEngine.in(dir)).runOk("launch", "--local",
                "--container-runtime", "none", "--detach", "--port", String.valueOf(port));
        assertThat(launched.out().trim()).isEqualTo("http://localhost:" + port);
        assertThat(launched.err()).contains("Agent 'echo' is ready at http://localhost:" + port)
                .contains("agentcore launch --local --stop");
        long pid = LocalRunState.load(project, "echo").orElseThrow().pid();

        assertThat(EchoProject.invoke(port, "{\"prompt\":\"Hello\"}")).isEqualTo("{\"result\": \"Echo: Hello\"}");

        CliHarness.Result stopped = cli.runOk("launch", "--local", "--stop");
        assertThat(stopped.out()).contains("Stopped local agent 'echo' (process " + pid + ")");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Files.exists(LocalRunState.file(project, "echo"))).isFalse();

        CliHarness.Result again = cli.runOk("launch", "--local", "--stop");
        assertThat(again.out()).contains("nothing to stop");
    }

    @Test
    void jsonOutputDescribesTheRun() throws Exception {
        Path project = EchoProject.create(dir);
        int port = FakeEngine.freePort();
        CliHarness.Result r = cli(project, FakeEngine.in(dir)).runOk("launch", "--local", "-ctr", "none", "-d",
                "--port", String.valueOf(port), "--output", "json");
        assertThat(r.out()).contains("\"mode\" : \"process\"", "\"url\" : \"http://localhost:" + port + "\"",
                "\"agent\" : \"echo\"");
    }

    @Test
    void noEngineFallsBackWithANotice() throws Exception {
        Path project = EchoProject.create(dir);
        int port = FakeEngine.freePort();
        CliHarness.Result r = cli(project, FakeEngine.in(dir)).runOk("launch", "--local", "--detach", "--port",
                String.valueOf(port));
        assertThat(r.err()).contains("No usable container engine (finch: not installed; docker: not installed; "
                + "podman: not installed)").contains("host's Python");
    }

    @Test
    void aFakeEngineRunsTheContainerWithoutSecretsInArgv() throws Exception {
        Path project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "docker");
        int port = FakeEngine.freePort();
        cli(project, fake).runOk("launch", "--local", "--detach", "--port", String.valueOf(port),
                "--env", "API_KEY=sk-very-secret");
        assertThat(fake.calls()).anyMatch(c -> c.startsWith("docker run -d --rm -p " + port + ":8080 --name "
                + "bedrock_agentcore-echo-") && c.contains("-e AWS_ACCESS_KEY_ID") && c.contains("-e API_KEY"));
        assertThat(String.join("\n", fake.calls())).doesNotContain("sk-very-secret").doesNotContain("testing");
        assertThat(fake.runEnvironment()).contains("API_KEY=sk-very-secret", "AWS_SECRET_ACCESS_KEY=testing");
        CliHarness.Result stopped = cli.runOk("launch", "--local", "--stop");
        assertThat(stopped.out()).contains("(docker)");
        assertThat(fake.calls()).last().asString().startsWith("docker stop bedrock_agentcore-echo-");
    }

    @Test
    void theDryRunStartsNothing() throws Exception {
        Path project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "docker");
        int port = FakeEngine.freePort();
        CliHarness.Result r = cli(project, fake).runOk("launch", "--local", "--dry-run", "--port",
                String.valueOf(port), "--env", "K=secret-v");
        assertThat(r.out()).contains("1. docker build -t bedrock_agentcore-echo:latest", "-e K ",
                "Dry run: nothing was built or started.").doesNotContain("secret-v");
        assertThat(fake.calls()).containsExactly("docker version");
        assertThat(LocalRunState.load(project, "echo")).isEmpty();
        CliHarness.Result none = cli.runOk("launch", "--local", "--dry-run", "-ctr", "none");
        assertThat(none.out()).contains("1. python " + project.resolve("agent.py"));
    }

    @Test
    void inputErrorsExitTwo() throws Exception {
        Path project = EchoProject.create(dir);
        CliHarness c = cli(project, FakeEngine.in(dir));
        assertThat(c.run("launch", "--local", "--env", "NOEQUALS").expectExit(2).err())
                .contains("Invalid environment variable format: NOEQUALS. Use KEY=VALUE format.");
        assertThat(c.run("launch", "--local", "--container-runtime", "lxc").expectExit(2).err())
                .contains("Unsupported container runtime 'lxc'");
        assertThat(c.run("launch", "--local", "--local-build").expectExit(2).err()).contains("cannot be used together");
        assertThat(c.run("launch", "--local", "--port", "0").expectExit(2).err()).contains("Invalid --port 0");
    }

    @Test
    void aStarterAgentWithoutItsPackagesGetsTheVenvAdviceNotATraceback() throws Exception {
        FakeEngine fake = FakeEngine.in(dir);
        CliHarness c = cli(dir, fake);
        c.runOk("create", "starter");
        Path project = dir.resolve("starter");
        cli = CliHarness.in(project).withEnv("PATH", fake.path()).withEnv("HOME", dir.toString());
        cli.runOk("configure", "-e", "agent.py", "-n", "starter", "--non-interactive");
        int port = FakeEngine.freePort();
        Process probe = new ProcessBuilder(FakeEngine.realPython().toString(), "-c", "import bedrock_agentcore")
                .redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        boolean sdkInstalled = probe.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && probe.exitValue() == 0;
        CliHarness.Result r = cli.run("launch", "--local", "--container-runtime", "none", "--detach", "--port",
                String.valueOf(port));
        if (sdkInstalled) {
            r.ok();
            assertThat(r.out().trim()).isEqualTo("http://localhost:" + port);
            return;
        }
        r.expectExit(1);
        assertThat(r.err()).contains("needs the Python module 'bedrock_agentcore'")
                .contains("python3 -m venv .venv && .venv/bin/pip install -r requirements.txt")
                .doesNotContain("Traceback");
        assertThat(LocalRunState.load(project, "starter")).isEmpty();
    }

    @Test
    void withoutConfigItPointsAtConfigure() {
        cli = null;
        CliHarness.Result r = CliHarness.in(dir).run("launch", "--local").expectExit(2);
        assertThat(r.err()).contains(".bedrock_agentcore.yaml not found").contains("agentcore configure");
    }
}
