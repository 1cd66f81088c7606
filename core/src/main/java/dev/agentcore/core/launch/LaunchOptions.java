package dev.agentcore.core.launch;

import java.util.Map;

/**
 * What the user asked for. {@code agent} null means the default agent; {@code imageTag} null means the source
 * bundle's SHA-256; {@code env} holds the parsed {@code --env} values (see {@link EnvVars}).
 */
public record LaunchOptions(String agent, Map<String, String> env, String imageTag, boolean autoUpdateOnConflict,
                            boolean forceRebuild) {

    public LaunchOptions {
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public static LaunchOptions defaults(String agent) {
        return new LaunchOptions(agent, Map.of(), null, false, false);
    }
}
