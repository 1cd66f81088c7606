package dev.agentcore.cli.command;

import dev.agentcore.cli.CliHarness;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.testing.FakeDataPlane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * For tests of the commands that call the data plane: per test, an agent the project's YAML records as deployed
 * (nothing behind it in any cloud) and a CLI whose data-plane calls go to a local {@link FakeDataPlane}. A base
 * class rather than a fixture field because the tests use {@code dir}, {@code fake} and {@code cli} on almost
 * every line; subclasses add their own {@code @BeforeEach}, which JUnit runs after this one.
 */
abstract class DeployedAgentOnFakeDataPlane {

    static final String ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-AbCdEf1234";

    @TempDir
    Path dir;
    FakeDataPlane fake;
    CliHarness cli;

    @BeforeEach
    void deployAgainstTheFake() {
        fake = FakeDataPlane.start();
        deployedAgent(dir, "my_agent", ARN);
        cli = CliHarness.in(dir).withEnv("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", fake.url());
    }

    @AfterEach
    void stopTheFake() {
        fake.close();
    }

    /** Records the agent as launch would, without a launch; a null ARN leaves it configured but not deployed. */
    static void deployedAgent(Path dir, String name, String arn) {
        new ConfigStore(dir).update(cfg -> {
            AgentConfig agent = AgentConfig.newContainerAgent(name, "agent.py", ".");
            agent.setRegion("us-west-2");
            agent.setAgentArn(arn);
            agent.setAgentId(arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1));
            cfg.putAgent(agent);
            return null;
        });
    }
}
