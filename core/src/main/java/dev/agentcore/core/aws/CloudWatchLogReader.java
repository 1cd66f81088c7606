package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.cloud.LogService;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

import java.util.List;

/** CloudWatch Logs: the tail of a build's or a runtime's log stream; an agent's log groups for destroy. */
final class CloudWatchLogReader implements LogService {

    private static final String SERVICE = "CloudWatchLogs";
    /** GetLogEvents returns at most 10,000 events per call. */
    private static final int MAX_LIMIT = 10_000;

    private final CloudWatchLogsClient logs;

    CloudWatchLogReader(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    @Override
    public List<String> lastLines(String logGroup, String logStream, int count) {
        if (count <= 0) {
            return List.of();
        }
        try {
            // startFromHead=false: the newest events, still in chronological order
            List<OutputLogEvent> events = AwsErrors.call(SERVICE, () -> logs.getLogEvents(b -> b
                    .logGroupName(logGroup).logStreamName(logStream).startFromHead(false)
                    .limit(Math.min(count, MAX_LIMIT)))).events();
            List<String> lines = events.stream().map(e -> stripNewline(e.message())).toList();
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public boolean logGroupExists(String logGroup) {
        // the name is a prefix filter: other groups may start with it, so match it exactly
        return AwsErrors.call(SERVICE, () -> logs.describeLogGroupsPaginator(b -> b.logGroupNamePrefix(logGroup))
                .logGroups().stream().anyMatch(g -> logGroup.equals(g.logGroupName())));
    }

    @Override
    public boolean deleteLogGroup(String logGroup) {
        try {
            AwsErrors.run(SERVICE, () -> logs.deleteLogGroup(b -> b.logGroupName(logGroup)));
            return true;
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    private static String stripNewline(String message) {
        if (message == null) {
            return "";
        }
        int end = message.length();
        while (end > 0 && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == '\r')) {
            end--;
        }
        return message.substring(0, end);
    }
}
