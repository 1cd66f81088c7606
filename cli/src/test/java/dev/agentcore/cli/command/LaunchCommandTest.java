package dev.agentcore.cli.command;

import dev.agentcore.cli.CliHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** launch's input errors: exit 2 with a message and a hint, before any AWS call. */
class LaunchCommandTest {

    @TempDir
    Path dir;

    @Test
    void aBadEnvFlagIsInvalidInputWithThePythonToolsMessage() {
        CliHarness.Result r = CliHarness.in(dir).run("launch", "--env", "NOEQUALS").expectExit(2);
        assertThat(r.err()).contains("Invalid environment variable format: NOEQUALS. Use KEY=VALUE format.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void withoutAConfigItNamesConfigure() {
        CliHarness.Result r = CliHarness.in(dir).run("launch").expectExit(2);
        assertThat(r.err()).contains(".bedrock_agentcore.yaml not found").contains("agentcore configure");
    }
}
