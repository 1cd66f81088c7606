package dev.agentcore.core;

/**
 * The one error type of the tool: a message written for the user (what is wrong), an optional hint (how to fix it)
 * and the process exit code a script can branch on.
 */
public class AgentCoreException extends RuntimeException {

    /** Documented exit codes: 0 ok, 1 failure, 2 invalid input or usage. */
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_INVALID_INPUT = 2;

    private final int exitCode;
    private final String hint;

    public AgentCoreException(int exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    /** Bad flags, names, files or JSON given by the user: exit 2. */
    public static AgentCoreException invalidInput(String message, String hint) {
        return new AgentCoreException(EXIT_INVALID_INPUT, message, hint, null);
    }

    public static AgentCoreException invalidInput(String message) {
        return invalidInput(message, null);
    }

    /** Something went wrong while doing the work (a service refused, a build failed): exit 1. */
    public static AgentCoreException failure(String message, String hint) {
        return new AgentCoreException(EXIT_FAILURE, message, hint, null);
    }

    public static AgentCoreException failure(String message, String hint, Throwable cause) {
        return new AgentCoreException(EXIT_FAILURE, message, hint, cause);
    }

    public static AgentCoreException failure(String message) {
        return failure(message, null);
    }

    public int exitCode() {
        return exitCode;
    }

    /** How to fix it, or null. */
    public String hint() {
        return hint;
    }
}
