package dev.agentcore.core.launch;

import dev.agentcore.core.cloud.BuildService;

import java.time.Duration;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;

/** Keeps every message a launch reports, for assertions. */
final class RecordingProgress implements LaunchProgress {

    final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    final List<Step> steps = Collections.synchronizedList(new ArrayList<>());
    final List<String> buildLog = Collections.synchronizedList(new ArrayList<>());
    final List<String> buildStatuses = Collections.synchronizedList(new ArrayList<>());

    @Override public void step(Step step) { steps.add(step); }
    @Override public void note(String message) { notes.add(message); }
    @Override public void warn(String message) { warnings.add(message); }
    @Override public void build(BuildService.Build build) { buildStatuses.add(build.status()); }
    @Override public void buildLog(String group, String stream, List<String> lines) {
        buildLog.add(group + "/" + stream);
        buildLog.addAll(lines);
    }
    @Override public void waiting(String what, String status, Duration elapsed) { }

    String all() {
        return String.join("\n", notes) + "\n" + String.join("\n", warnings);
    }
}
