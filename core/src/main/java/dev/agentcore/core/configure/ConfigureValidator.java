package dev.agentcore.core.configure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.core.AgentCoreException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks configure makes on its inputs, each returning the value as it is stored. Messages follow the Python
 * tool's where it has one; limits are the AgentCore API's, so a value that passes here is not refused at launch.
 * Every failure is invalid input (exit 2).
 */
public final class ConfigureValidator {

    public static final List<String> PROTOCOLS = List.of("HTTP", "MCP", "A2A", "AGUI");
    public static final List<String> CONTAINER_RUNTIMES = List.of("docker", "finch", "podman", "none");
    public static final int LIFECYCLE_MIN = 60;
    public static final int LIFECYCLE_MAX = 28800;

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[\\w-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern ROLE_NAME = Pattern.compile("(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern ECR_URI = Pattern.compile(
            "\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(?:\\.cn)?/[a-z0-9._/-]+(?::[\\w.-]{1,128})?");
    private static final Pattern ECR_NAME = Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-zA-Z]{8,17}");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-zA-Z]{8,17}");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z][A-Za-z0-9_*-]{0,255}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2,}(?:-[a-z0-9]+)*-\\d{1,2}");
    private static final Pattern DISCOVERY_URL = Pattern.compile("https?://.+/\\.well-known/openid-configuration");

    private ConfigureValidator() {
    }

    public static String protocol(String value) {
        if (value == null) {
            return "HTTP";
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(upper)) {
            throw AgentCoreException.invalidInput("--protocol must be one of HTTP, MCP, A2A or AGUI, not '" + value + "'.",
                    "HTTP serves /invocations on 8080, MCP serves on 8000, A2A on 9000.");
        }
        return upper;
    }

    public static String containerRuntime(String value) {
        if (value == null) {
            return null;
        }
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (!CONTAINER_RUNTIMES.contains(lower)) {
            throw AgentCoreException.invalidInput("Unknown container runtime '" + value + "'.",
                    "Use one of " + String.join(", ", CONTAINER_RUNTIMES) + ", or leave it out to detect at launch --local.");
        }
        return lower;
    }

    public static String region(String value) {
        if (!REGION.matcher(value).matches()) {
            throw AgentCoreException.invalidInput("'" + value + "' does not look like an AWS region.",
                    "Use a region code such as us-west-2 or eu-central-1.");
        }
        return value;
    }

    /**
     * An execution role: an IAM role ARN, or a role name that launch turns into an ARN once the account is known
     * (configure never calls AWS). Null or blank means auto-create.
     */
    public static String role(String value, String flag) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.startsWith("arn:")) {
            if (!ROLE_ARN.matcher(v).matches()) {
                throw AgentCoreException.invalidInput("Invalid role ARN for " + flag + ": '" + v + "'.",
                        "Expected arn:aws:iam::<12-digit account>:role/<name>, or just the role name.");
            }
            return v;
        }
        if (!ROLE_NAME.matcher(v).matches()) {
            throw AgentCoreException.invalidInput("Invalid role name for " + flag + ": '" + v + "'.",
                    "Role names use letters, digits and +=,.@_- (at most 64 characters), or pass the role ARN.");
        }
        return v;
    }

    /** An ECR repository URI or name; null, blank or {@code auto} mean auto-create (returns null). */
    public static String ecr(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        String v = value.strip();
        if (ECR_URI.matcher(v).matches()) {
            return v;
        }
        if (v.length() >= 2 && v.length() <= 256 && ECR_NAME.matcher(v).matches()) {
            return v;
        }
        throw AgentCoreException.invalidInput("Invalid ECR repository '" + v + "'.",
                "Pass a repository URI (123456789012.dkr.ecr.us-west-2.amazonaws.com/name), a lower-case repository "
                        + "name, or 'auto'.");
    }

    /** Idle timeout and max lifetime: each 60..28800 seconds, idle not above the lifetime. */
    public static void lifecycle(Integer idle, Integer maxLifetime) {
        range("--idle-timeout", idle);
        range("--max-lifetime", maxLifetime);
        if (idle != null && maxLifetime != null && idle > maxLifetime) {
            throw AgentCoreException.invalidInput("--idle-timeout (" + idle + "s) must be <= --max-lifetime ("
                    + maxLifetime + "s).", "Lower --idle-timeout or raise --max-lifetime.");
        }
    }

    private static void range(String flag, Integer value) {
        if (value != null && (value < LIFECYCLE_MIN || value > LIFECYCLE_MAX)) {
            throw AgentCoreException.invalidInput(flag + " must be between " + LIFECYCLE_MIN + " and " + LIFECYCLE_MAX
                    + " seconds, not " + value + ".", null);
        }
    }

    /** The network: PUBLIC without flags, VPC with both id lists; returns {subnets, securityGroups} or null. */
    public static Network network(boolean vpc, String subnets, String securityGroups) {
        boolean lists = (subnets != null && !subnets.isBlank()) || (securityGroups != null && !securityGroups.isBlank());
        if (!vpc) {
            if (lists) {
                throw AgentCoreException.invalidInput("The --subnets and --security-groups flags require --vpc.",
                        "Add --vpc to run the agent in your VPC.");
            }
            return Network.PUBLIC;
        }
        List<String> subnetIds = commaList(subnets);
        List<String> groupIds = commaList(securityGroups);
        if (subnetIds.isEmpty() || groupIds.isEmpty()) {
            throw AgentCoreException.invalidInput("VPC mode requires both --subnets and --security-groups.",
                    "Example: --vpc --subnets subnet-0abc1234,subnet-0def5678 --security-groups sg-0abc1234");
        }
        ids(subnetIds, "subnet-", SUBNET, "Subnet", "subnet-0abc1234def567890");
        ids(groupIds, "sg-", SECURITY_GROUP, "Security group", "sg-0abc1234def567890");
        return new Network("VPC", subnetIds, groupIds);
    }

    private static void ids(List<String> ids, String prefix, Pattern pattern, String what, String example) {
        if (ids.size() > 16) {
            throw AgentCoreException.invalidInput(what + " list has " + ids.size() + " entries; at most 16 are allowed.");
        }
        for (String id : ids) {
            if (!id.startsWith(prefix)) {
                throw AgentCoreException.invalidInput("Invalid " + what.toLowerCase(Locale.ROOT) + " ID format: " + id
                        + ". " + what + " IDs must start with '" + prefix + "'.", "For example " + example + ".");
            }
            if (!pattern.matcher(id).matches()) {
                throw AgentCoreException.invalidInput("Invalid " + what.toLowerCase(Locale.ROOT) + " ID: " + id
                        + ". Expected '" + prefix + "' and 8 to 17 letters or digits.", "For example " + example + ".");
            }
        }
    }

    /** The network settings as stored: mode PUBLIC or VPC, with the id lists for VPC. */
    public record Network(String mode, List<String> subnets, List<String> securityGroups) {
        public static final Network PUBLIC = new Network("PUBLIC", List.of(), List.of());
    }

    /** --request-header-allowlist: a comma list of 1..20 header names. */
    public static List<String> headerAllowlist(String value) {
        if (value == null) {
            return null;
        }
        List<String> headers = commaList(value);
        if (headers.isEmpty()) {
            throw AgentCoreException.invalidInput("Empty request header allowlist provided.",
                    "Pass header names separated by commas, e.g. Authorization,X-Amzn-Bedrock-AgentCore-Runtime-Custom-*");
        }
        if (headers.size() > 20) {
            throw AgentCoreException.invalidInput("The request header allowlist has " + headers.size()
                    + " entries; at most 20 are allowed.");
        }
        for (String h : headers) {
            if (!HEADER.matcher(h).matches()) {
                throw AgentCoreException.invalidInput("Invalid header name in the allowlist: '" + h + "'.",
                        "Header names start with a letter and use letters, digits, '-', '_' (and '*' as a wildcard).");
            }
        }
        return headers;
    }

    /** --authorizer-config: a JSON object, stored as given (the API's camelCase shape). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> authorizer(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        Object parsed;
        try {
            parsed = new ObjectMapper().readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw AgentCoreException.invalidInput("Invalid JSON in --authorizer-config: " + e.getOriginalMessage(),
                    "Example: '{\"customJWTAuthorizer\": {\"discoveryUrl\": \"https://idp/.well-known/openid-"
                            + "configuration\", \"allowedClients\": [\"id\"]}}'");
        }
        if (!(parsed instanceof Map)) {
            throw AgentCoreException.invalidInput("--authorizer-config must be a JSON object.",
                    "Example: '{\"customJWTAuthorizer\": {...}}'");
        }
        Map<String, Object> config = (Map<String, Object>) parsed;
        if (config.get("customJWTAuthorizer") instanceof Map<?, ?> jwt) {
            Object url = jwt.get("discoveryUrl");
            if (!(url instanceof String s) || !DISCOVERY_URL.matcher(s).matches()) {
                throw AgentCoreException.invalidInput("customJWTAuthorizer.discoveryUrl must end with "
                        + "/.well-known/openid-configuration, not " + url + ".", null);
            }
        }
        return new LinkedHashMap<>(config);
    }

    /** An OAuth (custom JWT) authorizer built from interactive answers. */
    public static Map<String, Object> customJwtAuthorizer(String discoveryUrl, String clients, String audience,
                                                          String scopes) {
        if (discoveryUrl == null || discoveryUrl.isBlank()) {
            throw AgentCoreException.invalidInput("OAuth discovery URL is required.");
        }
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("discoveryUrl", discoveryUrl.strip());
        putList(jwt, "allowedClients", clients);
        putList(jwt, "allowedAudience", audience);
        putList(jwt, "allowedScopes", scopes);
        if (jwt.size() == 1) {
            throw AgentCoreException.invalidInput("At least one of client IDs, audience or scopes is required.");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("customJWTAuthorizer", jwt);
        try {
            return authorizer(new ObjectMapper().writeValueAsString(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putList(Map<String, Object> map, String key, String commaList) {
        List<String> values = commaList(commaList);
        if (!values.isEmpty()) {
            map.put(key, values);
        }
    }

    static List<String> commaList(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
