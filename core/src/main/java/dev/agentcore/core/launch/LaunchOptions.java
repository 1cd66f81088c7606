package dev.agentcore.core.launch;

import dev.agentcore.core.AgentCoreException;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the user asked for. {@code agent} null means the default agent; {@code imageTag} null means the source
 * bundle's SHA-256; {@code env} holds the parsed {@code --env} values (see {@link EnvVars}).
 */
public record LaunchOptions(String agent, Map<String, String> env, String imageTag, boolean autoUpdateOnConflict,
                            boolean forceRebuild) {

    /** Docker's (and ECR's) tag rule. */
    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public LaunchOptions {
        env = env == null ? Map.of() : Map.copyOf(env);
        // a bad tag would otherwise be found only after the roles, bucket, repository and build were made
        if (imageTag != null && !IMAGE_TAG.matcher(imageTag).matches()) {
            throw AgentCoreException.invalidInput("Invalid --image-tag '" + imageTag + "'.",
                    "A tag is 1-128 letters, digits, '_', '.' or '-', not starting with '.' or '-'.");
        }
    }

    public static LaunchOptions defaults(String agent) {
        return new LaunchOptions(agent, Map.of(), null, false, false);
    }
}
