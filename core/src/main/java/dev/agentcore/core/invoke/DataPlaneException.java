package dev.agentcore.core.invoke;

/**
 * An invocation that failed, described the same way whichever client made it: the HTTP status (0 when no answer
 * arrived), the service's error code ({@code ValidationException}, {@code RuntimeClientError}, ... or
 * {@code ConnectionFailed}) and its message. {@link InvokeErrors} turns it into a message for the user.
 */
public final class DataPlaneException extends RuntimeException {

    public static final String CONNECTION_FAILED = "ConnectionFailed";
    public static final String CLIENT_ERROR = "ClientError";

    private final int statusCode;
    private final String errorCode;

    public DataPlaneException(int statusCode, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    public int statusCode() { return statusCode; }

    public String errorCode() { return errorCode; }
}
