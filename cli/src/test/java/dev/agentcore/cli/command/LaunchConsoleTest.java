package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.cloud.BuildService;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchConsoleTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private LaunchConsole console(boolean interactive) {
        return new LaunchConsole(new AppContext(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]), Path.of("."), Map.of(), interactive));
    }

    private static BuildService.Build build(String status, String phase) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return new BuildService.Build("p:1", status, phase, List.of(), "/aws/codebuild/p", "1", start,
                start.plusSeconds(30));
    }

    @Test
    void onATerminalBuildPhasesRewriteOneLiveLine() {
        LaunchConsole c = console(true);
        c.build(build("IN_PROGRESS", "PROVISIONING"));
        c.build(build("IN_PROGRESS", "BUILD"));
        c.note("done");

        assertThat(err.toString()).startsWith("\r   build IN_PROGRESS, phase PROVISIONING (30 s)\r   build IN_PROGRESS, "
                + "phase BUILD (30 s)").endsWith("done" + System.lineSeparator());
        assertThat(err.toString().chars().filter(ch -> ch == '\n').count()).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void inAPipeEachPhaseIsOnePlainLine() {
        LaunchConsole c = console(false);
        c.build(build("IN_PROGRESS", "BUILD"));
        c.build(build("IN_PROGRESS", "BUILD"));
        c.build(build("SUCCEEDED", "COMPLETED"));

        assertThat(err.toString()).doesNotContain("\r");
        assertThat(err.toString().lines().toList()).containsExactly("   build IN_PROGRESS, phase BUILD (30 s)",
                "   build SUCCEEDED, phase COMPLETED (30 s)");
        assertThat(out.toString()).isEmpty();
    }
}
