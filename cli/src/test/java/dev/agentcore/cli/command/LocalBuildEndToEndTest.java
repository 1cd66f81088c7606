package dev.agentcore.cli.command;

import dev.agentcore.cli.CliHarness;
import dev.agentcore.core.aws.AwsClients;
import dev.agentcore.core.aws.AwsSettings;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.launch.ResourceNames;
import dev.agentcore.core.local.FakeEngine;
import dev.agentcore.core.testing.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * configure, then launch --local-build, through the CLI: the image is "built" and "pushed" by a fake engine on PATH
 * (recording its argv), the repository and the runtime are made in the emulated account by the cloud launch's own
 * steps.
 */
class LocalBuildEndToEndTest {

    static Emulator emulator;
    static AwsClients aws;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = Emulator.shared();
        aws = new AwsClients(new AwsSettings(null, null, null, emulator.env()));
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    private CliHarness cli(FakeEngine fake) {
        CliHarness h = CliHarness.in(dir).withEnv(emulator.env());
        return h.withEnv("PATH", fake.path());
    }

    private String configure(FakeEngine fake) throws IOException {
        String name = "lb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Files.writeString(dir.resolve("agent.py"), "from bedrock_agentcore import BedrockAgentCoreApp\n"
                + "app = BedrockAgentCoreApp()\n");
        Files.writeString(dir.resolve("requirements.txt"), "bedrock-agentcore\n");
        cli(fake).runOk("configure", "-e", "agent.py", "-n", name, "--non-interactive");
        return name;
    }

    @Test
    void buildsAndPushesLocallyThenDeploysTheRuntimeLikeTheCodeBuildPath() throws IOException {
        FakeEngine fake = FakeEngine.in(dir.resolve("engine"), "docker");
        String name = configure(fake);
        ResourceNames names = new ResourceNames(name, Emulator.ACCOUNT, Emulator.REGION, "aws");

        CliHarness.Result r = cli(fake).runOk("launch", "--local-build", "--image-tag", "v1");

        AgentConfig saved = new ConfigStore(dir).require().agent(name).orElseThrow();
        String repoUri = aws.ecr().describeRepositories(q -> q.repositoryNames(names.repository())).repositories()
                .get(0).repositoryUri();
        String imageUri = repoUri + ":v1";
        List<String> calls = fake.calls();
        String local = "bedrock_agentcore-" + name + ":v1";
        assertThat(calls).contains("docker build -t " + local + " -f "
                + dir.resolve(".bedrock_agentcore").resolve(name).resolve("Dockerfile") + " --platform linux/arm64 "
                + dir, "docker tag " + local + " " + imageUri, "docker push " + imageUri);
        assertThat(calls).anyMatch(c -> c.startsWith("docker login --username AWS --password-stdin "));
        String token = fake.loginStdin();
        assertThat(token).isNotBlank();
        assertThat(String.join("\n", calls)).doesNotContain(token);
        assertThat(r.out() + r.err()).doesNotContain(token);

        var runtime = aws.agentCoreControl().getAgentRuntime(q -> q.agentRuntimeId(saved.agentId()));
        assertThat(runtime.agentRuntimeArtifact().containerConfiguration().containerUri()).isEqualTo(imageUri);
        assertThat(saved.createdResource("ecr_repository")).isEqualTo(names.repository());
        assertThat(saved.agentArn()).isEqualTo(runtime.agentRuntimeArn());
        assertThat(aws.codeBuild().listProjects().projects()).doesNotContain(names.project());
    }

    @Test
    void theDryRunChangesNothing() throws IOException {
        FakeEngine fake = FakeEngine.in(dir.resolve("engine"), "podman");
        configure(fake);
        String before = emulator.state();
        CliHarness.Result r = cli(fake).runOk("launch", "--local-build", "--dry-run", "--image-tag", "v2");
        assertThat(emulator.state()).isEqualTo(before);
        assertThat(r.err()).contains("Local steps (podman):", "podman push <repository-uri>:v2");
        assertThat(fake.calls()).containsExactly("podman version");
    }

    @Test
    void withoutAnEngineItSaysWhatWasTriedAndNamesCodeBuild() throws IOException {
        FakeEngine fake = FakeEngine.in(dir.resolve("engine"));
        configure(fake);
        String before = emulator.state();
        CliHarness.Result r = cli(fake).run("launch", "--local-build").expectExit(1);
        assertThat(r.err()).contains("Cannot build locally: no usable container engine (finch: not installed; "
                + "docker: not installed; podman: not installed)").contains("agentcore launch");
        assertThat(emulator.state()).isEqualTo(before);
    }
}
