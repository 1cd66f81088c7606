package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.cloud.BuildService;
import dev.agentcore.core.launch.LaunchProgress;
import dev.agentcore.core.launch.Step;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * Shows a launch's progress on stderr: on a terminal, build phases and waits update one live status line; in a
 * pipe or CI log, plain lines, one per change. stdout stays free for the result.
 */
final class LaunchConsole implements LaunchProgress {

    private final PrintWriter err;
    private final boolean live;
    private int liveWidth;
    private String lastBuildPhase;
    private String lastWait;

    LaunchConsole(AppContext context) {
        this.err = context.err();
        this.live = context.interactive();
    }

    @Override
    public synchronized void step(Step step) {
        if (step.mutating()) {
            line("-> " + step.service() + " " + step.operation() + " " + step.resource());
        }
    }

    @Override
    public synchronized void note(String message) {
        line(message);
    }

    @Override
    public synchronized void warn(String message) {
        line("Warning: " + message);
    }

    @Override
    public synchronized void build(BuildService.Build build) {
        String phase = String.valueOf(build.currentPhase() == null ? build.status() : build.currentPhase());
        String text = "   build " + build.status() + ", phase " + phase + elapsed(build);
        if (live) {
            status(text);
        } else if (!phase.equals(lastBuildPhase)) {
            line(text);
        }
        lastBuildPhase = phase;
    }

    @Override
    public synchronized void buildLog(String logGroup, String logStream, List<String> lines) {
        line("Last lines of the build log (" + logGroup + " " + logStream + "):");
        if (lines.isEmpty()) {
            line("   (the log is empty or not readable)");
        }
        for (String l : lines) {
            line("   " + l);
        }
    }

    @Override
    public synchronized void waiting(String what, String status, Duration elapsed) {
        String text = "   " + what + ": " + status + " (" + elapsed.toSeconds() + " s)";
        if (live) {
            status(text);
        } else if (!status.equals(lastWait)) {
            line("   " + what + ": " + status);
        }
        lastWait = status;
    }

    private static String elapsed(BuildService.Build build) {
        if (build.startTime() == null) {
            return "";
        }
        java.time.Instant end = build.endTime() != null ? build.endTime() : java.time.Instant.now();
        return " (" + Duration.between(build.startTime(), end).toSeconds() + " s)";
    }

    /** Rewrites the live line in place (carriage return and padding: no terminal control codes). */
    private void status(String text) {
        err.print("\r" + text + " ".repeat(Math.max(0, liveWidth - text.length())));
        err.flush();
        liveWidth = text.length();
    }

    private void line(String text) {
        if (liveWidth > 0) {
            err.print("\r" + " ".repeat(liveWidth) + "\r");
            liveWidth = 0;
        }
        err.println(text);
        err.flush();
    }
}
