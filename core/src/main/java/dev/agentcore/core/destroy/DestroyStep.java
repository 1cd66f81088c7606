package dev.agentcore.core.destroy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a destroy plan: which call on which resource, what the read-only look-up found, and whether the run
 * will make the call. Built from look-ups only; executing it is {@link DestroyService#execute}'s job.
 *
 * @param kind      what the step removes; decides the call and what it depends on
 * @param service   e.g. "AgentCore", "ECR", "IAM"
 * @param operation the mutating API call the run would make, e.g. "DeleteAgentRuntime"
 * @param resource  the name, id or key it would be made on
 * @param found     what the look-up said
 * @param action    what the run does
 * @param note      why it is kept, what else goes with it, or the look-up error; may be null
 */
public record DestroyStep(Kind kind, String service, String operation, String resource, Found found, Action action,
                          String note) {

    public enum Kind {
        ENDPOINT, RUNTIME, IMAGES, REPOSITORY, BUILD_PROJECT, SOURCE_OBJECT, CODEBUILD_ROLE, EXECUTION_ROLE,
        LOG_GROUP, CONFIG_ENTRY
    }

    public enum Found { EXISTS, GONE, UNKNOWN }

    public enum Action {
        /** The run makes the call. */
        DELETE,
        /** Nothing to do: already gone, or removed together with another step's resource. */
        NONE,
        /** Deliberately left in place (not made by this tool, shared, or not asked for); the note says why. */
        KEEP
    }

    public boolean deletes() {
        return action == Action.DELETE;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name().toLowerCase());
        m.put("service", service);
        m.put("operation", operation);
        m.put("resource", resource);
        m.put("found", found.name().toLowerCase());
        m.put("action", action.name().toLowerCase());
        m.put("note", note);
        return m;
    }
}
