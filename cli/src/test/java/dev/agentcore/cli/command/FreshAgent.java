package dev.agentcore.cli.command;

import dev.agentcore.cli.CliHarness;

import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;

/**
 * A minimal agent project, configured non-interactively, for tests that launch into the emulator. Its name is new
 * each time because the emulator is shared by the whole JVM: a fixed name would meet another test's resources.
 */
final class FreshAgent {

    private FreshAgent() {
    }

    /** Writes the agent into the harness's directory, configures it through the harness and returns its name. */
    static String configure(CliHarness cli, String namePrefix) throws IOException {
        String name = namePrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Files.writeString(cli.cwd().resolve("agent.py"), "from bedrock_agentcore import BedrockAgentCoreApp\n"
                + "app = BedrockAgentCoreApp()\n");
        Files.writeString(cli.cwd().resolve("requirements.txt"), "bedrock-agentcore\n");
        cli.runOk("configure", "-e", "agent.py", "-n", name, "--non-interactive");
        return name;
    }
}
