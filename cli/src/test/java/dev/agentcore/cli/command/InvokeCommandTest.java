package dev.agentcore.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.cli.AppContext;
import dev.agentcore.cli.Main;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.testing.FakeDataPlane;
import dev.agentcore.core.testing.FlushedWriter;
import dev.agentcore.core.testing.Poll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** agentcore invoke on the SigV4 path, against the local data-plane fake. */
class InvokeCommandTest extends DeployedAgentOnFakeDataPlane {

    static final String SESSION = "11111111-2222-3333-4444-555555555555-x";
    static final ObjectMapper JSON = new ObjectMapper();

    AgentConfig stored() {
        return new ConfigStore(dir).require().select(null);
    }

    @Test
    void aJsonAnswerIsCompactWhenPipedAndTheSessionGoesToStderr() throws Exception {
        fake.then(FakeDataPlane.json("{\"result\": \"Hello!\", \"n\": 1}"));
        var r = cli.runOk("invoke", "{\"prompt\": \"Hello\"}");
        assertThat(r.out()).isEqualTo("{\"result\":\"Hello!\",\"n\":1}\n");
        String session = stored().sessionId();
        assertThat(r.err()).contains("Session: " + session + " (new)");
        assertThat(fake.lastRequest().body()).isEqualTo("{\"prompt\":\"Hello\"}");
        assertThat(fake.lastRequest().arn()).isEqualTo(ARN);
        assertThat(fake.lastRequest().query()).containsEntry("qualifier", "DEFAULT");
    }

    @Test
    void aJsonAnswerIsPrettyOnATerminal() {
        fake.then(FakeDataPlane.json("{\"result\": \"Hello!\"}"));
        var r = cli.interactive(true).runOk("invoke", "hi");
        assertThat(r.out()).isEqualTo("{\n  \"result\" : \"Hello!\"\n}\n");
    }

    @Test
    void outputJsonPrintsExactlyTheAnswerForJq() throws Exception {
        fake.then(FakeDataPlane.json("{\"result\": {\"text\": \"Grüße\"}}"));
        var r = cli.interactive(true).runOk("invoke", "hi", "--output", "json");
        assertThat(r.out()).endsWith("\n").doesNotContain("Session");
        assertThat(r.out().strip()).doesNotContain("\n");
        assertThat(JSON.readTree(r.out())).isEqualTo(JSON.readTree("{\"result\": {\"text\": \"Grüße\"}}"));
    }

    @Test
    void theSessionIsStoredBeforeTheCallAndReusedByTheNextInvoke() {
        assertThat(stored().sessionId()).isNull();
        cli.runOk("invoke", "one");
        String first = fake.lastRequest().header(FakeDataPlane.SESSION_HEADER);
        assertThat(first).hasSizeBetween(33, 256).isEqualTo(stored().sessionId());
        var second = cli.runOk("invoke", "two");
        assertThat(fake.lastRequest().header(FakeDataPlane.SESSION_HEADER)).isEqualTo(first);
        assertThat(second.err()).contains("Session: " + first).doesNotContain("(new)");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void theSessionIsKeptEvenWhenTheCallFails() {
        fake.then(FakeDataPlane.error(400, "ValidationException", "nope"));
        cli.run("invoke", "one").expectExit(1);
        assertThat(stored().sessionId()).isNotNull()
                .isEqualTo(fake.lastRequest().header(FakeDataPlane.SESSION_HEADER));
    }

    @Test
    void sessionIdUserIdHeadersAndQualifierPassThrough() {
        cli.runOk("invoke", "hi", "--session-id", SESSION, "--user-id", "alice", "--qualifier", "blue",
                "--headers", "Tenant:acme,X-Amzn-Bedrock-AgentCore-Runtime-Custom-Trace:t-1");
        FakeDataPlane.Request r = fake.lastRequest();
        assertThat(r.header(FakeDataPlane.SESSION_HEADER)).isEqualTo(SESSION);
        assertThat(r.header("X-Amzn-Bedrock-AgentCore-Runtime-User-Id")).isEqualTo("alice");
        assertThat(r.header("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant")).isEqualTo("acme");
        assertThat(r.header("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Trace")).isEqualTo("t-1");
        assertThat(r.query()).containsEntry("qualifier", "blue");
        assertThat(stored().sessionId()).isEqualTo(SESSION);
    }

    @Test
    void badSessionIdsAndHeadersAreRefusedBeforeAnyCall() {
        var shortId = cli.run("invoke", "hi", "--session-id", "too-short");
        shortId.expectExit(2);
        assertThat(shortId.err()).contains("Session id must be 33 to 256 characters long (got 9)");
        var badHeader = cli.run("invoke", "hi", "--headers", "NoColon");
        badHeader.expectExit(2);
        assertThat(badHeader.err()).contains("Invalid header format: 'NoColon'. Expected format: 'Header:value'");
        var badName = cli.run("invoke", "hi", "--headers", "Bad/Name:v");
        badName.expectExit(2);
        assertThat(badName.err()).contains("Invalid header name: 'Bad/Name'");
        assertThat(fake.requests()).isEmpty();
        assertThat(stored().sessionId()).isNull();
    }

    @Test
    void payloadsFromTextFileAndStdin() throws Exception {
        cli.runOk("invoke", "What is 2+2?");
        assertThat(fake.lastRequest().body()).isEqualTo("{\"prompt\":\"What is 2+2?\"}");
        Files.writeString(dir.resolve("payload.json"), "{\"prompt\": \"from a file\", \"x\": [1, 2]}\n");
        cli.runOk("invoke", "--payload-file", "payload.json");
        assertThat(fake.lastRequest().body()).isEqualTo("{\"prompt\":\"from a file\",\"x\":[1,2]}");
        cli.withStdin("{\"prompt\": \"from stdin\"}").runOk("invoke", "-");
        assertThat(fake.lastRequest().body()).isEqualTo("{\"prompt\":\"from stdin\"}");
        cli.withStdin("plain words\n").runOk("invoke", "--payload-file", "-");
        assertThat(fake.lastRequest().body()).isEqualTo("{\"prompt\":\"plain words\"}");
        cli.run("invoke").expectExit(2);
    }

    @Test
    void theDeployedRegionWinsOverAwsRegion() {
        cli.withEnv("AWS_REGION", "eu-west-1").runOk("invoke", "hi");
        assertThat(fake.lastRequest().header("Authorization")).contains("/us-west-2/bedrock-agentcore/aws4_request");
        cli.runOk("invoke", "hi", "--region", "ap-southeast-2");
        assertThat(fake.lastRequest().header("Authorization")).contains("/ap-southeast-2/bedrock-agentcore/");
    }

    @Test
    void theDataPlaneEndpointWinsOverTheGeneralOneUsedForTheEmulator() {
        // the control plane stays on the emulator (AWS_ENDPOINT_URL); only the data plane goes to the fake
        var r = cli.withEnv("AWS_ENDPOINT_URL", "http://127.0.0.1:9").runOk("invoke", "hi");
        assertThat(r.out()).contains("\"echo\"");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aStreamedAnswerIsPrintedAsEachEventArrives() throws Exception {
        StringWriter seen = new StringWriter();
        // each event is let through only once the previous one is visible on stdout (flushed, as a user sees it)
        fake.then(FakeDataPlane.events(List.of("\"The answer \"", "\"is \"", "\"42.\"", "{\"usage\": {\"tokens\": 7}}"),
                i -> Poll.until(() -> seen.toString().equals(List.of("The answer ", "The answer is ",
                        "The answer is 42.").get(i - 1)))));
        StringWriter err = new StringWriter();
        AppContext context = new AppContext(new PrintWriter(new FlushedWriter(seen)), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), dir,
                Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                        "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", fake.url(), "NO_COLOR", "1"), false);
        int exit = CompletableFuture.supplyAsync(() -> Main.run(context, "invoke", "question"))
                .get(60, TimeUnit.SECONDS);
        assertThat(fake.failures()).as("events held back until printed; stderr: " + err).isEmpty();
        assertThat(exit).as(err.toString()).isZero();
        assertThat(seen.toString()).isEqualTo("The answer is 42.\n{\"usage\":{\"tokens\":7}}\n");
    }

    @Test
    void aStreamedAnswerWithOutputJsonIsOneJsonValuePerLine() throws Exception {
        fake.then(FakeDataPlane.events(List.of("\"Hi\"", "{\"done\": true}")));
        var r = cli.runOk("invoke", "hi", "--output", "json");
        assertThat(r.out()).isEqualTo("\"Hi\"\n{\"done\":true}\n");
        for (String line : r.out().split("\n")) {
            JSON.readTree(line);
        }
    }

    @Test
    void notDeployedAndNotConfiguredSayWhatToRun() throws Exception {
        new ConfigStore(dir).update(cfg -> {
            cfg.select("my_agent").setAgentArn(null);
            return null;
        });
        var r = cli.run("invoke", "hi");
        r.expectExit(1);
        assertThat(r.err()).contains("Error: Agent 'my_agent' is not deployed.").contains("agentcore launch");
        Files.delete(dir.resolve(".bedrock_agentcore.yaml"));
        var none = cli.run("invoke", "hi");
        none.expectExit(1);
        assertThat(none.err()).contains(".bedrock_agentcore.yaml not found")
                .contains("agentcore configure --entrypoint").contains("agentcore launch");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aRuntimeDeployedElsewhereIsCalledByArnWithoutAProjectFile() throws Exception {
        Files.delete(dir.resolve(".bedrock_agentcore.yaml"));
        String arn = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/other_agent-Zz9";
        var r = cli.withEnv("AWS_REGION", "us-east-1").runOk("invoke", "--agent-arn", arn, "hi");
        assertThat(r.out()).contains("\"echo\"");
        assertThat(fake.lastRequest().arn()).isEqualTo(arn);
        assertThat(fake.lastRequest().header("Authorization")).contains("/eu-west-1/bedrock-agentcore/");
        assertThat(Files.exists(dir.resolve(".bedrock_agentcore.yaml"))).isFalse();
        var bad = cli.run("invoke", "--agent-arn", "arn:aws:s3:::bucket", "hi");
        bad.expectExit(2);
        assertThat(bad.err()).contains("Not an agent runtime ARN");
        var stopWithout = cli.run("stop-session", "--agent-arn", arn);
        stopWithout.expectExit(2);
        cli.runOk("stop-session", "--agent-arn", arn, "--session-id", SESSION);
        assertThat(fake.lastRequest().operation()).isEqualTo("stopruntimesession");
        assertThat(fake.lastRequest().header(FakeDataPlane.SESSION_HEADER)).isEqualTo(SESSION);
    }

    @Test
    void anUnknownAgentIsInvalidInput() {
        var r = cli.run("invoke", "hi", "--agent", "other");
        r.expectExit(2);
        assertThat(r.err()).contains("Agent 'other' not found");
    }
}
