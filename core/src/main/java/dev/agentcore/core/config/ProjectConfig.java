package dev.agentcore.core.config;

import dev.agentcore.core.AgentCoreException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole {@code .bedrock_agentcore.yaml}: {@code default_agent} and {@code agents}. It is a view over the parsed
 * YAML tree, so keys this tool does not know (written by the Python tool or a newer version) survive a round trip.
 */
public final class ProjectConfig {

    public static final String FILE_NAME = ".bedrock_agentcore.yaml";

    private final Map<String, Object> root;

    ProjectConfig(Map<String, Object> root) {
        this.root = root;
        migrateLegacySingleAgent();
        if (!root.containsKey("default_agent")) {
            // keep the Python tool's key order: default_agent first
            Map<String, Object> copy = new LinkedHashMap<>(root);
            root.clear();
            root.put("default_agent", null);
            root.putAll(copy);
        }
        if (!(root.get("agents") instanceof Map)) {
            root.put("agents", new LinkedHashMap<String, Object>());
        }
    }

    public static ProjectConfig empty() {
        return new ProjectConfig(new LinkedHashMap<>());
    }

    /** The raw tree, in file order; what gets written. */
    Map<String, Object> tree() {
        return root;
    }

    public Optional<String> defaultAgent() {
        return Optional.ofNullable((String) root.get("default_agent"));
    }

    public void setDefaultAgent(String name) {
        if (name != null && !agentsTree().containsKey(name)) {
            throw AgentCoreException.invalidInput("Agent '" + name + "' not found. Available: " + agentNames());
        }
        root.put("default_agent", name);
    }

    public List<String> agentNames() {
        return new ArrayList<>(agentsTree().keySet());
    }

    public boolean hasAgent(String name) {
        return agentsTree().containsKey(name);
    }

    public List<AgentConfig> agents() {
        List<AgentConfig> list = new ArrayList<>();
        for (String name : agentNames()) {
            list.add(agent(name).orElseThrow());
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    public Optional<AgentConfig> agent(String name) {
        Object node = agentsTree().get(name);
        if (node instanceof Map) {
            return Optional.of(new AgentConfig((Map<String, Object>) node));
        }
        return Optional.empty();
    }

    /**
     * The agent a command works on: the one named, else the default, else the only one. Errors say what exists.
     */
    public AgentConfig select(String name) {
        if (name != null && !name.isBlank()) {
            return agent(name).orElseThrow(() -> agentsTree().isEmpty()
                    ? AgentCoreException.invalidInput("No agents configured.",
                    "Run 'agentcore configure --entrypoint <file>' first.")
                    : AgentCoreException.invalidInput("Agent '" + name + "' not found. Available agents: "
                    + agentNames(), "Run 'agentcore configure list' to see the configured agents."));
        }
        Optional<String> def = defaultAgent().filter(this::hasAgent);
        if (def.isPresent()) {
            return agent(def.get()).orElseThrow();
        }
        if (agentsTree().size() == 1) {
            String only = agentNames().get(0);
            root.put("default_agent", only);
            return agent(only).orElseThrow();
        }
        if (agentsTree().isEmpty()) {
            throw AgentCoreException.invalidInput("No agents configured.",
                    "Run 'agentcore configure --entrypoint <file>' first.");
        }
        throw AgentCoreException.invalidInput("No agent specified and no default set. Available agents: "
                + agentNames(), "Pass --agent NAME or run 'agentcore configure set-default NAME'.");
    }

    /**
     * Adds or replaces an agent. An existing agent's deployment state ({@code bedrock_agentcore}) and keys unknown
     * to this tool are kept; the agent becomes the default, as with the Python tool.
     */
    public void putAgent(AgentConfig agent) {
        Map<String, Object> agents = agentsTree();
        Object previous = agents.get(agent.name());
        if (previous instanceof Map<?, ?> old) {
            for (Map.Entry<?, ?> e : old.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals("bedrock_agentcore") || key.equals(AgentConfig.CREATED_RESOURCES)
                        || !AgentConfig.KNOWN_KEYS.contains(key)) {
                    agent.tree().put(key, e.getValue());
                }
            }
        }
        agents.put(agent.name(), agent.tree());
        root.put("default_agent", agent.name());
    }

    /** Removes an agent; the default moves to the first remaining agent, or null. */
    public void removeAgent(String name) {
        agentsTree().remove(name);
        if (name.equals(root.get("default_agent"))) {
            root.put("default_agent", agentsTree().isEmpty() ? null : agentNames().get(0));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> agentsTree() {
        return (Map<String, Object>) root.get("agents");
    }

    /** The oldest files had one agent at the top level (name, entrypoint, ...) and no 'agents' map. */
    private void migrateLegacySingleAgent() {
        if (!root.containsKey("agents") && root.containsKey("name") && root.containsKey("entrypoint")) {
            Map<String, Object> agent = new LinkedHashMap<>(root);
            String name = String.valueOf(agent.get("name"));
            root.clear();
            root.put("default_agent", name);
            Map<String, Object> agents = new LinkedHashMap<>();
            agents.put(name, agent);
            root.put("agents", agents);
        }
    }
}
