package dev.agentcore.core.launch;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.fake.FakeCloud;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A launch that fails at any mutating step can be run again: it finishes, and nothing exists twice. */
class InterruptedLaunchTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ECR.CreateRepository", "IAM.CreateRole AmazonBedrockAgentCoreSDKRuntime",
            "IAM.PutRolePolicy AmazonBedrockAgentCoreSDKRuntime", "IAM.CreateRole AmazonBedrockAgentCoreSDKCodeBuild",
            "IAM.PutRolePolicy AmazonBedrockAgentCoreSDKCodeBuild", "S3.CreateBucket",
            "S3.PutBucketLifecycleConfiguration", "S3.PutObject", "CodeBuild.CreateProject", "CodeBuild.StartBuild",
            "AgentCore.CreateAgentRuntime"})
    void rerunAfterAFailureFinishesWithoutDuplicates(String failingCall) throws IOException {
        Files.writeString(dir.resolve("agent.py"), "print('hi')\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM python:3.11\n");
        new ConfigStore(dir).update(cfg -> {
            cfg.putAgent(AgentConfig.newContainerAgent("demo", "agent.py", dir.toString()));
            return null;
        });
        FakeCloud cloud = new FakeCloud();
        LaunchService service = new LaunchService(cloud, dir, LaunchProgress.silent(), new FakeTime().poller(),
                Runnable::run);
        cloud.failWhen(c -> c.startsWith(failingCall), CloudException.of(CloudException.Kind.OTHER, "AWS",
                "connection reset"));

        assertThatThrownBy(() -> service.launch(LaunchOptions.defaults("demo")))
                .isInstanceOf(AgentCoreException.class).hasMessageContaining("connection reset");
        cloud.clearFailures();
        LaunchResult result = service.launch(LaunchOptions.defaults("demo"));

        assertThat(result.runtimeStatus()).isEqualTo("READY");
        assertThat(cloud.repositories).hasSize(1);
        assertThat(cloud.roles).hasSize(2);
        assertThat(cloud.rolePolicies.values()).allSatisfy(p -> assertThat(p).hasSize(1));
        assertThat(cloud.buckets).hasSize(1);
        assertThat(cloud.projects).hasSize(1);
        assertThat(cloud.runtimes).hasSize(1);
        AgentConfig saved = new ConfigStore(dir).require().agent("demo").orElseThrow();
        assertThat(saved.agentId()).isEqualTo(result.agentId());
        assertThat(saved.createdResource("ecr_repository")).isNotNull();
        assertThat(saved.createdResource("execution_role")).isNotNull();
        assertThat(saved.createdResource("codebuild_role")).isNotNull();
    }
}
