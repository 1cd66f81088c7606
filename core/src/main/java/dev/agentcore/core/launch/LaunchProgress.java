package dev.agentcore.core.launch;

import dev.agentcore.core.cloud.BuildService;

import java.time.Duration;
import java.util.List;

/**
 * What a launch reports while it runs (the CLI shows it on stderr: a live line on a terminal, plain lines
 * otherwise). Calls may come from several threads while independent resources are ensured concurrently.
 */
public interface LaunchProgress {

    /** A step of the plan starts. */
    void step(Step step);

    /** Something worth knowing: a resource reused, a build skipped. */
    void note(String message);

    void warn(String message);

    /** The build as seen by the latest poll. */
    void build(BuildService.Build build);

    /** The last lines of a failed build's log. */
    void buildLog(String logGroup, String logStream, List<String> lines);

    /** A wait goes on: what, its last status and how long so far. */
    void waiting(String what, String status, Duration elapsed);

    static LaunchProgress silent() {
        return new LaunchProgress() {
            @Override public void step(Step step) { }
            @Override public void note(String message) { }
            @Override public void warn(String message) { }
            @Override public void build(BuildService.Build build) { }
            @Override public void buildLog(String logGroup, String logStream, List<String> lines) { }
            @Override public void waiting(String what, String status, Duration elapsed) { }
        };
    }
}
