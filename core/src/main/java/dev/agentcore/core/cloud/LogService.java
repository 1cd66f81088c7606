package dev.agentcore.core.cloud;

import java.util.List;

/** CloudWatch Logs: the last lines of a build's or a runtime's log, and removing an agent's log groups. */
public interface LogService {
    /** Up to {@code count} last messages of the stream; empty when the stream does not exist. */
    List<String> lastLines(String logGroup, String logStream, int count);

    /** Whether a log group with exactly this name exists. */
    boolean logGroupExists(String logGroup);

    /** Deletes the log group and its streams; false when it was already gone. */
    boolean deleteLogGroup(String logGroup);
}
