package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns SDK exceptions into {@link CloudException}: the service's error code and HTTP status decide the kind, the
 * service's own message is kept, and credential problems get a message saying what to do.
 */
final class AwsErrors {

    private static final Set<String> NOT_FOUND = Set.of("NoSuchEntity", "NoSuchEntityException",
            "RepositoryNotFoundException", "ImageNotFoundException", "ResourceNotFoundException", "NoSuchKey",
            "NoSuchBucket", "NotFound", "NotFoundException");
    private static final Set<String> ALREADY_EXISTS = Set.of("EntityAlreadyExists", "EntityAlreadyExistsException",
            "RepositoryAlreadyExistsException", "ResourceAlreadyExistsException", "BucketAlreadyOwnedByYou");
    private static final Set<String> CONFLICT = Set.of("ConflictException", "BucketAlreadyExists",
            "RepositoryNotEmptyException", "DeleteConflict", "DeleteConflictException", "ConcurrentModification",
            "ConcurrentModificationException", "OperationAbortedException");
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedException", "AllAccessDisabled", "Forbidden");
    private static final Set<String> THROTTLED = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "RequestThrottled",
            "RequestThrottledException", "ProvisionedThroughputExceededException", "LimitExceededException");
    private static final Set<String> VALIDATION = Set.of("ValidationException", "ValidationError",
            "InvalidInputException", "InvalidInput", "InvalidParameterException", "InvalidParameterValue",
            "InvalidParameterValueException", "InvalidParameterCombination", "MalformedPolicyDocument",
            "MalformedPolicyDocumentException", "InvalidRequest", "InvalidBucketName", "InvalidArgument",
            "InvalidTagParameterException", "InvalidLayerException", "MissingParameter");
    private static final Set<String> CREDENTIALS = Set.of("ExpiredToken", "ExpiredTokenException",
            "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "InvalidAccessKeyId",
            "InvalidToken", "AuthFailure", "InvalidSignatureException", "IncompleteSignature", "MissingAuthenticationToken",
            "RequestExpired", "TokenRefreshRequired");

    private AwsErrors() {
    }

    static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(service, e);
        }
    }

    static void run(String service, Runnable call) {
        try {
            call.run();
        } catch (SdkException e) {
            throw translate(service, e);
        }
    }

    static CloudException translate(String service, SdkException e) {
        if (e instanceof AwsServiceException ase) {
            AwsErrorDetails details = ase.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            int status = ase.statusCode();
            String message = details == null ? null : details.errorMessage();
            Kind kind = kind(code, status);
            if (message == null || message.isBlank()) {
                message = service + " answered " + (code == null ? "" : code + " ") + "(HTTP " + status + ")";
            }
            if (kind == Kind.CREDENTIALS) {
                message = "AWS rejected the credentials (" + (code == null ? "HTTP " + status : code) + "): "
                        + message + ". Refresh them (aws sso login, aws configure, or new AWS_ACCESS_KEY_ID/"
                        + "AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN) and try again.";
            }
            return new CloudException(kind, service, code == null ? "HTTP" + status : code, status, message, e);
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof SdkClientException && isCredentialsProblem(text)) {
            return new CloudException(Kind.CREDENTIALS, service, "NoCredentials", 0,
                    "No usable AWS credentials were found. Configure them with 'aws configure' or 'aws sso login', "
                            + "set AWS_PROFILE or pass --profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. ("
                            + firstLine(text) + ")", e);
        }
        return new CloudException(Kind.OTHER, service, "ClientError", 0,
                "Could not complete the " + service + " call: " + firstLine(text), e);
    }

    static Kind kind(String code, int status) {
        if (code != null) {
            if (NOT_FOUND.contains(code)) return Kind.NOT_FOUND;
            if (ALREADY_EXISTS.contains(code)) return Kind.ALREADY_EXISTS;
            if (CONFLICT.contains(code)) return Kind.CONFLICT;
            if (ACCESS_DENIED.contains(code)) return Kind.ACCESS_DENIED;
            if (THROTTLED.contains(code)) return Kind.THROTTLED;
            if (VALIDATION.contains(code)) return Kind.VALIDATION;
            if (CREDENTIALS.contains(code)) return Kind.CREDENTIALS;
        }
        return switch (status) {
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 403 -> Kind.ACCESS_DENIED;
            case 429 -> Kind.THROTTLED;
            case 401 -> Kind.CREDENTIALS;
            default -> Kind.OTHER;
        };
    }

    private static boolean isCredentialsProblem(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return t.contains("unable to load credentials") || t.contains("contained no credentials")
                || t.contains("sso") && t.contains("token") || t.contains("token") && t.contains("expired");
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
