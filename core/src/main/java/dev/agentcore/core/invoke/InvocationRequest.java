package dev.agentcore.core.invoke;

/** One call to an agent. {@code userId} may be null; {@code agentArn} is null for a local agent. */
public record InvocationRequest(String agentArn, String qualifier, String sessionId, String userId,
                                CustomHeaders headers, InvokePayload payload) {

    /** What the Python tool asks for: a stream when the agent streams, JSON otherwise. */
    public static final String ACCEPT = "text/event-stream, application/json";
    public static final String SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";
    public static final String USER_ID_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-User-Id";
    public static final String DEFAULT_QUALIFIER = "DEFAULT";
}
