package dev.agentcore.core.launch;

import dev.agentcore.core.AgentCoreException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runtime's environment variables from {@code --env KEY=VALUE} flags (the service's limits checked here). */
public final class EnvVars {

    public static final int MAX_COUNT = 50;
    public static final int MAX_KEY_LENGTH = 100;

    private EnvVars() {
    }

    /** The variables in flag order; a later flag for the same key wins. */
    public static Map<String, String> parse(List<String> flags) {
        Map<String, String> env = new LinkedHashMap<>();
        if (flags == null) {
            return env;
        }
        for (String flag : flags) {
            int eq = flag.indexOf('=');
            if (eq <= 0) {
                throw AgentCoreException.invalidInput("Invalid environment variable format: " + flag
                        + ". Use KEY=VALUE format.", "For example: --env LOG_LEVEL=debug");
            }
            String key = flag.substring(0, eq);
            if (key.length() > MAX_KEY_LENGTH) {
                throw AgentCoreException.invalidInput("Environment variable name '" + key.substring(0, 20)
                        + "...' is " + key.length() + " characters long (at most " + MAX_KEY_LENGTH + ").");
            }
            env.put(key, flag.substring(eq + 1));
        }
        if (env.size() > MAX_COUNT) {
            throw AgentCoreException.invalidInput("Too many environment variables: " + env.size() + " (AgentCore "
                    + "Runtime takes at most " + MAX_COUNT + ").", "Pass fewer --env flags.");
        }
        return env;
    }

    /** KEY=**** for display: values may be secrets and are never printed. */
    public static String masked(Map<String, String> env) {
        StringBuilder sb = new StringBuilder();
        for (String key : env.keySet()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(key).append("=****");
        }
        return sb.toString();
    }
}
