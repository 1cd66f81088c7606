package dev.agentcore.core.invoke;

/** The AgentCore data plane (SDK module {@code bedrockagentcore}): invoke and stop sessions of deployed agents. */
public interface DataPlane extends AgentInvoker {

    /** StopRuntimeSession; returns the status code the service reported. */
    int stopSession(String agentArn, String qualifier, String sessionId);
}
