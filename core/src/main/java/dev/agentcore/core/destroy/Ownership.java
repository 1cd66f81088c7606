package dev.agentcore.core.destroy;

import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ProjectConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who a resource belongs to: the tool's tags on it, and which other agents in the project refer to it. destroy
 * deletes a role or repository only when this agent's {@code created_resources} records it, its tags say this tool
 * made it for this agent, and no other agent uses it.
 */
final class Ownership {

    static final String MANAGED_BY = "agentcore:managed-by";
    static final String AGENT = "agentcore:agent";
    static final String TOOL = "agentcore-java";

    private Ownership() {
    }

    /** Null when the tags say this tool made it for this agent; otherwise why they do not. */
    static String tagProblem(Map<String, String> tags, String agent) {
        if (tags == null || !TOOL.equals(tags.get(MANAGED_BY))) {
            return "it is not tagged " + MANAGED_BY + "=" + TOOL;
        }
        if (!agent.equals(tags.get(AGENT))) {
            return "it is tagged for agent '" + tags.get(AGENT) + "'";
        }
        return null;
    }

    /** The other agents of the project whose config names this role (by name or ARN). */
    static List<String> otherAgentsUsingRole(ProjectConfig project, String agent, String roleName) {
        List<String> users = new ArrayList<>();
        for (AgentConfig other : project.agents()) {
            if (other.name().equals(agent)) {
                continue;
            }
            for (String ref : new String[] {other.executionRole(), other.codeBuildRole(),
                    other.createdResource("execution_role"), other.createdResource("codebuild_role")}) {
                if (ref != null && roleName.equals(roleName(ref))) {
                    users.add(other.name());
                    break;
                }
            }
        }
        return users;
    }

    /** The other agents of the project whose config names this ECR repository (by name or URI). */
    static List<String> otherAgentsUsingRepository(ProjectConfig project, String agent, String repository) {
        List<String> users = new ArrayList<>();
        for (AgentConfig other : project.agents()) {
            if (other.name().equals(agent)) {
                continue;
            }
            if (repository.equals(repositoryName(other.ecrRepository()))
                    || repository.equals(other.createdResource("ecr_repository"))) {
                users.add(other.name());
            }
        }
        return users;
    }

    /** "arn:aws:iam::1:role/path/Name" or "Name" -> "Name". */
    static String roleName(String arnOrName) {
        return arnOrName == null ? null : arnOrName.substring(arnOrName.lastIndexOf('/') + 1);
    }

    /** "1.dkr.ecr.r.amazonaws.com/ns/repo[:tag]" or "repo" -> "ns/repo". */
    static String repositoryName(String uriOrName) {
        if (uriOrName == null || uriOrName.isBlank()) {
            return null;
        }
        String s = uriOrName;
        int slash = s.indexOf('/');
        if (slash > 0 && (s.substring(0, slash).contains(".") || s.substring(0, slash).contains(":"))) {
            s = s.substring(slash + 1); // drop the registry host
        }
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(0, at);
        }
        int colon = s.lastIndexOf(':');
        return colon > s.lastIndexOf('/') ? s.substring(0, colon) : s;
    }

    /** The tag of an image URI "host/repo:tag", or null. */
    static String imageTag(String imageUri) {
        if (imageUri == null) {
            return null;
        }
        int colon = imageUri.lastIndexOf(':');
        return colon > imageUri.lastIndexOf('/') ? imageUri.substring(colon + 1) : null;
    }
}
