package dev.agentcore.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.cli.CliHarness;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.launch.ResourceNames;
import dev.agentcore.core.testing.EmulatedAccount;
import dev.agentcore.core.testing.Emulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.codebuild.model.Project;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * configure, then launch, end to end through the CLI against the emulated account; every assertion reads the
 * emulator's state through the SDK (or its state dump), not the tool's own output.
 */
class LaunchEndToEndTest {

    @RegisterExtension
    static final EmulatedAccount account = new EmulatedAccount();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliHarness cli() {
        return CliHarness.in(dir).withEnv(account.env());
    }

    private AgentConfig agent(String name) {
        return new ConfigStore(dir).require().agent(name).orElseThrow();
    }

    private int builds(String project) {
        return account.codeBuild().listBuildsForProject(r -> r.projectName(project)).ids().size();
    }

    @Test
    void configureThenLaunchEndsReadyAndASecondLaunchBuildsNothing() throws IOException {
        String name = FreshAgent.configure(cli(), "e2e_");
        ResourceNames names = new ResourceNames(name, Emulator.ACCOUNT, Emulator.REGION, "aws");

        CliHarness.Result first = cli().runOk("launch");

        AgentConfig saved = agent(name);
        String image = String.valueOf(saved.get("bedrock_agentcore", "image_uri"));
        String tag = image.substring(image.lastIndexOf(':') + 1);
        assertThat(tag).hasSize(64);
        assertThat(account.ecr().describeImages(r -> r.repositoryName(names.repository())).imageDetails())
                .anySatisfy(d -> assertThat(d.imageTags()).contains(tag));

        String trust = URLDecoder.decode(account.iam().getRole(r -> r.roleName(names.runtimeRole())).role()
                .assumeRolePolicyDocument(), StandardCharsets.UTF_8);
        JsonNode statement = JSON.readTree(trust).get("Statement").get(0);
        assertThat(statement.at("/Principal/Service").asText()).isEqualTo("bedrock-agentcore.amazonaws.com");
        assertThat(statement.at("/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo(Emulator.ACCOUNT);
        assertThat(account.iam().getRole(r -> r.roleName(names.codeBuildRole())).role().assumeRolePolicyDocument())
                .contains("codebuild.amazonaws.com");
        assertThat(account.iam().listRoleTags(r -> r.roleName(names.runtimeRole())).tags())
                .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("agentcore:agent=" + name));

        account.s3().headObject(r -> r.bucket(names.bucket()).key(names.sourceKey()));
        assertThat(account.s3().getBucketLifecycleConfiguration(r -> r.bucket(names.bucket())).rules())
                .anySatisfy(rule -> assertThat(rule.expiration().days()).isEqualTo(7));

        Project project = account.codeBuild().batchGetProjects(r -> r.names(names.project())).projects().get(0);
        assertThat(project.environment().typeAsString()).isEqualTo("ARM_CONTAINER");
        assertThat(project.environment().image()).contains("aarch64");
        assertThat(project.environment().privilegedMode()).isTrue();

        GetAgentRuntimeResponse runtime = account.agentCoreControl()
                .getAgentRuntime(r -> r.agentRuntimeId(saved.agentId()));
        assertThat(runtime.statusAsString()).isEqualTo("READY");
        assertThat(runtime.agentRuntimeArtifact().containerConfiguration().containerUri()).isEqualTo(image);
        assertThat(saved.agentArn()).isEqualTo(runtime.agentRuntimeArn());
        assertThat(saved.createdResource("execution_role")).isEqualTo(names.runtimeRole());

        assertThat(first.out()).contains(saved.agentArn()).contains("aws logs tail").contains("agentcore invoke");
        assertThat(first.err()).contains("CodeBuild");
        int buildsAfterFirst = builds(names.project());
        assertThat(buildsAfterFirst).isEqualTo(1);

        CliHarness.Result second = cli().runOk("launch", "--output", "json");

        assertThat(builds(names.project())).isEqualTo(buildsAfterFirst);
        JsonNode result = JSON.readTree(second.out());
        assertThat(result.get("built").asBoolean()).isFalse();
        assertThat(result.get("status").asText()).isEqualTo("READY");
        assertThat(result.get("imageUri").asText()).isEqualTo(image);
        assertThat(second.err()).contains("skipping upload and build");
    }

    @Test
    void theDryRunLeavesTheEmulatorUnchangedAndPrintsThePlanAsJson() throws IOException {
        String name = FreshAgent.configure(cli(), "e2e_");
        String before = account.state();
        String yamlBefore = Files.readString(dir.resolve(".bedrock_agentcore.yaml"));

        CliHarness.Result plan = cli().runOk("launch", "--dry-run", "--output", "json");

        assertThat(account.state()).isEqualTo(before);
        assertThat(Files.readString(dir.resolve(".bedrock_agentcore.yaml"))).isEqualTo(yamlBefore);
        JsonNode doc = JSON.readTree(plan.out());
        assertThat(doc.fieldNames()).toIterable().containsExactly("steps", "bundle");
        assertThat(doc.get("steps").get(0).get("operation").asText()).isEqualTo("CreateRepository");
        assertThat(doc.get("steps").toString()).contains("CreateAgentRuntime").contains(name);
        assertThat(doc.at("/bundle/sha256").asText()).hasSize(64);
        assertThat(doc.at("/bundle/bytes").asLong()).isPositive();
        assertThat(doc.get("bundle").get("files").toString()).contains("agent.py").contains("Dockerfile");

        CliHarness.Result text = cli().runOk("launch", "--dry-run");
        assertThat(text.out()).contains("1. ECR").contains("Dry run: nothing was changed.");
        assertThat(account.state()).isEqualTo(before);
    }

    @Test
    void aFailedBuildExitsOneShowsThePhaseAndLogAndLeavesTheRuntimeAlone() throws IOException {
        String name = FreshAgent.configure(cli(), "e2e_");
        cli().runOk("launch");
        AgentConfig deployed = agent(name);
        String image = String.valueOf(deployed.get("bedrock_agentcore", "image_uri"));
        Files.delete(dir.resolve(".bedrock_agentcore").resolve(name).resolve("Dockerfile"));
        Files.deleteIfExists(dir.resolve("Dockerfile"));
        Files.writeString(dir.resolve("agent.py"), "# changed\n", java.nio.file.StandardOpenOption.APPEND);

        CliHarness.Result failed = cli().run("launch").expectExit(1);

        assertThat(failed.err()).contains("phase BUILD").contains("Last lines of the build log")
                .contains("Dockerfile");
        var runtime = account.agentCoreControl().getAgentRuntime(r -> r.agentRuntimeId(deployed.agentId()));
        assertThat(runtime.agentRuntimeArtifact().containerConfiguration().containerUri()).isEqualTo(image);
        assertThat(runtime.agentRuntimeVersion()).isEqualTo("1");
        assertThat(agent(name).get("bedrock_agentcore", "image_uri")).isEqualTo(image);
    }
}
