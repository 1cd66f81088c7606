package dev.agentcore.core.destroy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a destroy run did, step by step; {@link #succeeded()} decides the exit code. */
public record DestroyResult(String agent, List<Outcome> outcomes) {

    public enum Status {
        DELETED, ALREADY_GONE, KEPT, FAILED,
        /** Not attempted because a step it depends on failed (e.g. a role still used by a runtime not deleted). */
        SKIPPED
    }

    public record Outcome(DestroyStep step, Status status, String message) {
        public Map<String, Object> toJson(int number) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", number);
            m.putAll(step.toJson());
            m.put("outcome", status.name().toLowerCase());
            m.put("message", message);
            return m;
        }
    }

    public DestroyResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean succeeded() {
        return outcomes.stream().noneMatch(o -> o.status() == Status.FAILED || o.status() == Status.SKIPPED);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent", agent);
        m.put("dry_run", false);
        m.put("succeeded", succeeded());
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            list.add(outcomes.get(i).toJson(i + 1));
        }
        m.put("steps", list);
        return m;
    }
}
