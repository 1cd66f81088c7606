package dev.agentcore.core.local;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.fake.FakeCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalBuildTest {

    @TempDir
    Path dir;

    private final StringWriter progress = new StringWriter();
    private Path project;

    private LocalBuild build(FakeEngine fake) {
        return new LocalBuild(project, new ProcessRunner(Map.of("PATH", fake.path()), new PrintWriter(progress, true)),
                new PrintWriter(progress, true));
    }

    private AgentConfig agent() {
        return new ConfigStore(project).require().select("echo");
    }

    @Test
    void buildsLogsInWithTheTokenOnStdinTagsAndPushesAndRecordsTheRepository() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "docker");
        FakeCloud cloud = new FakeCloud();
        LocalBuild lb = build(fake);
        ContainerEngine engine = lb.requireEngine(agent(), null);
        LocalBuild.Pushed pushed = lb.buildAndPush(agent(), engine, cloud.registry(), "t1", new ConfigStore(project));

        String repoUri = FakeCloud.ACCOUNT + ".dkr.ecr.us-west-2.amazonaws.com/bedrock-agentcore-echo";
        assertThat(pushed.imageUri()).isEqualTo(repoUri + ":t1");
        assertThat(pushed.repositoryCreated()).isTrue();
        assertThat(fake.calls()).containsExactly(
                "docker version",
                "docker build -t bedrock_agentcore-echo:t1 -f " + project.resolve(".bedrock_agentcore/echo/Dockerfile")
                        + " --platform linux/arm64 " + project,
                "docker login --username AWS --password-stdin https://" + FakeCloud.ACCOUNT
                        + ".dkr.ecr.us-west-2.amazonaws.com",
                "docker tag bedrock_agentcore-echo:t1 " + repoUri + ":t1",
                "docker push " + repoUri + ":t1");
        assertThat(fake.loginStdin()).isEqualTo("secret-ecr-token");
        assertThat(String.join("\n", fake.calls())).doesNotContain("secret-ecr-token");
        assertThat(progress.toString()).doesNotContain("secret-ecr-token");
        assertThat(cloud.calls()).containsExactly("ECR.DescribeRepositories bedrock-agentcore-echo",
                "ECR.CreateRepository bedrock-agentcore-echo", "ECR.GetAuthorizationToken");
        assertThat(cloud.repositories.get("bedrock-agentcore-echo").tags())
                .containsEntry("agentcore:managed-by", "agentcore-java").containsEntry("agentcore:agent", "echo");
        AgentConfig saved = agent();
        assertThat(saved.ecrRepository()).isEqualTo(repoUri);
        assertThat(saved.createdResource("ecr_repository")).isEqualTo("bedrock-agentcore-echo");
    }

    @Test
    void anExistingRepositoryIsReusedAndNotRecordedAsCreated() throws Exception {
        project = EchoProject.create(dir);
        FakeCloud cloud = new FakeCloud();
        cloud.registry().createRepository("bedrock-agentcore-echo", Map.of());
        FakeEngine fake = FakeEngine.in(dir, "podman");
        LocalBuild lb = build(fake);
        LocalBuild.Pushed pushed = lb.buildAndPush(agent(), lb.requireEngine(agent(), "podman"), cloud.registry(),
                "t2", new ConfigStore(project));
        assertThat(pushed.repositoryCreated()).isFalse();
        assertThat(agent().createdResource("ecr_repository")).isNull();
    }

    @Test
    void aFailedLoginStopsBeforeTagAndPush() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "finch").on("finch", "login", 1, "Error: login attempt failed");
        LocalBuild lb = build(fake);
        assertThatThrownBy(() -> lb.buildAndPush(agent(), lb.requireEngine(agent(), null), new FakeCloud().registry(),
                "t3", new ConfigStore(project)))
                .hasMessageStartingWith("Failed to log in to ECR").hasMessageNotContaining("secret-ecr-token");
        assertThat(fake.calls()).noneMatch(c -> c.startsWith("finch tag") || c.startsWith("finch push"));
    }

    @Test
    void noEngineIsAnErrorNamingWhatWasTriedAndCodeBuild() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "docker").on("docker", "version", 1,
                "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?");
        assertThatThrownBy(() -> build(fake).requireEngine(agent(), null))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("finch: not installed", "docker: installed, but its daemon",
                            "podman: not installed");
                    assertThat(e.hint()).contains("Docker Desktop").contains("agentcore launch");
                });
        assertThatThrownBy(() -> build(fake).requireEngine(agent(), "none"))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }

    @Test
    void theDefaultTagIsAUtcTimestampAndBadTagsAreRefused() {
        assertThat(LocalBuild.tagOrDefault(null)).matches("\\d{8}-\\d{6}-\\d{3}");
        assertThat(LocalBuild.tagOrDefault("v1.2")).isEqualTo("v1.2");
        assertThatThrownBy(() -> LocalBuild.tagOrDefault("bad tag")).isInstanceOf(AgentCoreException.class);
    }
}
