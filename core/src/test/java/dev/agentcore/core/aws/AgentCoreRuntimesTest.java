package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.cloud.RuntimeService;
import dev.agentcore.core.cloud.RuntimeService.AgentRuntime;
import dev.agentcore.core.cloud.RuntimeService.Endpoint;
import dev.agentcore.core.cloud.RuntimeService.RuntimeSpec;
import dev.agentcore.core.testing.Emulator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The AgentCore control plane through our SDK layer. */
class AgentCoreRuntimesTest {

    final RuntimeService runtimes = EmulatedAws.cloud().runtimes();

    String role(String service) {
        return EmulatedAws.cloud().roles().createRole(EmulatedAws.unique("role-"), EmulatedAws.trustPolicy(service),
                "d", Map.of()).arn();
    }

    /** A repository holding image :v1; returns its URI. */
    String image() {
        String repo = EmulatedAws.unique("repo-");
        String uri = EmulatedAws.cloud().registry().createRepository(repo, Map.of()).uri();
        EmulatedAws.pushImage(repo, "v1");
        return uri;
    }

    static RuntimeSpec spec(String name, String image, String role) {
        return new RuntimeSpec(name, image, role, "PUBLIC", null, null, "HTTP", Map.of("LOG_LEVEL", "debug"),
                Map.of("customJWTAuthorizer", Map.of("discoveryUrl",
                        "https://idp.example.com/.well-known/openid-configuration", "allowedClients", List.of("c1"))),
                List.of("X-Amzn-Bedrock-AgentCore-Runtime-Custom-H1"), 900, 28800, null,
                Map.of("agentcore:managed-by", "agentcore-java"));
    }

    /** Polls the DEFAULT endpoint like the launch flow does, bounded. */
    Endpoint settled(String runtimeId) {
        Endpoint last = null;
        for (int i = 0; i < 20; i++) {
            last = runtimes.getEndpoint(runtimeId, "DEFAULT").orElse(null);
            if (last != null && !last.status().equals("CREATING") && !last.status().equals("UPDATING")) {
                return last;
            }
        }
        throw new AssertionError("endpoint never settled: " + last);
    }

    static CloudException failure(Supplier<?> call) {
        return catchThrowableOfType(CloudException.class, call::get);
    }

    @Test
    void createdRuntimeGetsAReadyDefaultEndpointAndIsFoundByName() {
        String name = EmulatedAws.unique("agent_");
        String role = role("bedrock-agentcore.amazonaws.com");
        String image = image() + ":v1";

        AgentRuntime created = runtimes.create(spec(name, image, role));
        assertThat(created.id()).isNotBlank();
        // AWS's shapes, which clients parse: id <name>-<10 alnum>, ARN ...:runtime/<id>
        assertThat(created.id()).matches(name + "-[A-Za-z0-9]{10}");
        assertThat(created.arn()).isEqualTo("arn:aws:bedrock-agentcore:us-west-2:" + Emulator.ACCOUNT + ":runtime/"
                + created.id());
        assertThat(created.status()).isEqualTo("CREATING");
        assertThat(created.raw()).containsEntry("agentRuntimeId", created.id());

        Endpoint endpoint = settled(created.id());
        assertThat(endpoint.status()).isEqualTo("READY");
        assertThat(endpoint.name()).isEqualTo("DEFAULT");
        assertThat(endpoint.arn()).isEqualTo(created.arn() + "/runtime-endpoint/DEFAULT");

        AgentRuntime got = runtimes.get(created.id()).orElseThrow();
        assertThat(got.name()).isEqualTo(name);
        assertThat(got.containerUri()).isEqualTo(image);
        assertThat(got.roleArn()).isEqualTo(role);
        assertThat(got.raw()).containsEntry("agentRuntimeName", name).containsKey("networkConfiguration");
        assertThat(got.raw().get("environmentVariables")).isEqualTo(Map.of("LOG_LEVEL", "debug"));

        assertThat(Emulator.shared().stateTree().at("/agentcore/" + Emulator.ACCOUNT + "~1us-west-2~1" + created.id()
                + "/tags/agentcore:managed-by").asText()).isEqualTo("agentcore-java");
        assertThat(runtimes.findByName(name)).map(AgentRuntime::id).contains(created.id());
        assertThat(runtimes.findByName(EmulatedAws.unique("nobody_"))).isEmpty();
    }

    @Test
    void createAndUpdateSendEverySettingTheSpecHasAndNoneItLacks() {
        String role = role("bedrock-agentcore.amazonaws.com");
        String image = image() + ":v1";
        RuntimeSpec bare = new RuntimeSpec(EmulatedAws.unique("agent_"), image, role, "PUBLIC", null, null, null,
                null, null, null, null, null, null, null);
        RuntimeSpec full = new RuntimeSpec(bare.name(), image, role, "PUBLIC", null, null, "MCP", Map.of("A", "1"),
                spec("x", image, role).authorizer(), List.of("X-Amzn-Bedrock-AgentCore-Runtime-Custom-H1"), 600,
                3600, "first", Map.of());

        AgentRuntime created = runtimes.create(bare);
        Map<String, Object> raw = runtimes.get(created.id()).orElseThrow().raw();
        assertThat(raw).doesNotContainKeys("authorizerConfiguration", "requestHeaderConfiguration",
                "protocolConfiguration");
        // the emulator answers defaults for these two when none was sent
        assertThat(raw.get("lifecycleConfiguration")).isIn(null, Map.of());
        assertThat(raw.get("description")).isIn(null, "");

        runtimes.update(created.id(), full);
        assertThat(runtimes.get(created.id()).orElseThrow().raw()).containsEntry("description", "first")
                .containsEntry("protocolConfiguration", Map.of("serverProtocol", "MCP"))
                .containsEntry("lifecycleConfiguration", Map.of("idleRuntimeSessionTimeout", 600, "maxLifetime", 3600))
                .containsEntry("environmentVariables", Map.of("A", "1"))
                .containsKeys("authorizerConfiguration", "requestHeaderConfiguration");
    }

    @Test
    void theServiceRefusesBadNamesDuplicatesAndRolesItCannotAssume() {
        String role = role("bedrock-agentcore.amazonaws.com");
        String image = image() + ":v1";
        String name = EmulatedAws.unique("agent_");

        assertThat(failure(() -> runtimes.create(spec("has-dash", image, role))).kind()).isEqualTo(Kind.VALIDATION);

        String wrongTrust = role("lambda.amazonaws.com");
        CloudException untrusted = failure(() -> runtimes.create(spec(name, image, wrongTrust)));
        assertThat(untrusted.kind()).isEqualTo(Kind.VALIDATION);
        assertThat(untrusted.getMessage()).contains("Role validation failed").contains(wrongTrust);

        runtimes.create(spec(name, image, role));
        CloudException duplicate = failure(() -> runtimes.create(spec(name, image, role)));
        assertThat(duplicate.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(duplicate.service()).isEqualTo("AgentCore");
    }

    @Test
    void updateSettlesReadyOrFailsWithAReasonWhenTheImageIsMissing() {
        String role = role("bedrock-agentcore.amazonaws.com");
        String repoUri = image();
        String name = EmulatedAws.unique("agent_");
        AgentRuntime created = runtimes.create(spec(name, repoUri + ":v1", role));
        settled(created.id());

        AgentRuntime updated = runtimes.update(created.id(), spec(name, repoUri + ":v1", role));
        assertThat(updated.version()).isEqualTo("2");
        assertThat(updated.arn()).isEqualTo(created.arn());
        assertThat(settled(created.id()).status()).isEqualTo("READY");

        runtimes.update(created.id(), spec(name, repoUri + ":missing", role));
        Endpoint failed = settled(created.id());
        assertThat(failed.status()).isEqualTo("UPDATE_FAILED");
        assertThat(failed.failureReason()).contains(":missing");
        AgentRuntime runtime = runtimes.get(created.id()).orElseThrow();
        for (int i = 0; i < 20 && runtime.status().equals("UPDATING"); i++) {
            runtime = runtimes.get(created.id()).orElseThrow();
        }
        assertThat(runtime.status()).isEqualTo("UPDATE_FAILED");
        assertThat(runtime.failureReason()).contains(":missing");
    }

    @Test
    void createWithAMissingImageEndsCreateFailed() {
        String role = role("bedrock-agentcore.amazonaws.com");
        AgentRuntime created = runtimes.create(spec(EmulatedAws.unique("agent_"), image() + ":nope", role));
        Endpoint endpoint = settled(created.id());
        assertThat(endpoint.status()).isEqualTo("CREATE_FAILED");
        assertThat(endpoint.failureReason()).isNotBlank();
    }

    @Test
    void deleteRemovesTheRuntimeAndItsEndpoint() {
        String role = role("bedrock-agentcore.amazonaws.com");
        AgentRuntime created = runtimes.create(spec(EmulatedAws.unique("agent_"), image() + ":v1", role));
        assertThat(runtimes.delete(created.id())).isTrue();
        assertThat(runtimes.get(created.id())).isEmpty();
        assertThat(runtimes.getEndpoint(created.id(), "DEFAULT")).isEmpty();
        assertThat(runtimes.delete(created.id())).isFalse();
        CloudException update = failure(() -> runtimes.update(created.id(), spec("x", "y", role)));
        assertThat(update.kind()).isEqualTo(Kind.NOT_FOUND);
    }
}
