package dev.agentcore.core.destroy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered steps that remove an agent (dependants first: endpoint, runtime, images, repository, build project,
 * source object, roles, then the config entry). {@code imageTag} is the one image to delete from a repository the
 * tool did not create (null: every image of a repository it did create).
 */
public record DestroyPlan(String agent, String region, String account, boolean deleteEcrRepo, List<DestroyStep> steps,
                          String imageTag) {

    public DestroyPlan {
        steps = List.copyOf(steps);
    }

    /** True when the run would make at least one call or change the config. */
    public boolean hasWork() {
        return steps.stream().anyMatch(DestroyStep::deletes);
    }

    public DestroyStep step(DestroyStep.Kind kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst().orElse(null);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent", agent);
        m.put("region", region);
        m.put("account", account);
        m.put("dry_run", true);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("number", i + 1);
            s.putAll(steps.get(i).toJson());
            list.add(s);
        }
        m.put("steps", list);
        return m;
    }
}
