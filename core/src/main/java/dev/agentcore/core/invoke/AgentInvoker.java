package dev.agentcore.core.invoke;

/** Sends one payload to an agent (deployed through the SDK or a bearer token, or local) and hands back its answer. */
public interface AgentInvoker {

    /** Fails with {@link DataPlaneException} when the service or agent answers with an error. */
    AgentResponse invoke(InvocationRequest request);
}
