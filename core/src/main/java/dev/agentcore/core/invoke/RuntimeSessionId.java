package dev.agentcore.core.invoke;

import dev.agentcore.core.AgentCoreException;

import java.util.UUID;

/** A runtime session id: the API takes 33 to 256 characters; the runtime keeps one microVM per session. */
public final class RuntimeSessionId {

    public static final int MIN_LENGTH = 33;
    public static final int MAX_LENGTH = 256;

    private RuntimeSessionId() {
    }

    /** A fresh id: a UUID (36 characters), as the Python tool makes. */
    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /** Checks an id the user gave, so a wrong one fails here with a clear message and not as a service error. */
    public static String requireValid(String id) {
        if (id == null || id.length() < MIN_LENGTH || id.length() > MAX_LENGTH) {
            int length = id == null ? 0 : id.length();
            throw AgentCoreException.invalidInput("Session id must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters long (got " + length + ").",
                    "Omit --session-id to reuse the stored session or start a new one (a UUID).");
        }
        if (id.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw AgentCoreException.invalidInput("Session id must be printable ASCII without spaces.",
                    "Omit --session-id to reuse the stored session or start a new one.");
        }
        return id;
    }
}
