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

    /** Stands in for the cloud launch's repository step, recording that it ran before the push. */
    private String ensureRepository(FakeCloud cloud, FakeEngine fake) {
        try {
            assertThat(fake.calls()).noneMatch(c -> c.contains(" push "));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return cloud.registry().createRepository("bedrock-agentcore-echo", Map.of()).uri();
    }

    @Test
    void buildsLogsInWithTheTokenOnStdinTagsAndPushes() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "docker");
        FakeCloud cloud = new FakeCloud();
        LocalBuild lb = build(fake);
        ContainerEngine engine = lb.requireEngine(agent(), null);
        LocalBuild.Pushed pushed = lb.buildAndPush(agent(), engine, cloud.registry(), "t1",
                () -> ensureRepository(cloud, fake));

        String repoUri = FakeCloud.ACCOUNT + ".dkr.ecr.us-west-2.amazonaws.com/bedrock-agentcore-echo";
        assertThat(pushed.imageUri()).isEqualTo(repoUri + ":t1");
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
        assertThat(cloud.calls()).containsExactly("ECR.CreateRepository bedrock-agentcore-echo",
                "ECR.GetAuthorizationToken");
    }

    @Test
    void aFailedBuildTouchesNoCloud() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "podman").on("podman", "build", 1, "Error: no such base image");
        FakeCloud cloud = new FakeCloud();
        LocalBuild lb = build(fake);
        assertThatThrownBy(() -> lb.buildAndPush(agent(), lb.requireEngine(agent(), "podman"), cloud.registry(),
                "t2", () -> ensureRepository(cloud, fake))).hasMessageContaining("Image build failed");
        assertThat(cloud.calls()).isEmpty();
    }

    @Test
    void aFailedLoginStopsBeforeTagAndPush() throws Exception {
        project = EchoProject.create(dir);
        FakeEngine fake = FakeEngine.in(dir, "finch").on("finch", "login", 1, "Error: login attempt failed");
        FakeCloud cloud = new FakeCloud();
        LocalBuild lb = build(fake);
        assertThatThrownBy(() -> lb.buildAndPush(agent(), lb.requireEngine(agent(), null), cloud.registry(),
                "t3", () -> ensureRepository(cloud, fake)))
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
