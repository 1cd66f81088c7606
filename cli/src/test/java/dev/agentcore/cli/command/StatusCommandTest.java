package dev.agentcore.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.cli.CliHarness;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.destroy.LaunchFixture;
import dev.agentcore.core.fake.FakeCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {

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
    void withoutAConfigFileItExplainsWhatToRunNextWithoutAStackTrace() {
        var r = CliHarness.in(dir).runOk("status");
        assertThat(r.out()).contains("No agent is configured here").contains("agentcore configure");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withoutAConfigFileJsonSaysNotConfigured() throws Exception {
        var r = CliHarness.in(dir).runOk("status", "--output", "json");
        assertThat(new ObjectMapper().readTree(r.out()).get("state").asText()).isEqualTo("NOT_CONFIGURED");
    }

    @Test
    void aConfiguredAgentNotLaunchedSaysSoAndSuggestsLaunch() {
        LaunchFixture.configureOnly(dir, "demo", "us-west-2");
        var r = CliHarness.in(dir).runOk("status");
        assertThat(r.out()).contains("Agent 'demo': NOT_LAUNCHED", "not launched yet", "agentcore launch");
        assertThat(cloud.calls()).isEmpty();
    }

    @Test
    void aLaunchedAgentShowsEverySectionAndTheTailCommands() {
        var cfg = LaunchFixture.in(cloud, dir).launch("demo");
        var r = CliHarness.in(dir).runOk("status");
        assertThat(r.out()).contains("Agent 'demo': READY", "Runtime", "ID:", cfg.agentId(), "Endpoint DEFAULT",
                "Last build", "SUCCEEDED", "URI:", LaunchFixture.IMAGE_TAG,
                "/aws/bedrock-agentcore/runtimes/" + cfg.agentId() + "-DEFAULT",
                "/aws/codebuild/bedrock-agentcore-demo-builder", "--follow", "--since 1h", "[runtime-logs]",
                "agentcore invoke");
        assertThat(r.out()).doesNotContain("Raw");
    }

    @Test
    void jsonIsOneObjectAScriptCanRead() throws Exception {
        var cfg = LaunchFixture.in(cloud, dir).launch("demo");
        var r = CliHarness.in(dir).runOk("status", "--output", "json", "--verbose");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("state").asText()).isEqualTo("READY");
        assertThat(json.at("/runtime/id").asText()).isEqualTo(cfg.agentId());
        assertThat(json.at("/endpoint/status").asText()).isEqualTo("READY");
        assertThat(json.at("/last_build/status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.at("/config/region").asText()).isEqualTo("us-west-2");
        assertThat(json.get("log_commands")).hasSize(3);
        assertThat(json.at("/raw/config/name").asText()).isEqualTo("demo");
    }

    @Test
    void accessDeniedIsReportedInTheRuntimeSection() {
        LaunchFixture.in(cloud, dir).launch("demo");
        cloud.failWhen(c -> c.startsWith("AgentCore.GetAgentRuntime "),
                CloudException.of(CloudException.Kind.ACCESS_DENIED, "AgentCore", "User is not authorized"));
        var r = CliHarness.in(dir).runOk("status");
        assertThat(r.out()).contains("UNKNOWN", "Error:", "User is not authorized (access denied)");
    }

    @Test
    void aRuntimeDeletedOutsideTheToolIsNamedAsSuch() {
        LaunchFixture.in(cloud, dir).launch("demo");
        cloud.runtimes.clear();
        var r = CliHarness.in(dir).runOk("status");
        assertThat(r.out()).contains("MISSING", "deleted outside the tool");
    }

    @Test
    void anUnknownAgentIsExitTwoWithTheAgentsListed() {
        LaunchFixture.configureOnly(dir, "demo", "us-west-2");
        var r = CliHarness.in(dir).run("status", "--agent", "nope").expectExit(2);
        assertThat(r.err()).contains("nope", "demo").doesNotContain("at dev.agentcore");
    }

    @Test
    void helpDocumentsTheStatesAndExitCodes() {
        var r = CliHarness.in(dir).runOk("status", "--help");
        assertThat(r.out()).contains("--agent", "--verbose", "NOT_CONFIGURED", "MISSING", "Exit codes:");
    }
}
