package dev.agentcore.cli.command;

import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.testing.FakeDataPlane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bearer-token path (agents with an OAuth authorizer): HTTPS POST with the token, which is never written. */
class InvokeBearerTest extends DeployedAgentOnFakeDataPlane {

    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.secret-token-payload.sig";

    @BeforeEach
    void withAnOAuthAuthorizer() {
        new ConfigStore(dir).update(cfg -> {
            Map<String, Object> jwt = new LinkedHashMap<>();
            jwt.put("discoveryUrl", "https://cognito-idp.us-west-2.amazonaws.com/pool/.well-known/openid-configuration");
            jwt.put("allowedClients", List.of("client-1"));
            cfg.select("my_agent").setAuthorizerConfiguration(new LinkedHashMap<>(Map.of("customJWTAuthorizer", jwt)));
            return null;
        });
    }

    String yaml() throws Exception {
        return Files.readString(dir.resolve(".bedrock_agentcore.yaml"));
    }

    @Test
    void theTokenFromTheEnvironmentIsSentAsBearerAndWrittenNowhere() throws Exception {
        fake.then(FakeDataPlane.events(List.of("\"streamed \"", "\"over bearer\"")));
        var r = cli.withEnv("BEDROCK_AGENTCORE_BEARER_TOKEN", TOKEN).runOk("invoke", "hi", "--user-id", "bob",
                "--headers", "Tenant:acme", "--debug");
        assertThat(r.out()).isEqualTo("streamed over bearer\n");
        FakeDataPlane.Request req = fake.lastRequest();
        assertThat(req.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(req.rawPath()).isEqualTo("/runtimes/" + ARN.replace(":", "%3A")
                .replace("/", "%2F") + "/invocations");
        assertThat(req.query()).containsEntry("qualifier", "DEFAULT");
        assertThat(req.header(FakeDataPlane.SESSION_HEADER)).isNotBlank();
        assertThat(req.header("Accept")).isEqualTo("text/event-stream, application/json");
        assertThat(req.header("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant")).isEqualTo("acme");
        // the runtime takes the user from the token's sub claim
        assertThat(req.header("X-Amzn-Bedrock-AgentCore-Runtime-User-Id")).isNull();
        assertThat(r.err()).contains("Using bearer token");
        assertThat(r.out() + r.err() + yaml()).doesNotContain(TOKEN).doesNotContain("secret-token-payload");
    }

    @Test
    void theFlagWorksAndARejectedTokenIsExplainedWithoutRepeatingIt() throws Exception {
        fake.then(FakeDataPlane.error(401, "UnauthorizedException", "Invalid bearer token"));
        var r = cli.run("invoke", "hi", "--bearer-token", TOKEN, "--debug");
        r.expectExit(1);
        assertThat(fake.lastRequest().header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(r.err()).contains("Error: Not authorized: Invalid bearer token")
                .contains("bearer token may be expired");
        assertThat(r.out() + r.err() + yaml()).doesNotContain("secret-token-payload");
    }

    @Test
    void withoutATokenAWarningIsShownAndSigV4IsUsed() {
        var r = cli.withEnv("BEDROCK_AGENTCORE_BEARER_TOKEN", null).runOk("invoke", "hi");
        assertThat(r.err()).contains("no bearer token was given");
        assertThat(fake.lastRequest().header("Authorization")).startsWith("AWS4-HMAC-SHA256");
    }

    @Test
    void aTokenForAnAgentWithoutAuthorizerIsIgnoredWithAWarning() throws Exception {
        new ConfigStore(dir).update(cfg -> {
            cfg.select("my_agent").setAuthorizerConfiguration(null);
            return null;
        });
        var r = cli.withEnv("BEDROCK_AGENTCORE_BEARER_TOKEN", TOKEN).runOk("invoke", "hi");
        assertThat(r.err()).contains("has no OAuth authorizer");
        assertThat(fake.lastRequest().header("Authorization")).startsWith("AWS4-HMAC-SHA256");
        assertThat(r.out() + r.err() + yaml()).doesNotContain("secret-token-payload");
    }
}
