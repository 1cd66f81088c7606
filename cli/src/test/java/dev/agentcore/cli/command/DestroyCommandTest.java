package dev.agentcore.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.cli.CliHarness;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.destroy.LaunchFixture;
import dev.agentcore.core.fake.FakeCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DestroyCommandTest {

    @TempDir
    Path dir;

    FakeCloud cloud = new FakeCloud();
    AutoCloseable installed;

    @BeforeEach
    void install() {
        installed = Clouds.install(cloud);
    }

    @AfterEach
    void uninstall() throws Exception {
        installed.close();
    }

    @Test
    void dryRunPrintsANumberedPlanAndMakesNoMutatingCall() throws Exception {
        LaunchFixture.in(cloud, dir).launch("demo");
        int before = cloud.mutatingCalls().size();
        String yaml = Files.readString(dir.resolve(".bedrock_agentcore.yaml"));

        var r = CliHarness.in(dir).runOk("destroy", "--dry-run");

        assertThat(r.out()).contains("Plan to destroy agent 'demo'", "  1. none", "AgentCore.DeleteAgentRuntime",
                "delete", "IAM.DeleteRole", "keep", "--delete-ecr-repo", "Config.RemoveAgent");
        assertThat(r.err()).contains("nothing was changed", "--force");
        assertThat(cloud.mutatingCalls()).hasSize(before);
        assertThat(Files.readString(dir.resolve(".bedrock_agentcore.yaml"))).isEqualTo(yaml);
    }

    @Test
    void dryRunJsonHasTheAgentAndTheSteps() throws Exception {
        LaunchFixture.in(cloud, dir).launch("demo");
        var r = CliHarness.in(dir).runOk("destroy", "--dry-run", "--output", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("agent").asText()).isEqualTo("demo");
        assertThat(json.get("steps").get(1).get("operation").asText()).isEqualTo("DeleteAgentRuntime");
        assertThat(json.get("steps").get(1).get("found").asText()).isEqualTo("exists");
        assertThat(json.get("steps").get(1).get("action").asText()).isEqualTo("delete");
    }

    @Test
    void withoutATerminalAndWithoutForceItRefusesNamingForce() {
        LaunchFixture.in(cloud, dir).launch("demo");
        int before = cloud.calls().size();
        var r = CliHarness.in(dir).run("destroy").expectExit(2);
        assertThat(r.err()).contains("--force").doesNotContain("at dev.agentcore");
        assertThat(cloud.calls()).hasSize(before);
    }

    @Test
    void onATerminalItAsksAndNoMeansNothingIsDeleted() {
        LaunchFixture.in(cloud, dir).launch("demo");
        int before = cloud.mutatingCalls().size();
        var r = CliHarness.in(dir).interactive(true).withStdin("n\n").run("destroy").expectExit(1);
        assertThat(r.err()).contains("[y/N]", "cancelled");
        assertThat(cloud.mutatingCalls()).hasSize(before);
        assertThat(new ConfigStore(dir).exists()).isTrue();
    }

    @Test
    void onATerminalYesDestroys() {
        LaunchFixture.in(cloud, dir).launch("demo");
        var r = CliHarness.in(dir).interactive(true).withStdin("y\n").runOk("destroy");
        assertThat(r.out()).contains("Destroyed agent 'demo'");
        assertThat(cloud.runtimes).isEmpty();
        assertThat(new ConfigStore(dir).exists()).isFalse();
    }

    @Test
    void forceDestroysReportsEachStepAndASecondRunIsACleanNoOp() throws Exception {
        LaunchFixture.in(cloud, dir).launch("demo");

        var r = CliHarness.in(dir).runOk("destroy", "--force", "--delete-ecr-repo");
        assertThat(r.out()).contains("Destroyed agent 'demo'", "deleted", "AgentCore.DeleteAgentRuntime",
                "ECR.DeleteRepository");
        assertThat(r.err()).contains("deleted AgentCore.DeleteAgentRuntime");
        assertThat(cloud.runtimes).isEmpty();
        assertThat(cloud.repositories).isEmpty();

        int before = cloud.calls().size();
        var again = CliHarness.in(dir).runOk("destroy", "--force", "--output", "json");
        assertThat(again.err()).contains("Nothing to destroy");
        assertThat(new ObjectMapper().readTree(again.out()).get("nothing_to_destroy").asBoolean()).isTrue();
        assertThat(cloud.calls()).hasSize(before);
    }

    @Test
    void aFailedStepGivesExitOneAndSaysHowToFinish() throws Exception {
        LaunchFixture.in(cloud, dir).launch("demo");
        cloud.failWhen(c -> c.startsWith("CodeBuild.DeleteProject"),
                CloudException.of(CloudException.Kind.ACCESS_DENIED, "CodeBuild", "not allowed"));

        var r = CliHarness.in(dir).run("destroy", "--force", "--output", "json").expectExit(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("succeeded").asBoolean()).isFalse();
        List<String> outcomes = json.get("steps").findValuesAsText("outcome");
        assertThat(outcomes).contains("failed", "skipped", "deleted");
        assertThat(r.err()).contains("rerun", "--force");
        assertThat(new ConfigStore(dir).exists()).isTrue();

        cloud.clearFailures();
        CliHarness.in(dir).runOk("destroy", "--force");
        assertThat(cloud.projects).isEmpty();
        assertThat(cloud.roles).isEmpty();
        assertThat(new ConfigStore(dir).exists()).isFalse();
    }

    @Test
    void destroyingOneOfTwoAgentsKeepsTheOtherAndMovesTheDefault() {
        LaunchFixture.in(cloud, dir).launch("alpha");
        LaunchFixture.in(cloud, dir).launch("beta");

        CliHarness.in(dir).runOk("destroy", "--agent", "beta", "--force");

        var left = new ConfigStore(dir).require();
        assertThat(left.agentNames()).containsExactly("alpha");
        assertThat(left.defaultAgent()).contains("alpha");
        assertThat(cloud.runtimes.values()).extracting(rt -> rt.name()).containsExactly("alpha");
    }

    @Test
    void helpNamesTheFlagsAndTheExitCodes() {
        var r = CliHarness.in(dir).runOk("destroy", "--help");
        assertThat(r.out()).contains("--agent", "--dry-run", "--force", "--delete-ecr-repo", "--keep-logs", "Exit codes:",
                "no terminal to confirm on");
        assertThat(cloud.calls()).isEmpty();
    }
}
