package dev.agentcore.core.cloud;

import java.util.List;

/** CloudWatch Logs: the last lines of a build's or a runtime's log. */
public interface LogService {
    /** Up to {@code count} last messages of the stream; empty when the stream does not exist. */
    List<String> lastLines(String logGroup, String logStream, int count);
}
