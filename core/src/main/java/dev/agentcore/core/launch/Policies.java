package dev.agentcore.core.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcore.core.templates.Templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The trust and permission policies of the roles launch creates, rendered from {@code templates/iam/}: each role
 * can be assumed only by its service for this account (and region), and may touch only this agent's resources.
 */
final class Policies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values = new HashMap<>();

    Policies(ResourceNames names, String repositoryArn) {
        values.put("partition", names.partition());
        values.put("account", names.account());
        values.put("region", names.region());
        values.put("agent", names.agent());
        values.put("project", names.project());
        values.put("bucket", names.bucket());
        values.put("repositoryArn", repositoryArn);
    }

    String runtimeTrust() {
        return Templates.render("iam/runtime-trust-policy.json", values);
    }

    /** The runtime's permissions; A2A agents may call other runtimes, agents with memory may use theirs. */
    String runtimePermissions(String protocol, String memoryId) {
        String base = Templates.render("iam/runtime-permissions.json", values);
        boolean a2a = "A2A".equalsIgnoreCase(protocol);
        if (!a2a && memoryId == null) {
            return base;
        }
        try {
            ObjectNode doc = (ObjectNode) JSON.readTree(base);
            ArrayNode statements = (ArrayNode) doc.get("Statement");
            if (a2a) {
                statements.add(JSON.readTree(Templates.render("iam/runtime-a2a-statement.json", values)));
            }
            if (memoryId != null) {
                Map<String, String> withMemory = new HashMap<>(values);
                withMemory.put("memoryId", memoryId);
                statements.add(JSON.readTree(Templates.render("iam/runtime-memory-statement.json", withMemory)));
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("templates/iam policies must be valid JSON", e);
        }
    }

    String codeBuildTrust() {
        return Templates.render("iam/codebuild-trust-policy.json", values);
    }

    String codeBuildPermissions() {
        return Templates.render("iam/codebuild-permissions.json", values);
    }
}
