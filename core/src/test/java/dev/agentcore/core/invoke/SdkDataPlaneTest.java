package dev.agentcore.core.invoke;

import dev.agentcore.core.aws.AwsClients;
import dev.agentcore.core.aws.AwsSettings;
import dev.agentcore.core.testing.FakeDataPlane;
import dev.agentcore.core.testing.FlushedWriter;
import dev.agentcore.core.testing.Poll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SDK implementation against the local data-plane fake: the wire format, streaming, and errors. */
class SdkDataPlaneTest {

    static final String ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-AbCdEf1234";
    static final String SESSION = "0123456789abcdef0123456789abcdef-session";

    FakeDataPlane fake;
    AwsClients clients;
    SdkDataPlane dataPlane;

    @BeforeEach
    void start() {
        fake = FakeDataPlane.start();
        clients = new AwsClients(new AwsSettings("us-west-2", null, null, Map.of(
                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", fake.url())));
        dataPlane = new SdkDataPlane(clients::agentCore);
    }

    @AfterEach
    void stop() {
        clients.close();
        fake.close();
    }

    InvocationRequest request(String userId, CustomHeaders headers) {
        return new InvocationRequest(ARN, "DEFAULT", SESSION, userId, headers, InvokePayload.of("{\"prompt\":\"hi\"}"));
    }

    @Test
    void sendsTheRealWireFormatSignedForBedrockAgentCore() throws Exception {
        try (AgentResponse response = dataPlane.invoke(request("alice", CustomHeaders.parse("Tenant:acme")))) {
            assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).contains("\"echo\"");
            assertThat(response.sessionId()).isEqualTo(SESSION);
            assertThat(response.isEventStream()).isFalse();
        }
        FakeDataPlane.Request r = fake.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.rawPath()).isEqualTo("/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-west-2%3A123456789012"
                + "%3Aruntime%2Fmy_agent-AbCdEf1234/invocations");
        assertThat(r.arn()).isEqualTo(ARN);
        assertThat(r.query()).containsEntry("qualifier", "DEFAULT");
        assertThat(r.header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id")).isEqualTo(SESSION);
        assertThat(r.header("X-Amzn-Bedrock-AgentCore-Runtime-User-Id")).isEqualTo("alice");
        assertThat(r.header("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant")).isEqualTo("acme");
        assertThat(r.header("Accept")).isEqualTo("text/event-stream, application/json");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=testing/")
                .contains("/us-west-2/bedrock-agentcore/aws4_request")
                // custom headers are signed too, so a proxy cannot alter them
                .contains("x-amzn-bedrock-agentcore-runtime-custom-tenant");
        assertThat(r.body()).isEqualTo("{\"prompt\":\"hi\"}");
    }

    @Test
    void handsOverEachStreamedEventBeforeTheNextIsSent() throws Exception {
        StringWriter seen = new StringWriter();
        Writer out = new FlushedWriter(seen);
        fake.then(FakeDataPlane.events(List.of("\"Hel\"", "\"lo\"", "{\"done\":true}"),
                i -> Poll.until(() -> seen.toString().length() >= (i == 1 ? 3 : 5))));
        try (AgentResponse response = dataPlane.invoke(request(null, CustomHeaders.none()))) {
            assertThat(response.isEventStream()).isTrue();
            new ResponseRenderer(out, OutputMode.PLAIN).render(response);
        }
        assertThat(fake.failures()).isEmpty();
        assertThat(seen.toString()).isEqualTo("Hello\n{\"done\":true}\n");
    }

    @Test
    void stopSessionUsesItsOwnPath() {
        assertThat(dataPlane.stopSession(ARN, "DEFAULT", SESSION)).isEqualTo(200);
        FakeDataPlane.Request r = fake.lastRequest();
        assertThat(r.operation()).isEqualTo("stopruntimesession");
        assertThat(r.arn()).isEqualTo(ARN);
        assertThat(r.query()).containsEntry("qualifier", "DEFAULT");
        assertThat(r.header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id")).isEqualTo(SESSION);
    }

    @Test
    void serviceErrorsKeepTheirCodeStatusAndMessage() {
        fake.then(FakeDataPlane.error(400, "ValidationException", "Invalid session id"));
        assertThatThrownBy(() -> dataPlane.invoke(request(null, CustomHeaders.none())))
                .isInstanceOfSatisfying(DataPlaneException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Invalid session id");
                });
        fake.then(FakeDataPlane.error(424, "RuntimeClientError", "agent crashed"));
        assertThatThrownBy(() -> dataPlane.invoke(request(null, CustomHeaders.none())))
                .isInstanceOfSatisfying(DataPlaneException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("RuntimeClientError");
                    assertThat(e.statusCode()).isEqualTo(424);
                });
    }

    @Test
    void nothingListeningIsAClientError() {
        fake.close();
        assertThatThrownBy(() -> dataPlane.invoke(request(null, CustomHeaders.none())))
                .isInstanceOfSatisfying(DataPlaneException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(DataPlaneException.CLIENT_ERROR));
    }
}
