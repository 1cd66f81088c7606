package dev.agentcore.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RootCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpListsEveryCommandAndTheGlobalOptions() {
        var r = CliHarness.in(dir).runOk("--help");
        assertThat(r.out()).contains("configure", "launch", "invoke", "status", "destroy", "stop-session",
                "--region", "--profile", "--endpoint-url", "--output", "--debug", "--no-color");
    }

    @Test
    void versionPrintsOneLine() {
        var r = CliHarness.in(dir).runOk("--version");
        assertThat(r.out()).startsWith("agentcore ");
    }

    @Test
    void unknownFlagIsAUsageErrorWithExitTwoAndNoStackTrace() {
        var r = CliHarness.in(dir).run("status", "--bogus");
        r.expectExit(2);
        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("agentcore status --help")
                .doesNotContain("at dev.agentcore");
    }

    @Test
    void globalOptionsAreAcceptedAfterTheSubcommand() {
        var r = CliHarness.in(dir).run("status", "--region", "eu-west-1", "--output", "json", "--help");
        r.ok();
    }

    @Test
    void deployIsAnAliasOfLaunch() {
        var r = CliHarness.in(dir).runOk("deploy", "--help");
        assertThat(r.out()).contains("launch");
    }
}
