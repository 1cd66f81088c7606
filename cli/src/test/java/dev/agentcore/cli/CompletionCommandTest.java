package dev.agentcore.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void bashScriptIsValidBashAndNamesEverySubcommand() throws Exception {
        var r = CliHarness.in(dir).runOk("completion", "bash");
        assertThat(r.out()).contains("configure", "launch", "invoke", "status", "destroy", "stop-session", "completion")
                .contains("--region", "--endpoint-url");
        assertThat(r.err()).isEmpty();
        Path script = Files.writeString(dir.resolve("agentcore.bash"), r.out());

        Bash check = bash("bash", "-n", script.toString());
        assertThat(check.exitCode()).as(check.errors()).isZero();
    }

    @Test
    void sourcedBashScriptCompletesSubcommandsAndOptions() throws Exception {
        Path script = Files.writeString(dir.resolve("agentcore.bash"),
                CliHarness.in(dir).runOk("completion", "bash").out());

        assertThat(complete(script, "agentcore", "la")).isEqualTo("launch");
        assertThat(complete(script, "agentcore", "status", "--reg")).isEqualTo("--region");
    }

    @Test
    void zshGetsTheScriptThatLoadsBashcompinit() {
        var zsh = CliHarness.in(dir).runOk("completion", "zsh");
        assertThat(zsh.out()).contains("bashcompinit").isEqualTo(CliHarness.in(dir).runOk("completion", "bash").out());
    }

    @Test
    void unknownShellIsAUsageError() {
        var r = CliHarness.in(dir).run("completion", "fish");
        r.expectExit(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("fish").contains("bash").contains("zsh");
    }

    @Test
    void missingShellIsAUsageError() {
        CliHarness.in(dir).run("completion").expectExit(2);
    }

    @Test
    void helpShowsExamples() {
        assertThat(CliHarness.in(dir).runOk("completion", "--help").out())
                .contains("Examples:", "source <(agentcore completion bash)");
    }

    /** Runs the completion function as bash would on TAB and returns the candidates, space separated. */
    private String complete(Path script, String... words) throws Exception {
        String array = String.join(" ", words);
        String cmd = "source '" + script + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + array + "'; COMP_POINT=${#COMP_LINE}; _complete_agentcore;"
                + " echo \"${COMPREPLY[*]}\"";
        Bash result = bash("bash", "-c", cmd);
        assertThat(result.exitCode()).as(result.errors()).isZero();
        return result.output().strip();
    }

    private record Bash(int exitCode, String output, String errors) {
    }

    /** stderr goes to a file: outside a real TAB press bash warns about compopt there, which is no failure. */
    private Bash bash(String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(dir, "bash", ".err");
        Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bash did not finish: " + output);
        }
        return new Bash(p.exitValue(), output, Files.readString(errors));
    }
}
