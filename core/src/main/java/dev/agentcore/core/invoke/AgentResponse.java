package dev.agentcore.core.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An agent's answer whose body is still arriving: read {@link #body()} as it comes, then close. The content type
 * decides how it is rendered ({@code text/event-stream} streams).
 */
public record AgentResponse(int statusCode, String contentType, String sessionId, InputStream body)
        implements AutoCloseable {

    public boolean isEventStream() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("text/event-stream");
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
