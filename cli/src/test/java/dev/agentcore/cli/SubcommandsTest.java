package dev.agentcore.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lazily built command tree must look to users exactly like the whole one. */
class SubcommandsTest {

    @TempDir
    Path dir;

    @Test
    void rootHelpIsTheSameAsWithEveryCommandBuiltInFull() {
        String lazy = CliHarness.in(dir).runOk("--help").out();

        StringWriter full = new StringWriter();
        CommandLineFactory.create(context()).usage(new PrintWriter(full, true));

        assertThat(lazy).isEqualTo(full.toString()).contains("launch, deploy");
    }

    @Test
    void helpBuildsNoSubcommandInFull() {
        CommandLine root = CommandLineFactory.createFor(context(), "--help");

        assertThat(root.getSubcommands()).containsKeys("configure", "launch", "deploy", "status", "help");
        assertThat(root.getSubcommands().get("status").getCommandSpec().findOption("--agent"))
                .as("status is only a summary").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"configure", "create", "launch", "deploy", "invoke", "status", "stop-session", "destroy"})
    void aNamedCommandIsBuiltInFullAndItsHelpIsComplete(String name) {
        CommandLine root = CommandLineFactory.createFor(context(), name, "--help");
        assertThat(root.getSubcommands().get(name).getCommandSpec().findOption("--help")).isNotNull();

        StringWriter full = new StringWriter();
        CommandLineFactory.create(context()).getSubcommands().get(name).usage(new PrintWriter(full, true));
        assertThat(CliHarness.in(dir).runOk(name, "--help").out()).isEqualTo(full.toString());
    }

    @Test
    void helpCommandShowsTheNamedCommandInFull() {
        var r = CliHarness.in(dir).runOk("help", "destroy");
        assertThat(r.out()).contains("--dry-run", "--force");
    }

    @Test
    void aCommandNamedOnlyInsideAnAtFileStillRuns() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("args.txt"), "configure\nlist\n");
        var r = CliHarness.in(dir).runOk("@" + dir.resolve("args.txt"));
        assertThat(r.err()).contains("No agents configured");
    }

    @Test
    void aMistypedCommandStillGetsASuggestion() {
        var r = CliHarness.in(dir).run("statsu");
        r.expectExit(2);
        assertThat(r.err()).contains("statsu").contains("status");
    }

    @Test
    void completionSeesEveryCommandsOptions() {
        var r = CliHarness.in(dir).runOk("completion", "bash");
        assertThat(r.out()).contains("--dry-run", "--delete-ecr-repo", "--local-build", "--session-id");
    }

    private AppContext context() {
        return new AppContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), dir, Map.of(), false);
    }
}
