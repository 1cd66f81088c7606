package dev.agentcore.core.cloud;

/**
 * A service call that failed, translated from the SDK's exception by the AWS implementations so orchestration can
 * branch on what happened without depending on the SDK.
 */
public class CloudException extends RuntimeException {

    public enum Kind { NOT_FOUND, ALREADY_EXISTS, CONFLICT, ACCESS_DENIED, THROTTLED, VALIDATION, CREDENTIALS, OTHER }

    private final Kind kind;
    private final String service;
    private final String errorCode;
    private final int statusCode;

    public CloudException(Kind kind, String service, String errorCode, int statusCode, String message,
                          Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.service = service;
        this.errorCode = errorCode;
        this.statusCode = statusCode;
    }

    public static CloudException of(Kind kind, String service, String message) {
        return new CloudException(kind, service, kind.name(), 0, message, null);
    }

    public Kind kind() { return kind; }

    /** e.g. "ECR", "IAM", "AgentCore". */
    public String service() { return service; }

    /** The service's error code, e.g. RepositoryNotFoundException. */
    public String errorCode() { return errorCode; }

    public int statusCode() { return statusCode; }

    public boolean is(Kind k) { return kind == k; }
}
