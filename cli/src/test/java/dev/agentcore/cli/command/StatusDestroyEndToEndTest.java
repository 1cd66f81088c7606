package dev.agentcore.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.cli.CliHarness;
import dev.agentcore.core.aws.AwsClients;
import dev.agentcore.core.aws.AwsCloud;
import dev.agentcore.core.aws.AwsSettings;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.destroy.LaunchFixture;
import dev.agentcore.core.testing.Emulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole life of a deployed agent against the emulator, through the CLI: configure, launch, status
 * (text and JSON), destroy --dry-run (emulator state unchanged byte for byte), destroy --force (everything the
 * launch made goes, a user's role and an unrelated repository stay), a second destroy (clean no-op), status.
 */
class StatusDestroyEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void configureLaunchStatusDryRunDestroyStatus() throws Exception {
        Emulator emulator = Emulator.shared();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String agent = "e2e_" + suffix;
        String userRole = "UserSuppliedRole" + suffix;
        String unrelatedRepo = "unrelated-" + suffix;
        CliHarness cli = CliHarness.in(dir).withEnv(emulator.env());

        String beforeLaunch;
        try (AwsClients aws = new AwsClients(new AwsSettings(null, null, null, emulator.env()))) {
            AwsCloud cloud = new AwsCloud(aws);
            cloud.roles().createRole(userRole, LaunchFixture.trustPolicy("bedrock-agentcore.amazonaws.com"), "mine",
                    Map.of());
            cloud.registry().createRepository(unrelatedRepo, Map.of("team", "data"));
            beforeLaunch = emulator.state();
        }
        Files.writeString(dir.resolve("agent.py"), "from bedrock_agentcore import BedrockAgentCoreApp\n"
                + "app = BedrockAgentCoreApp()\n");
        Files.writeString(dir.resolve("requirements.txt"), "bedrock-agentcore\n");
        // the agent runs with the user's own role: destroy must leave it alone
        cli.runOk("configure", "--entrypoint", "agent.py", "--name", agent, "--non-interactive",
                "--execution-role", "arn:aws:iam::" + Emulator.ACCOUNT + ":role/" + userRole);
        cli.runOk("launch");
        AgentConfig launched = new ConfigStore(dir).require().agent(agent).orElseThrow();
        String runtimeId = launched.agentId();

        var status = cli.runOk("status");
        assertThat(status.out()).contains("Agent '" + agent + "': READY", runtimeId, "SUCCEEDED",
                String.valueOf(launched.get("bedrock_agentcore", "image_uri")), "/aws/bedrock-agentcore/runtimes/" + runtimeId + "-DEFAULT",
                "aws logs tail", "--follow");
        JsonNode json = new ObjectMapper().readTree(cli.runOk("status", "--output", "json", "--verbose").out());
        assertThat(json.at("/raw/runtime").toString()).contains(runtimeId);
        assertThat(json.at("/raw/endpoint").toString()).contains("READY");
        assertThat(json.get("state").asText()).isEqualTo("READY");
        assertThat(json.at("/runtime/id").asText()).isEqualTo(runtimeId);
        assertThat(json.at("/endpoint/status").asText()).isEqualTo("READY");
        assertThat(json.at("/last_build/status").asText()).isEqualTo("SUCCEEDED");

        assertThat(emulator.stateTree().get("logs").fieldNames()).toIterable()
                .anyMatch(k -> k.endsWith("/aws/codebuild/bedrock-agentcore-" + agent + "-builder"));
        String beforeDryRun = emulator.state();
        var plan = cli.runOk("destroy", "--dry-run", "--delete-ecr-repo");
        assertThat(plan.out()).contains("AgentCore.DeleteAgentRuntime " + runtimeId, "ECR.DeleteRepository",
                "IAM.DeleteRole " + LaunchFixture.codeBuildRoleName(agent, Emulator.REGION),
                "keep   IAM.DeleteRole " + userRole, "supplied by you");
        assertThat(launched.executionRole()).endsWith("/" + userRole);
        JsonNode planJson = new ObjectMapper().readTree(
                cli.runOk("destroy", "--dry-run", "--delete-ecr-repo", "--output", "json").out());
        assertThat(planJson.get("agent").asText()).isEqualTo(agent);
        assertThat(emulator.state()).isEqualTo(beforeDryRun);

        var destroy = cli.runOk("destroy", "--force", "--delete-ecr-repo");
        assertThat(destroy.out()).contains("Destroyed agent '" + agent + "'");

        JsonNode before = new ObjectMapper().readTree(beforeLaunch);
        JsonNode after = emulator.stateTree();
        assertThat(after.get("ecr")).isEqualTo(before.get("ecr"));
        assertThat(after.get("iam")).isEqualTo(before.get("iam"));
        assertThat(after.get("codebuild")).isEqualTo(before.get("codebuild"));
        assertThat(after.get("agentcore")).isEqualTo(before.get("agentcore"));
        assertThat(after.get("logs")).isEqualTo(before.get("logs"));
        assertThat(after.at("/iam/" + Emulator.ACCOUNT + "~1" + userRole).isMissingNode()).isFalse();
        assertThat(after.get("ecr").fieldNames()).toIterable()
                .anyMatch(k -> k.endsWith("/" + unrelatedRepo));
        after.get("s3").fields().forEachRemaining(bucket ->
                assertThat(bucket.getValue().get("objects").fieldNames()).toIterable()
                        .noneMatch(k -> k.startsWith(agent + "/")));

        var again = cli.runOk("destroy", "--force");
        assertThat(again.err()).contains("Nothing to destroy");
        assertThat(emulator.stateTree()).isEqualTo(after);

        var finalStatus = cli.runOk("status", "--output", "json");
        assertThat(new ObjectMapper().readTree(finalStatus.out()).get("state").asText()).isEqualTo("NOT_CONFIGURED");
    }

    @Test
    void aRuntimeAndProjectDeletedOutsideTheToolShowAsMissingAndDestroyStillFinishes() throws Exception {
        Emulator emulator = Emulator.shared();
        String agent = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        CliHarness cli = CliHarness.in(dir).withEnv(emulator.env());
        Files.writeString(dir.resolve("agent.py"), "from bedrock_agentcore import BedrockAgentCoreApp\n"
                + "app = BedrockAgentCoreApp()\n");
        Files.writeString(dir.resolve("requirements.txt"), "bedrock-agentcore\n");
        cli.runOk("configure", "--entrypoint", "agent.py", "--name", agent, "--non-interactive");
        cli.runOk("launch");
        AgentConfig launched = new ConfigStore(dir).require().agent(agent).orElseThrow();
        try (AwsClients aws = new AwsClients(new AwsSettings(null, null, null, emulator.env()))) {
            aws.agentCoreControl().deleteAgentRuntime(r -> r.agentRuntimeId(launched.agentId()));
            aws.codeBuild().deleteProject(r -> r.name(launched.codeBuildProject()));
        }

        JsonNode launchedState = emulator.stateTree();
        assertThat(launchedState.get("iam").fieldNames()).toIterable()
                .filteredOn(k -> k.contains(LaunchFixture.hash(agent))).hasSize(2);
        assertThat(launchedState.get("ecr").fieldNames()).toIterable()
                .anyMatch(k -> k.endsWith("/bedrock-agentcore-" + agent));

        JsonNode status = new ObjectMapper().readTree(cli.runOk("status", "--output", "json").out());
        assertThat(status.get("state").asText()).isEqualTo("MISSING");
        assertThat(status.at("/runtime/found").asBoolean()).isFalse();

        var destroy = cli.runOk("destroy", "--force", "--delete-ecr-repo", "--output", "json");
        JsonNode result = new ObjectMapper().readTree(destroy.out());
        assertThat(result.get("succeeded").asBoolean()).isTrue();
        assertThat(result.get("steps").toString())
                .contains("\"operation\":\"DeleteAgentRuntime\"")
                .contains("\"outcome\":\"already_gone\"");
        JsonNode state = emulator.stateTree();
        assertThat(state.get("iam").fieldNames()).toIterable().noneMatch(k -> k.contains(LaunchFixture.hash(agent)));
        assertThat(state.get("ecr").fieldNames()).toIterable().noneMatch(k -> k.endsWith("/bedrock-agentcore-" + agent));
        assertThat(new ConfigStore(dir).exists()).isFalse();
    }
}
