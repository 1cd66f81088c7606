package dev.agentcore.cli.command;

import dev.agentcore.cli.CliHarness;
import dev.agentcore.core.testing.Poll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** invoke --local against the real example agent (examples/echo_agent/agent.py), run with the host's python3. */
class InvokeEchoAgentTest {

    @TempDir
    Path dir;
    Process agent;
    int port;

    @BeforeEach
    void startEchoAgent() throws Exception {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("examples/echo_agent/agent.py");
        assertThat(script).exists();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile());
        pb.environment().put("PORT", String.valueOf(port));
        agent = pb.start();
        boolean up = Poll.until(this::pingOk);
        assertThat(up).as("echo agent answered /ping; log: %s", log()).isTrue();
    }

    @AfterEach
    void stopEchoAgent() {
        if (agent != null) {
            agent.destroy();
        }
    }

    private boolean pingOk() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/ping").toURL()
                    .openConnection();
            c.setConnectTimeout(500);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("agent.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Test
    void aJsonAnswer() {
        var r = CliHarness.in(dir).runOk("invoke", "--local", "--port", String.valueOf(port), "Hello");
        assertThat(r.out()).isEqualTo("{\"result\":\"Echo: Hello\"}\n");
    }

    @Test
    void aStreamedAnswerIsJoinedIntoText() {
        var r = CliHarness.in(dir).runOk("invoke", "--local", "--port", String.valueOf(port),
                "{\"prompt\": \"one two three\", \"stream\": true}");
        assertThat(r.out()).isEqualTo("Echo: one two three\n");
        var json = CliHarness.in(dir).runOk("invoke", "--local", "--port", String.valueOf(port), "--output", "json",
                "{\"prompt\": \"a b\", \"stream\": true}");
        assertThat(json.out()).isEqualTo("\"Echo: \"\n\"a \"\n\"b\"\n");
    }

    @Test
    void theSessionHeaderReachesTheAgent() {
        String session = "echo-session-0123456789abcdef0123456789";
        var r = CliHarness.in(dir).runOk("invoke", "--local", "--port", String.valueOf(port), "--session-id",
                session, "hi");
        assertThat(r.err()).contains("Session: " + session);
        assertThat(log()).contains("POST /invocations");
    }
}
