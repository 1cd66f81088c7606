package dev.agentcore.core.launch;

/**
 * Where a launch ended: the runtime, its image and status, whether an image was built, and where the logs are.
 * {@code endpointStatus} is null when the DEFAULT endpoint was not found.
 */
public record LaunchResult(String agent, String region, String agentId, String agentArn, String imageUri,
                           String runtimeStatus, String endpointStatus, boolean built, String buildId) {

    public String logGroup() {
        return ResourceNames.runtimeLogGroup(agentId);
    }

    /** Ready to paste. */
    public String tailCommand() {
        return "aws logs tail " + logGroup() + " --follow --region " + region;
    }

    public String invokeCommand() {
        return "agentcore invoke '{\"prompt\": \"Hello\"}' --agent " + agent;
    }
}
