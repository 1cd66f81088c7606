package dev.agentcore.cli.command;

import com.sun.net.httpserver.HttpServer;
import dev.agentcore.cli.CliHarness;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.local.LocalRunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** invoke --local: a POST to http://localhost:PORT/invocations, like the agent a BedrockAgentCoreApp serves. */
class InvokeLocalTest {

    record Seen(String path, String session, String contentType, String body) {
    }

    @TempDir
    Path dir;
    HttpServer agent;
    List<Seen> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAgent() throws Exception {
        agent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        agent.createContext("/invocations", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(ex.getRequestURI().getPath(),
                    ex.getRequestHeaders().getFirst("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"),
                    ex.getRequestHeaders().getFirst("Content-Type"), body));
            boolean fail = body.contains("fail");
            byte[] answer = (fail ? "{\"error\": \"Invocation of model ID anthropic.claude-haiku-4-5 with on-demand "
                    + "throughput isn't supported (ValidationException)\"}" : "{\"result\": \"local says hi\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(fail ? 500 : 200, answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
        });
        agent.start();
    }

    @AfterEach
    void stopAgent() {
        agent.stop(0);
    }

    String port() {
        return String.valueOf(agent.getAddress().getPort());
    }

    @Test
    void worksWithoutAProjectFileAndCreatesNone() {
        var r = CliHarness.in(dir).runOk("invoke", "--local", "--port", port(), "hello");
        assertThat(r.out()).isEqualTo("{\"result\":\"local says hi\"}\n");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).body()).isEqualTo("{\"prompt\":\"hello\"}");
        assertThat(seen.get(0).contentType()).isEqualTo("application/json");
        assertThat(seen.get(0).session()).hasSizeGreaterThanOrEqualTo(33);
        assertThat(r.err()).contains("Session: " + seen.get(0).session());
        assertThat(Files.exists(dir.resolve(".bedrock_agentcore.yaml"))).isFalse();
    }

    @Test
    void anUndeployedAgentKeepsItsSessionAcrossLocalCalls() {
        DeployedAgentOnFakeDataPlane.deployedAgent(dir, "my_agent", null);
        CliHarness.in(dir).runOk("invoke", "--local", "--port", port(), "{\"prompt\": \"one\"}");
        CliHarness.in(dir).runOk("invoke", "-l", "--port", port(), "{\"prompt\": \"two\"}");
        assertThat(seen).hasSize(2);
        String stored = new ConfigStore(dir).require().select(null).sessionId();
        assertThat(seen.get(0).session()).isEqualTo(stored).isEqualTo(seen.get(1).session());
    }

    @Test
    void anAgentErrorShowsItsStatusAndTheModelHint() {
        var r = CliHarness.in(dir).run("invoke", "--local", "--port", port(), "please fail");
        r.expectExit(1);
        assertThat(r.err()).contains("Error: The local agent answered HTTP 500: Invocation of model ID")
                .contains("inference profile prefix");
    }

    @Test
    void nothingListeningSaysHowToStartTheAgent() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        var r = CliHarness.in(dir).run("invoke", "--local", "--port", String.valueOf(free), "hi");
        r.expectExit(1);
        assertThat(r.err()).contains("Error: Nothing is listening at http://localhost:" + free + "/invocations.")
                .contains("start it with agentcore launch --local".substring(1)).doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void withoutPortTheOneLaunchLocalRecordedIsUsed() {
        DeployedAgentOnFakeDataPlane.deployedAgent(dir, "my_agent", null);
        new LocalRunState("my_agent", LocalRunState.MODE_PROCESS, 0, null, null, null,
                agent.getAddress().getPort(), null).save(dir);
        var r = CliHarness.in(dir).runOk("invoke", "--local", "hi");
        assertThat(r.out()).contains("local says hi");
        assertThat(seen).hasSize(1);
    }

}
