package dev.agentcore.core.aws;

import java.util.Map;

/**
 * Where and as whom AWS is called: the global options (--region, --profile, --endpoint-url) and the environment
 * they fall back to. The environment is passed in, not read from the process, so tests can run the CLI in-process
 * against an emulator.
 */
public record AwsSettings(String region, String profile, String endpointUrl, Map<String, String> env) {

    public AwsSettings {
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public static AwsSettings fromEnvironment() {
        return new AwsSettings(null, null, null, System.getenv());
    }

    public AwsSettings withRegion(String newRegion) {
        return new AwsSettings(newRegion, profile, endpointUrl, env);
    }

    /** --profile, else AWS_PROFILE. */
    public String effectiveProfile() {
        if (profile != null && !profile.isBlank()) {
            return profile;
        }
        String fromEnv = env.get("AWS_PROFILE");
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }

    /**
     * The endpoint for one service: --endpoint-url, else AWS_ENDPOINT_URL_&lt;SERVICE&gt;, else AWS_ENDPOINT_URL, else
     * null (the SDK's own resolution).
     */
    public String endpointFor(String serviceEnvSuffix) {
        if (endpointUrl != null && !endpointUrl.isBlank()) {
            return endpointUrl;
        }
        String specific = env.get("AWS_ENDPOINT_URL_" + serviceEnvSuffix);
        if (specific != null && !specific.isBlank()) {
            return specific;
        }
        String general = env.get("AWS_ENDPOINT_URL");
        return general == null || general.isBlank() ? null : general;
    }
}
