package dev.agentcore.core.invoke;

import dev.agentcore.core.AgentCoreException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The headers passed through to the agent with --headers "K1:v1,K2:v2". The runtime forwards only headers named
 * {@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-*}, so other names get that prefix (spec §1.5); anything that would
 * not be a valid header name is refused before the call.
 */
public record CustomHeaders(Map<String, String> values) {

    public static final String PREFIX = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-";
    private static final Pattern NAME_SUFFIX = Pattern.compile("[A-Za-z0-9-]+");

    public CustomHeaders {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static CustomHeaders none() {
        return new CustomHeaders(Map.of());
    }

    public static CustomHeaders parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return none();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw AgentCoreException.invalidInput("Invalid header format: '" + trimmed
                        + "'. Expected format: 'Header:value'", example());
            }
            String name = trimmed.substring(0, colon).trim();
            String value = trimmed.substring(colon + 1).trim();
            if (name.isEmpty()) {
                throw AgentCoreException.invalidInput("Empty header name in: '" + trimmed + "'", example());
            }
            String suffix = name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                    ? name.substring(PREFIX.length()) : name;
            if (!NAME_SUFFIX.matcher(suffix).matches()) {
                throw AgentCoreException.invalidInput("Invalid header name: '" + name + "'. Only letters, digits "
                        + "and '-' are allowed after " + PREFIX, example());
            }
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw AgentCoreException.invalidInput("Invalid value for header '" + name
                        + "': control characters are not allowed.", example());
            }
            headers.put(PREFIX + suffix, value);
        }
        return new CustomHeaders(headers);
    }

    private static String example() {
        return "Use --headers \"Name:value,Other:value\"; names get the prefix " + PREFIX + " when missing.";
    }
}
