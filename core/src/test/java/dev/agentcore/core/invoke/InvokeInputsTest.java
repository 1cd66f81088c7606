package dev.agentcore.core.invoke;

import dev.agentcore.core.AgentCoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Payload, session id and custom header rules. */
class InvokeInputsTest {

    @TempDir
    Path dir;

    static ByteArrayInputStream stdin(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonIsSentAsJsonAndTextIsWrappedAsAPrompt() {
        assertThat(InvokePayload.of("{\"prompt\": \"Hi\", \"n\": 1}").json()).isEqualTo("{\"prompt\":\"Hi\",\"n\":1}");
        assertThat(InvokePayload.of("What is 2+2?").json()).isEqualTo("{\"prompt\":\"What is 2+2?\"}");
        assertThat(InvokePayload.of("{broken").json()).isEqualTo("{\"prompt\":\"{broken\"}");
        assertThat(InvokePayload.of("Grüße \"quoted\"").json()).isEqualTo("{\"prompt\":\"Grüße \\\"quoted\\\"\"}");
    }

    @Test
    void payloadComesFromAFileOrStdin() throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "{\"prompt\":\"from file\"}\n");
        assertThat(InvokePayload.from(null, "p.json", dir, stdin("")).json()).isEqualTo("{\"prompt\":\"from file\"}");
        assertThat(InvokePayload.from("-", null, dir, stdin("hello from a pipe\n")).json())
                .isEqualTo("{\"prompt\":\"hello from a pipe\"}");
        assertThat(InvokePayload.from(null, "-", dir, stdin("{\"a\":1}")).json()).isEqualTo("{\"a\":1}");
    }

    @Test
    void missingEmptyOrDoublePayloadsAreInvalidInput() {
        assertThatThrownBy(() -> InvokePayload.from(null, null, dir, stdin("")))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> InvokePayload.from("-", null, dir, stdin("  \n")))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> InvokePayload.from("x", "p", dir, stdin("")))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> InvokePayload.from(null, "missing.json", dir, stdin("")))
                .hasMessageContaining("Payload file not found");
    }

    @Test
    void newSessionIdsFitTheApiAndUserIdsAreChecked() {
        String id = RuntimeSessionId.generate();
        assertThat(id.length()).isBetween(33, 256);
        assertThat(RuntimeSessionId.generate()).isNotEqualTo(id);
        assertThat(RuntimeSessionId.requireValid("a".repeat(33))).hasSize(33);
        assertThat(RuntimeSessionId.requireValid("a".repeat(256))).hasSize(256);
        for (String bad : new String[]{"a".repeat(32), "a".repeat(257), "a".repeat(30) + " bc"}) {
            assertThatThrownBy(() -> RuntimeSessionId.requireValid(bad))
                    .isInstanceOfSatisfying(AgentCoreException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
        }
    }

    @Test
    void headerNamesGetThePrefixOnce() {
        CustomHeaders h = CustomHeaders.parse("Tenant:acme, X-Amzn-Bedrock-AgentCore-Runtime-Custom-Trace: t1,"
                + "x-amzn-bedrock-agentcore-runtime-custom-Lower:v:with:colons");
        assertThat(h.values()).containsExactly(
                java.util.Map.entry("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "acme"),
                java.util.Map.entry("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Trace", "t1"),
                java.util.Map.entry("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Lower", "v:with:colons"));
        assertThat(CustomHeaders.parse(null).values()).isEmpty();
    }

    @Test
    void malformedHeadersAreRefusedWithThePythonMessages() {
        assertThatThrownBy(() -> CustomHeaders.parse("novalue"))
                .hasMessage("Invalid header format: 'novalue'. Expected format: 'Header:value'");
        assertThatThrownBy(() -> CustomHeaders.parse(":v"))
                .hasMessage("Empty header name in: ':v'");
        assertThatThrownBy(() -> CustomHeaders.parse("Bad Name:v"))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("Invalid header name: 'Bad Name'");
                });
        assertThatThrownBy(() -> CustomHeaders.parse("Authorization_x:v"))
                .hasMessageContaining("Invalid header name");
    }
}
