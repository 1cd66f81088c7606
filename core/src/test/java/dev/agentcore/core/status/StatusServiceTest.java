package dev.agentcore.core.status;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.destroy.LaunchFixture;
import dev.agentcore.core.fake.FakeCloud;
import dev.agentcore.core.status.StatusReport.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusServiceTest {

    @TempDir
    Path dir;

    FakeCloud cloud;
    AtomicInteger cloudsBuilt;
    StatusService service;

    @BeforeEach
    void setUp() {
        cloud = new FakeCloud();
        cloudsBuilt = new AtomicInteger();
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T23:59:00Z"), ZoneOffset.ofHours(5));
        service = new StatusService(new ConfigStore(dir), region -> {
            cloudsBuilt.incrementAndGet();
            return cloud;
        }, clock);
    }

    @Test
    void withoutAConfigFileItSaysSoAndWhatToRunNext() {
        StatusReport r = service.status(null);

        assertThat(r.state()).isEqualTo(State.NOT_CONFIGURED);
        assertThat(r.nextSteps()).anyMatch(s -> s.startsWith("agentcore configure"));
        assertThat(cloudsBuilt).hasValue(0);
    }

    @Test
    void aConfiguredAgentNeverLaunchedNeedsNoAwsCall() {
        LaunchFixture.configureOnly(dir, "demo", "eu-west-1");

        StatusReport r = service.status(null);

        assertThat(r.state()).isEqualTo(State.NOT_LAUNCHED);
        assertThat(r.summary().name()).isEqualTo("demo");
        assertThat(r.summary().region()).isEqualTo("eu-west-1");
        assertThat(r.nextSteps()).containsExactly("agentcore launch");
        assertThat(cloudsBuilt).hasValue(0);
        assertThat(cloud.calls()).isEmpty();
    }

    @Test
    void aLaunchedAgentShowsRuntimeEndpointBuildImageAndLogCommands() {
        var cfg = LaunchFixture.in(cloud, dir).launch("demo");
        int before = cloud.mutatingCalls().size();

        StatusReport r = service.status("demo");

        assertThat(r.state()).isEqualTo(State.READY);
        assertThat(r.runtime().value().id()).isEqualTo(cfg.agentId());
        assertThat(r.runtime().value().status()).isEqualTo("READY");
        assertThat(r.endpoint().value().status()).isEqualTo("READY");
        assertThat(r.lastBuild().value().status()).isEqualTo("SUCCEEDED");
        assertThat(r.imageUri()).endsWith("/bedrock-agentcore-demo:" + LaunchFixture.IMAGE_TAG);
        assertThat(r.runtimeLogGroup()).isEqualTo("/aws/bedrock-agentcore/runtimes/" + cfg.agentId() + "-DEFAULT");
        assertThat(r.buildLogGroup()).isEqualTo("/aws/codebuild/bedrock-agentcore-demo-builder");
        // the date is UTC's, not the clock zone's (it is already 5 March at +05:00)
        assertThat(r.logCommands()).containsExactly(
                "aws logs tail " + r.runtimeLogGroup()
                        + " --log-stream-name-prefix \"2026/03/04/[runtime-logs]\" --region us-west-2 --follow",
                "aws logs tail " + r.runtimeLogGroup()
                        + " --log-stream-name-prefix \"2026/03/04/[runtime-logs]\" --region us-west-2 --since 1h",
                "aws logs tail /aws/codebuild/bedrock-agentcore-demo-builder --since 1h --region us-west-2");
        assertThat(r.nextSteps()).anyMatch(s -> s.startsWith("agentcore invoke"));
        assertThat(cloud.mutatingCalls()).hasSize(before);
    }

    @Test
    void aRuntimeDeletedOutsideTheToolIsReportedAsMissing() {
        LaunchFixture.in(cloud, dir).launch("demo");
        cloud.runtimes.clear();

        StatusReport r = service.status(null);

        assertThat(r.state()).isEqualTo(State.MISSING);
        assertThat(r.runtime().isFound()).isFalse();
        assertThat(r.runtime().absentReason()).contains("deleted outside");
        assertThat(r.nextSteps()).anyMatch(s -> s.contains("agentcore launch"));
    }

    @Test
    void aDeniedCallIsReportedInItsSectionAndTheOthersStillShow() {
        LaunchFixture.in(cloud, dir).launch("demo");
        cloud.failWhen(c -> c.startsWith("AgentCore.GetAgentRuntime "),
                CloudException.of(CloudException.Kind.ACCESS_DENIED, "AgentCore", "User is not authorized"));

        StatusReport r = service.status(null);

        assertThat(r.state()).isEqualTo(State.UNKNOWN);
        assertThat(r.runtime().isFailed()).isTrue();
        assertThat(r.runtime().errorKind()).isEqualTo("ACCESS_DENIED");
        assertThat(r.runtime().error()).contains("not authorized");
        assertThat(r.endpoint().isFound()).isTrue();
        assertThat(r.lastBuild().isFound()).isTrue();
    }

    @Test
    void aFailedRuntimeCarriesItsReason() {
        cloud.nextRuntimeStatus = "CREATE_FAILED";
        LaunchFixture.in(cloud, dir).launch("demo");

        StatusReport r = service.status(null);

        assertThat(r.state()).isEqualTo(State.FAILED);
        assertThat(r.runtime().value().failureReason()).contains("image not found");
    }

    @Test
    void anUnknownAgentNameIsInvalidInput() {
        LaunchFixture.configureOnly(dir, "demo", "us-west-2");

        assertThatThrownBy(() -> service.status("nope")).isInstanceOf(AgentCoreException.class)
                .hasMessageContaining("nope").extracting(e -> ((AgentCoreException) e).exitCode()).isEqualTo(2);
    }

    @Test
    void aConfigFileWithoutAgentsCountsAsNotConfigured() throws Exception {
        java.nio.file.Files.writeString(dir.resolve(".bedrock_agentcore.yaml"), "default_agent: null\nagents: {}\n");

        assertThat(service.status(null).state()).isEqualTo(State.NOT_CONFIGURED);
    }
}
