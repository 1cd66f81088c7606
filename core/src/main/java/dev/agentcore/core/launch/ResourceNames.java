package dev.agentcore.core.launch;

import dev.agentcore.core.naming.AgentName;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of everything launch creates for one agent in one account and region (the shared contract, so
 * status and destroy find the same resources).
 */
public record ResourceNames(String agent, String account, String region, String partition) {

    public static final String MANAGED_BY_TAG = "agentcore:managed-by";
    public static final String MANAGED_BY = "agentcore-java";
    public static final String AGENT_TAG = "agentcore:agent";

    public String repository() {
        return "bedrock-agentcore-" + AgentName.ecrRepositoryName(agent);
    }

    public String repositoryArn(String repositoryName) {
        return "arn:" + partition + ":ecr:" + region + ":" + account + ":repository/" + repositoryName;
    }

    public String project() {
        return repository() + "-builder";
    }

    public String runtimeRole() {
        return "AmazonBedrockAgentCoreSDKRuntime-" + region + "-" + agentHash();
    }

    public String codeBuildRole() {
        return "AmazonBedrockAgentCoreSDKCodeBuild-" + region + "-" + agentHash();
    }

    public String roleArn(String roleName) {
        return "arn:" + partition + ":iam::" + account + ":role/" + roleName;
    }

    public String runtimePolicy() {
        return "BedrockAgentCoreRuntimeExecutionPolicy-" + agent;
    }

    public String codeBuildPolicy() {
        return "CodeBuildExecutionPolicy";
    }

    public String bucket() {
        return "bedrock-agentcore-codebuild-sources-" + account + "-" + region;
    }

    public String sourceKey() {
        return agent + "/source.zip";
    }

    public String buildLogGroup() {
        return "/aws/codebuild/" + project();
    }

    public static String runtimeLogGroup(String runtimeId) {
        return "/aws/bedrock-agentcore/runtimes/" + runtimeId + "-DEFAULT";
    }

    /** The tags on everything the tool creates, so an operator (and destroy) can tell what is ours. */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(MANAGED_BY_TAG, MANAGED_BY);
        tags.put(AGENT_TAG, agent);
        return tags;
    }

    /** True when the tags say this tool made the resource for this agent. */
    public boolean ours(Map<String, String> tags) {
        return tags != null && MANAGED_BY.equals(tags.get(MANAGED_BY_TAG)) && agent.equals(tags.get(AGENT_TAG));
    }

    private String agentHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(agent.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
