package dev.agentcore.core.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes an agent's answer to stdout. A {@code text/event-stream} answer is written event by event, flushed after
 * each, so the user sees the agent think; JSON strings in events are text chunks and are written as they are (no
 * quotes, no newline, as the Python tool does), other JSON values one per line. Any other answer is read whole and
 * written as JSON (pretty on a terminal) or as its text.
 */
public final class ResponseRenderer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Writer out;
    private final OutputMode mode;
    private boolean wroteAnything;
    private boolean endsWithNewline = true;

    public ResponseRenderer(Writer out, OutputMode mode) {
        this.out = out;
        this.mode = mode;
    }

    /** Renders the whole answer; returns false when it was empty. I/O failures while reading are thrown. */
    public boolean render(AgentResponse response) throws IOException {
        if (response.isEventStream()) {
            new EventStreamReader(response.body()).forEachEvent(this::event);
            if (mode != OutputMode.JSON && wroteAnything && !endsWithNewline) {
                write("\n");
            }
        } else {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            if (!body.isBlank()) {
                whole(body);
            }
        }
        out.flush();
        return wroteAnything;
    }

    private void event(String data) {
        JsonNode node = parse(data);
        if (mode == OutputMode.JSON) {
            write((node == null ? TextNode.valueOf(data) : node).toString() + "\n");
        } else if (node != null && node.isTextual()) {
            write(node.asText());
        } else if (node != null) {
            write(startLine() + json(node) + "\n");
        } else {
            write(startLine() + data + "\n");
        }
        flush();
    }

    private void whole(String body) {
        JsonNode node = parse(body.trim());
        if (mode == OutputMode.JSON) {
            write((node == null ? TextNode.valueOf(body) : node).toString() + "\n");
        } else if (node != null && node.isTextual()) {
            write(node.asText() + "\n");
        } else if (node != null) {
            write(json(node) + "\n");
        } else {
            write(body.endsWith("\n") ? body : body + "\n");
        }
    }

    /** Structured events after streamed text start on their own line. */
    private String startLine() {
        return endsWithNewline ? "" : "\n";
    }

    private String json(JsonNode node) {
        if (mode != OutputMode.TERMINAL) {
            return node.toString();
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void write(String s) {
        if (s.isEmpty()) {
            return;
        }
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wroteAnything = true;
        endsWithNewline = s.endsWith("\n");
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
