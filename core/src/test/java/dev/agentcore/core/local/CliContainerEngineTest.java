package dev.agentcore.core.local;

import dev.agentcore.core.AgentCoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliContainerEngineTest {

    @TempDir
    Path dir;

    private final StringWriter progress = new StringWriter();

    private CliContainerEngine engine(FakeEngine fake, String name) {
        ProcessRunner runner = new ProcessRunner(Map.of("PATH", fake.path()), new PrintWriter(progress, true));
        return new CliContainerEngine(name, runner.find(name).orElseThrow(), runner);
    }

    @Test
    void buildNamesTagDockerfilePlatformAndContext() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "docker").on("docker", "build", 0, "Step 1/9 : FROM python");
        Path ctx = Files.createDirectories(dir.resolve("proj"));
        Path dockerfile = Files.createDirectories(ctx.resolve(".bedrock_agentcore/my_agent")).resolve("Dockerfile");
        engine(fake, "docker").build("bedrock_agentcore-my_agent:latest", dockerfile, ctx, "linux/arm64");
        assertThat(fake.calls()).containsExactly("docker build -t bedrock_agentcore-my_agent:latest -f " + dockerfile
                + " --platform linux/arm64 " + ctx);
        assertThat(progress.toString()).contains("[build] Step 1/9 : FROM python");
    }

    @Test
    void aDockerfileAtTheContextRootNeedsNoDashF() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "podman");
        engine(fake, "podman").build("img:1", dir.resolve("Dockerfile"), dir, "linux/arm64");
        assertThat(fake.calls()).containsExactly("podman build -t img:1 --platform linux/arm64 " + dir);
    }

    @Test
    void aFailedBuildQuotesTheEnginesLastLines() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "docker").on("docker", "build", 1,
                "#7 ERROR: failed to solve: process \"/bin/sh -c uv pip install -r requirements.txt\" did not complete");
        assertThatThrownBy(() -> engine(fake, "docker").build("img:1", dir.resolve("Dockerfile"), dir, "linux/arm64"))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.getMessage()).startsWith("Image build failed (docker exit 1)")
                            .contains("failed to solve");
                });
    }

    @Test
    void aBuildAgainstAStoppedDaemonSaysSo() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "docker").on("docker", "build", 1,
                "ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?");
        assertThatThrownBy(() -> engine(fake, "docker").build("img:1", dir.resolve("Dockerfile"), dir, "linux/arm64"))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> {
                    assertThat(e.getMessage()).contains("daemon/VM is not running");
                    assertThat(e.hint()).contains("Docker Desktop");
                });
    }

    @Test
    void loginPassesThePasswordOnStdinOnly() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "finch");
        engine(fake, "finch").login("https://123456789012.dkr.ecr.us-west-2.amazonaws.com", "AWS", "s3cr3t-token");
        assertThat(fake.calls()).containsExactly("finch login --username AWS --password-stdin "
                + "https://123456789012.dkr.ecr.us-west-2.amazonaws.com");
        assertThat(String.join("\n", fake.calls())).doesNotContain("s3cr3t-token");
        assertThat(fake.loginStdin()).isEqualTo("s3cr3t-token");
        assertThat(progress.toString()).doesNotContain("s3cr3t-token");
    }

    @Test
    void aFailedLoginIsReportedWithoutTheToken() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "docker").on("docker", "login", 1, "Error: unauthorized");
        assertThatThrownBy(() -> engine(fake, "docker").login("https://r.example", "AWS", "s3cr3t-token"))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Failed to log in to ECR").doesNotContain("s3cr3t");
                });
    }

    @Test
    void runNamesEnvironmentKeysOnlyAndHandsTheValuesThroughTheEnginesEnvironment() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "docker");
        int port = FakeEngine.freePort();
        ProcessRunner.Started started = engine(fake, "docker").run(new ContainerEngine.RunSpec("img:latest", "c1",
                port, 8080, Map.of("AWS_REGION", "eu-west-1", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI",
                "MY_SETTING", "x=y")), true);
        assertThat(started.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(fake.calls()).containsExactly("docker run -d --rm -p " + port + ":8080 --name c1 -e AWS_REGION "
                + "-e AWS_SECRET_ACCESS_KEY -e MY_SETTING img:latest");
        assertThat(fake.runEnvironment()).contains("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI", "MY_SETTING=x=y",
                "AWS_REGION=eu-west-1");
        assertThat(new LocalEndpoint(port).awaitReady(Duration.ofSeconds(20), () -> true))
                .isEqualTo(LocalEndpoint.Wait.READY);
        assertThat(engine(fake, "docker").stop("c1")).isTrue();
        assertThat(engine(fake, "docker").stop("c1")).isFalse();
        assertThat(fake.calls()).endsWith("docker stop c1", "docker stop c1");
    }

    @Test
    void tagAndPush() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "docker");
        CliContainerEngine docker = engine(fake, "docker");
        docker.tag("bedrock_agentcore-a:t1", "123.dkr.ecr.us-west-2.amazonaws.com/bedrock-agentcore-a:t1");
        docker.push("123.dkr.ecr.us-west-2.amazonaws.com/bedrock-agentcore-a:t1");
        assertThat(fake.calls()).containsExactly(
                "docker tag bedrock_agentcore-a:t1 123.dkr.ecr.us-west-2.amazonaws.com/bedrock-agentcore-a:t1",
                "docker push 123.dkr.ecr.us-west-2.amazonaws.com/bedrock-agentcore-a:t1");
        FakeEngine failing = FakeEngine.in(dir.resolve("f"), "docker").on("docker", "push", 1, "denied: not authorized");
        assertThatThrownBy(() -> engine(failing, "docker").push("r/x:1"))
                .hasMessageContaining("Pushing r/x:1 failed").hasMessageContaining("denied: not authorized");
    }
}
