package dev.agentcore.core.invoke;

import dev.agentcore.core.AgentCoreException;

import java.util.Locale;

/**
 * Turns a failed invocation into one line and a hint. Errors raised by the model behind the agent get the fix
 * people search for (the inference-profile prefix, or requesting model access); an agent that failed gets its log
 * group and a ready-to-paste tail command.
 */
public final class InvokeErrors {

    /** What was being called: for the log group and the wording. {@code agentId}/{@code region} may be null. */
    public record Target(String agentName, String agentId, String qualifier, String region, Kind kind,
                         String localUrl) {

        public enum Kind { SIGV4, BEARER, LOCAL }

        public String logGroup() {
            return agentId == null ? null : "/aws/bedrock-agentcore/runtimes/" + agentId + "-" + qualifier;
        }

        public String tailCommand() {
            String group = logGroup();
            if (group == null) {
                return null;
            }
            return "aws logs tail " + group + " --since 1h" + (region == null ? "" : " --region " + region);
        }
    }

    private InvokeErrors() {
    }

    public static AgentCoreException explain(DataPlaneException e, Target target) {
        String code = e.errorCode() == null ? "" : e.errorCode();
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        int status = e.statusCode();
        String hint = modelHint(code, message);
        if (target.kind() == Target.Kind.LOCAL) {
            return local(e, target, message, hint);
        }
        String what = describe(code, status, message);
        if (hint != null) {
            return AgentCoreException.failure(what, hint, e);
        }
        return AgentCoreException.failure(what, serviceHint(code, status, target), e);
    }

    private static AgentCoreException local(DataPlaneException e, Target target, String message, String modelHint) {
        if (DataPlaneException.CONNECTION_FAILED.equals(e.errorCode())) {
            return AgentCoreException.failure("Nothing is listening at " + target.localUrl() + ".",
                    "Start it with agentcore launch --local (or run your agent with python agent.py), "
                            + "or pass --port if it listens elsewhere.", e);
        }
        String what = "The local agent answered HTTP " + e.statusCode() + ": " + oneLine(message);
        return AgentCoreException.failure(what, modelHint != null ? modelHint
                : "See the agent's output where agentcore launch --local runs.", e);
    }

    private static String describe(String code, int status, String message) {
        String detail = oneLine(message);
        return switch (code) {
            case "ValidationException", "InvalidInputException" -> "Invalid request: " + detail;
            case "ResourceNotFoundException" -> "Not found: " + detail;
            case "AccessDeniedException" -> "Access denied: " + detail;
            case "UnauthorizedException" -> "Not authorized: " + detail;
            case "ThrottlingException", "ThrottledException" -> "Throttled by AgentCore: " + detail;
            case "ServiceQuotaExceededException" -> "Service quota exceeded: " + detail;
            case "ConflictException" -> "Conflict: " + detail;
            case "RuntimeClientError" -> "The agent failed (HTTP " + status + "): " + detail;
            case "InternalServerException", "ServiceException" ->
                    "AgentCore service error (HTTP " + status + "): " + detail;
            case DataPlaneException.CONNECTION_FAILED, DataPlaneException.CLIENT_ERROR ->
                    "Cannot call AgentCore: " + detail;
            default -> (status == 401 || status == 403 ? "Not authorized (HTTP " + status + "): "
                    : status > 0 ? code + " (HTTP " + status + "): " : code + ": ") + detail;
        };
    }

    private static String serviceHint(String code, int status, Target target) {
        String logs = target.logGroup() == null ? "" : " Agent logs: " + target.logGroup() + " (" + target.tailCommand()
                + ").";
        boolean bearer = target.kind() == Target.Kind.BEARER;
        if (bearer && (status == 401 || status == 403 || code.equals("UnauthorizedException")
                || code.equals("AccessDeniedException"))) {
            return "Your bearer token may be expired or invalid, or not accepted by the agent's authorizer; "
                    + "get a new token and pass it with BEDROCK_AGENTCORE_BEARER_TOKEN.";
        }
        return switch (code) {
            case "ValidationException", "InvalidInputException" ->
                    "Check the payload, session id (33-256 characters) and --headers." + logs;
            case "ResourceNotFoundException" ->
                    "The runtime or endpoint may have been deleted; check with agentcore status and redeploy with "
                            + "agentcore launch.";
            case "AccessDeniedException", "UnauthorizedException" ->
                    "Your AWS credentials may be expired or lack bedrock-agentcore:InvokeAgentRuntime; log in again "
                            + "(e.g. aws sso login) and retry.";
            case "ThrottlingException", "ThrottledException", "ServiceQuotaExceededException" ->
                    "Wait a moment and retry; if it persists, ask for a higher quota in the Service Quotas console.";
            case "ConflictException" -> "Another request is using this session; retry when it ends, or use a new "
                    + "--session-id.";
            case "RuntimeClientError" -> "The agent's code raised an error or returned an error status." + logs;
            case "InternalServerException", "ServiceException" -> "Retry in a moment." + logs;
            case DataPlaneException.CONNECTION_FAILED, DataPlaneException.CLIENT_ERROR ->
                    "Check your network and AWS credentials (aws sso login, or AWS_ACCESS_KEY_ID/"
                            + "AWS_SECRET_ACCESS_KEY), then retry; --debug shows details.";
            default -> status >= 500 || status == 424 ? "The agent or the service failed." + logs
                    : "Rerun with --debug for details.";
        };
    }

    /**
     * The two model errors every first agent hits: a model id that needs an inference profile, and a model the
     * account has no access to yet. They arrive wrapped in whatever the agent or runtime reports, so the message
     * decides, not only the code.
     */
    static String modelHint(String code, String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (!m.contains("model")) {
            return null;
        }
        boolean validation = code.equals("ValidationException") || m.contains("validationexception");
        if (validation && (m.contains("inference profile") || m.contains("on-demand throughput")
                || m.contains("model id") || m.contains("model identifier") || m.contains("invalid model"))) {
            return "The model id needs a cross-region inference profile prefix (e.g. us. or eu.): use "
                    + "us.anthropic.claude-haiku-4-5-20251001-v1:0 rather than anthropic.claude-haiku-4-5-20251001-v1:0.";
        }
        boolean access = code.equals("ResourceNotFoundException") || code.equals("AccessDeniedException")
                || m.contains("resourcenotfoundexception") || m.contains("accessdeniedexception")
                || m.contains("don't have access") || m.contains("do not have access");
        if (access) {
            return "Request access to the model in the Amazon Bedrock console (Model access), then retry; access "
                    + "can take about 15 minutes to be granted.";
        }
        return null;
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s*\\R\\s*", " ").strip();
        return flat.length() > 500 ? flat.substring(0, 500) + "..." : flat;
    }
}
