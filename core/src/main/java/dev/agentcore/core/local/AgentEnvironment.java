package dev.agentcore.core.local;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.config.AgentConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a local agent gets: the region, the memory it was configured with, and {@code --env KEY=VALUE}
 * values. Values are handed to processes through their environment only, never printed or put in argv.
 */
public final class AgentEnvironment {

    private AgentEnvironment() {
    }

    /** Parses {@code --env} values; a value without '=' or with an empty or invalid key is refused (exit 2). */
    public static Map<String, String> parse(List<String> pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.indexOf('=');
            String key = eq <= 0 ? "" : pair.substring(0, eq);
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                String shown = eq < 0 ? pair : key + "=…";
                throw AgentCoreException.invalidInput("Invalid environment variable format: " + shown
                        + ". Use KEY=VALUE format.", "For example: --env LOG_LEVEL=debug");
            }
            env.put(key, pair.substring(eq + 1));
        }
        return env;
    }

    /** Region and memory from the agent's config, then the {@code --env} values (which win). */
    public static Map<String, String> forAgent(AgentConfig agent, String region, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        if (region != null && !region.isBlank()) {
            env.put("AWS_REGION", region);
            env.put("AWS_DEFAULT_REGION", region);
        }
        Object memoryId = agent.get("memory", "memory_id");
        if (memoryId != null) {
            env.put("BEDROCK_AGENTCORE_MEMORY_ID", String.valueOf(memoryId));
            Object memoryName = agent.get("memory", "memory_name");
            if (memoryName != null) {
                env.put("BEDROCK_AGENTCORE_MEMORY_NAME", String.valueOf(memoryName));
            }
        }
        env.putAll(extra);
        return env;
    }
}
