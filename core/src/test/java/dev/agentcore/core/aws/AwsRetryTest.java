package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.testing.Emulator;
import dev.agentcore.core.testing.FaultProxy;
import dev.agentcore.core.testing.FaultProxy.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.agentcore.core.testing.FaultProxy.delay;
import static dev.agentcore.core.testing.FaultProxy.drop;
import static dev.agentcore.core.testing.FaultProxy.error;
import static dev.agentcore.core.testing.FaultProxy.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Transient faults (throttling, 5xx, dropped connections, slow answers) are ridden out by the SDK's standard retry
 * mode for every service, through AwsCloud; a fault that persists ends as a clear CloudException.
 */
class AwsRetryTest {

    FaultProxy proxy;
    AwsClients clients;
    AwsCloud cloud;

    @BeforeEach
    void open() {
        proxy = FaultProxy.in(Emulator.shared().endpoint());
        clients = new AwsClients(new AwsSettings(null, null, null, proxy.env(Emulator.shared().env())));
        cloud = new AwsCloud(clients);
    }

    @AfterEach
    void close() {
        clients.close();
        proxy.close();
    }

    @Test
    void stsRidesThroughAQueryProtocolThrottle() {
        Rule rule = proxy.when(service("sts"), 1, error(400, "Throttling"));
        assertThat(cloud.account().callerIdentity().account()).isEqualTo(Emulator.ACCOUNT);
        assertThat(rule.hits()).isEqualTo(1);
    }

    @Test
    void ecrRidesThroughA429() {
        String repo = EmulatedAws.unique("retry-");
        EmulatedAws.cloud().registry().createRepository(repo, Map.of());
        Rule rule = proxy.when(service("ecr"), 1, error(429, "TooManyRequestsException"));
        assertThat(cloud.registry().findRepository(repo)).isPresent();
        assertThat(rule.hits()).isEqualTo(1);
    }

    @Test
    void iamRidesThroughA500() {
        Rule rule = proxy.when(service("iam"), 1, error(500, "ServiceFailure"));
        assertThat(cloud.roles().findRole(EmulatedAws.unique("none-"))).isEmpty();
        assertThat(rule.hits()).isEqualTo(1);
    }

    @Test
    void s3RidesThroughA503() {
        String bucket = EmulatedAws.unique("retry-");
        EmulatedAws.cloud().objects().createBucket(bucket, "us-west-2", Emulator.ACCOUNT);
        Rule rule = proxy.when(service("s3"), 1, error(503, "SlowDown"));
        assertThat(cloud.objects().bucketExists(bucket, Emulator.ACCOUNT)).isTrue();
        assertThat(rule.hits()).isEqualTo(1);
    }

    @Test
    void codeBuildRidesThroughADroppedConnection() {
        Rule rule = proxy.when(service("codebuild"), 1, drop());
        assertThat(cloud.builds().projectExists(EmulatedAws.unique("none-"))).isFalse();
        assertThat(rule.hits()).isEqualTo(1);
    }

    @Test
    void logsRideThroughTwoJsonThrottles() {
        Rule rule = proxy.when(service("logs"), 2, error(400, "ThrottlingException"));
        assertThat(cloud.logs().lastLines("/aws/codebuild/none", "none", 5)).isEmpty();
        assertThat(rule.hits()).isEqualTo(2);
    }

    @Test
    void agentCoreRidesThroughA503AndASlowAnswer() {
        Rule unavailable = proxy.when(service("bedrock-agentcore"), 1, error(503, "ServiceUnavailableException"));
        Rule slow = proxy.when(service("bedrock-agentcore"), 1, delay(Duration.ofMillis(300)));
        assertThat(cloud.runtimes().findByName(EmulatedAws.unique("nobody_"))).isEmpty();
        assertThat(unavailable.hits()).isEqualTo(1);
        assertThat(slow.hits()).isEqualTo(1);
    }

    @Test
    void aPersistentThrottleBecomesAThrottledCloudExceptionAfterTheRetries() {
        Rule rule = proxy.when(service("ecr"), Integer.MAX_VALUE, error(400, "ThrottlingException"));
        CloudException e = catchThrowableOfType(CloudException.class,
                () -> cloud.registry().findRepository(EmulatedAws.unique("r-")));
        assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(e.service()).isEqualTo("ECR");
        assertThat(e.getMessage()).isEqualTo("injected by FaultProxy");
        // standard retry mode: three attempts in all
        assertThat(rule.hits()).isEqualTo(3);
    }

    @Test
    void aPersistentOutageBecomesAClearCloudException() {
        proxy.when(service("codebuild"), Integer.MAX_VALUE, error(503, "ServiceUnavailable"));
        CloudException e = catchThrowableOfType(CloudException.class,
                () -> cloud.builds().projectExists("anything"));
        assertThat(e.kind()).isEqualTo(Kind.OTHER);
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.service()).isEqualTo("CodeBuild");
    }

    @Test
    void connectionsThatKeepDroppingBecomeAClearCloudException() {
        Rule rule = proxy.when(service("sts"), Integer.MAX_VALUE, drop());
        CloudException e = catchThrowableOfType(CloudException.class, () -> cloud.account().callerIdentity());
        assertThat(e.kind()).isEqualTo(Kind.OTHER);
        assertThat(e.getMessage()).startsWith("Could not complete the STS call");
        assertThat(rule.hits()).isEqualTo(3);
    }

    @Test
    void aRoleNotYetAssumableReachesTheCallerWithTheServiceMessage() {
        // IAM propagation: the launch flow retries on this message itself; the SDK must not swallow or reword it
        String role = "arn:aws:iam::" + Emulator.ACCOUNT + ":role/AmazonBedrockAgentCoreSDKRuntime-us-west-2-0123456789";
        Rule rule = proxy.when(service("bedrock-agentcore"), 1,
                new FaultProxy.ErrorAnswer(400, "ValidationException", "Role validation failed for '" + role
                        + "'. Please verify that the role exists and its trust policy allows assumption by this service"));
        CloudException e = catchThrowableOfType(CloudException.class, () -> cloud.runtimes().create(
                new dev.agentcore.core.cloud.RuntimeService.RuntimeSpec("agent_x", "image", role, "PUBLIC", null,
                        null, "HTTP", Map.of(), null, null, null, null, null, Map.of())));
        assertThat(e.kind()).isEqualTo(Kind.VALIDATION);
        assertThat(e.getMessage()).contains("Role validation failed").contains(role);
        assertThat(rule.hits()).isEqualTo(1);
    }
}
