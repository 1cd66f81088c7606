package dev.agentcore.core.invoke;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a {@code text/event-stream} body into events as the bytes arrive: {@code data:} lines are joined with
 * newlines, a blank line ends an event, {@code event:}/{@code id:}/{@code retry:} and comment lines are ignored.
 * Each event is handed on the moment its terminating blank line is read, never after the stream ends.
 */
public final class EventStreamReader {

    private final InputStream in;

    public EventStreamReader(InputStream in) {
        // BufferedInputStream.fill reads once, whatever is available: it never waits for a full buffer
        this.in = new BufferedInputStream(in);
    }

    /** Reads to the end of the stream, handing each event's data to {@code onEvent}. */
    public void forEachEvent(Consumer<String> onEvent) throws IOException {
        List<String> data = new ArrayList<>();
        String line;
        while ((line = readLine()) != null) {
            if (line.isEmpty()) {
                dispatch(data, onEvent);
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                data.add(value.startsWith(" ") ? value.substring(1) : value);
            } else if (!line.startsWith(":") && !line.contains(":")) {
                // a bare line outside the SSE framing: servers that do not frame still get shown
                dispatch(data, onEvent);
                onEvent.accept(line);
            }
            // event:, id:, retry: and ":" comments carry nothing to show
        }
        dispatch(data, onEvent);
    }

    private static void dispatch(List<String> data, Consumer<String> onEvent) {
        if (!data.isEmpty()) {
            onEvent.accept(String.join("\n", data));
            data.clear();
        }
    }

    /**
     * One line without its terminator, decoded as UTF-8 only once complete (a character split across two reads
     * stays intact).
     */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        if (!any) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
