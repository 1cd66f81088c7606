package dev.agentcore.core.status;

import dev.agentcore.core.cloud.BuildService;
import dev.agentcore.core.cloud.RuntimeService;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code agentcore status} shows for one agent. {@code runtime}, {@code endpoint} and {@code lastBuild}
 * are null when the agent was never launched (nothing to look up).
 */
public record StatusReport(State state, String agent, String configFile, Map<String, Object> config,
                           Summary summary, Lookup<RuntimeService.AgentRuntime> runtime,
                           Lookup<RuntimeService.Endpoint> endpoint, Lookup<BuildService.Build> lastBuild,
                           String imageUri, String runtimeLogGroup, String buildLogGroup, List<String> logCommands,
                           List<String> nextSteps) {

    /** One word a script can branch on. */
    public enum State {
        /** No .bedrock_agentcore.yaml in the directory. */
        NOT_CONFIGURED,
        /** Configured, never launched (no runtime id recorded). */
        NOT_LAUNCHED,
        /** Runtime and DEFAULT endpoint READY. */
        READY,
        /** Runtime or endpoint being created or updated. */
        DEPLOYING,
        /** Runtime or endpoint in a *_FAILED state. */
        FAILED,
        /** A runtime id is recorded but the service does not know it (deleted outside the tool). */
        MISSING,
        /** A look-up failed (access denied, throttled...): see the section's error. */
        UNKNOWN
    }

    /** The config lines worth a glance. */
    public record Summary(String name, String region, String account, String entrypoint, String deploymentType,
                          String runtimeId, String runtimeArn, String executionRole, String ecrRepository,
                          String codeBuildProject) { }

    public static StatusReport notConfigured(String configFile) {
        return new StatusReport(State.NOT_CONFIGURED, null, configFile, null, null, null, null, null, null, null,
                null, List.of(), List.of("agentcore configure --entrypoint agent.py", "agentcore launch"));
    }
}
