package dev.agentcore.cli.command;

import dev.agentcore.cli.CliHarness;
import dev.agentcore.cli.CliProcess;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.testing.EmulatedAccount;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntime;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A launch killed (SIGKILL, no shutdown hook) at each step, then run again: the second run finishes the
 * deployment, with one runtime, and records everything the first one created. The kill lands right after the
 * step's progress line, so the call may or may not have reached the service: both must converge.
 */
class KilledLaunchTest {

    @RegisterExtension
    static final EmulatedAccount account = new EmulatedAccount();

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    @ParameterizedTest
    @ValueSource(strings = {"-> ECR CreateRepository", "-> S3 PutObject", "-> CodeBuild StartBuild",
            "-> AgentCore CreateAgentRuntime", ": CREATING"})
    void aLaunchKilledAtAStepFinishesWhenRunAgain(String killAfter) throws Exception {
        String name = FreshAgent.configure(cli(), "killed_");

        Map<String, String> env = new HashMap<>(CliProcess.isolatedEnv(logs.resolve("home")));
        env.putAll(account.env());
        CliProcess first = CliProcess.start(dir, env, logs, "launch");
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!first.stderrSoFar().contains(killAfter) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(first.stderrSoFar()).as("the first launch reached '" + killAfter + "'").contains(killAfter);
        first.kill();

        var again = cli().run("launch");
        again.ok();

        List<AgentRuntime> runtimes = account.agentCoreControl().listAgentRuntimesPaginator(b -> b.maxResults(100))
                .agentRuntimes().stream().filter(r -> name.equals(r.agentRuntimeName())).toList();
        assertThat(runtimes).as("runtimes named " + name).hasSize(1);
        AgentConfig agent = new ConfigStore(dir).require().agent(name).orElseThrow();
        assertThat(agent.agentId()).isEqualTo(runtimes.get(0).agentRuntimeId());
        assertThat(account.agentCoreControl().getAgentRuntime(b -> b.agentRuntimeId(agent.agentId())).statusAsString())
                .isEqualTo("READY");
        for (String kind : List.of("ecr_repository", "execution_role", "codebuild_role", "codebuild_project")) {
            assertThat(agent.createdResource(kind)).as("created_resources." + kind).isNotNull();
        }
    }

    private CliHarness cli() {
        return CliHarness.in(dir).withEnv(account.env());
    }
}
