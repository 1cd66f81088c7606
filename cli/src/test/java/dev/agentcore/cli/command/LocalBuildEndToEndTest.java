package dev.agentcore.cli.command;

import dev.agentcore.cli.CliHarness;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.launch.ResourceNames;
import dev.agentcore.core.local.FakeEngine;
import dev.agentcore.core.testing.EmulatedAccount;
import dev.agentcore.core.testing.Emulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * configure, then launch --local-build, through the CLI: the image is "built" and "pushed" by a fake engine on PATH
 * (recording its argv), the repository and the runtime are made in the emulated account by the cloud launch's own
 * steps.
 */
class LocalBuildEndToEndTest {

    @RegisterExtension
    static final EmulatedAccount account = new EmulatedAccount();

    @TempDir
    Path dir;

    private CliHarness cli(FakeEngine fake) {
        return CliHarness.in(dir).withEnv(account.env()).withEnv("PATH", fake.path());
    }

    @Test
    void buildsAndPushesLocallyThenDeploysTheRuntimeLikeTheCodeBuildPath() throws IOException {
        FakeEngine fake = FakeEngine.in(dir.resolve("engine"), "docker");
        String name = FreshAgent.configure(cli(fake), "lb_");
        ResourceNames names = new ResourceNames(name, Emulator.ACCOUNT, Emulator.REGION, "aws");

        CliHarness.Result r = cli(fake).runOk("launch", "--local-build", "--image-tag", "v1");

        AgentConfig saved = new ConfigStore(dir).require().agent(name).orElseThrow();
        String repoUri = account.ecr().describeRepositories(q -> q.repositoryNames(names.repository())).repositories()
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

        var runtime = account.agentCoreControl().getAgentRuntime(q -> q.agentRuntimeId(saved.agentId()));
        assertThat(runtime.agentRuntimeArtifact().containerConfiguration().containerUri()).isEqualTo(imageUri);
        assertThat(saved.createdResource("ecr_repository")).isEqualTo(names.repository());
        assertThat(saved.agentArn()).isEqualTo(runtime.agentRuntimeArn());
        assertThat(account.codeBuild().listProjects().projects()).doesNotContain(names.project());
    }

    @Test
    void theDryRunChangesNothing() throws IOException {
        FakeEngine fake = FakeEngine.in(dir.resolve("engine"), "podman");
        FreshAgent.configure(cli(fake), "lb_");
        String before = account.state();
        CliHarness.Result r = cli(fake).runOk("launch", "--local-build", "--dry-run", "--image-tag", "v2");
        assertThat(account.state()).isEqualTo(before);
        assertThat(r.err()).contains("Local steps (podman):", "podman push <repository-uri>:v2");
        assertThat(fake.calls()).containsExactly("podman version");
    }

    @Test
    void withoutAnEngineItSaysWhatWasTriedAndNamesCodeBuild() throws IOException {
        FakeEngine fake = FakeEngine.in(dir.resolve("engine"));
        FreshAgent.configure(cli(fake), "lb_");
        String before = account.state();
        CliHarness.Result r = cli(fake).run("launch", "--local-build").expectExit(1);
        assertThat(r.err()).contains("Cannot build locally: no usable container engine (finch: not installed; "
                + "docker: not installed; podman: not installed)").contains("agentcore launch");
        assertThat(account.state()).isEqualTo(before);
    }
}
