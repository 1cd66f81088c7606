package dev.agentcore.core.invoke;

/** How an answer is written to stdout. */
public enum OutputMode {
    /** A person at a terminal: JSON pretty-printed, streamed text as it comes. */
    TERMINAL,
    /** Piped text: JSON on one line, streamed text as it comes. */
    PLAIN,
    /** --output json: only JSON; a JSON answer as it is, a stream as one JSON value per event and line. */
    JSON;

    public static OutputMode of(boolean json, boolean terminal) {
        return json ? JSON : terminal ? TERMINAL : PLAIN;
    }
}
