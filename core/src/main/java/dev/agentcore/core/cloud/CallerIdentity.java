package dev.agentcore.core.cloud;

/** Who the credentials belong to (STS GetCallerIdentity). */
public record CallerIdentity(String account, String arn, String userId) {

    /** "aws", "aws-cn", "aws-us-gov", read from the caller ARN. */
    public String partition() {
        if (arn == null) {
            return "aws";
        }
        String[] parts = arn.split(":");
        return parts.length > 1 ? parts[1] : "aws";
    }
}
