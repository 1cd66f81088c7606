package dev.agentcore.core.invoke;

import java.io.IOException;
import java.io.InputStream;

/**
 * An agent's answer whose body is still arriving: read {@link #body()} as it comes, then close. The content type
 * decides how it is rendered ({@code text/event-stream} streams).
 */
public record AgentResponse(int statusCode, String contentType, String sessionId, InputStream body)
        implements AutoCloseable {

    public boolean isEventStream() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("text/event-stream");
    }

    /** Quietly: once the answer is shown, a failure to release the connection is nothing the user can act on. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException | RuntimeException ignored) {
            // see above
        }
    }
}
