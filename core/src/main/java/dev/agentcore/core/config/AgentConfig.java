package dev.agentcore.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One agent of {@code .bedrock_agentcore.yaml}, with the Python tool's key names and nesting (toolkit spec §3).
 * A view over the YAML map: getters tolerate missing keys (every field has a default), setters create the
 * nested maps they need, and keys this class does not name are left as they are.
 */
public final class AgentConfig {

    /** Where this tool records what it created, so destroy removes only that. Ignored by the Python tool. */
    public static final String CREATED_RESOURCES = "created_resources";

    static final Set<String> KNOWN_KEYS = Set.of("name", "language", "node_version", "entrypoint", "deployment_type",
            "runtime_type", "platform", "container_runtime", "source_path", "aws", "bedrock_agentcore", "codebuild",
            "memory", "identity", "aws_jwt", "authorizer_configuration", "request_header_configuration",
            "oauth_configuration", "api_key_env_var_name", "api_key_credential_provider_name",
            "is_generated_by_agentcore_create");

    private final Map<String, Object> tree;

    AgentConfig(Map<String, Object> tree) {
        this.tree = tree;
    }

    /**
     * A new container agent with every key the Python tool writes, in its order and with its defaults, so either
     * tool reads the file the other wrote.
     */
    public static AgentConfig newContainerAgent(String name, String entrypoint, String sourcePath) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("language", "python");
        t.put("node_version", null);
        t.put("entrypoint", entrypoint);
        t.put("deployment_type", "container");
        t.put("runtime_type", null);
        t.put("platform", "linux/arm64");
        t.put("container_runtime", null);
        t.put("source_path", sourcePath);
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("execution_role", null);
        aws.put("execution_role_auto_create", true);
        aws.put("account", null);
        aws.put("region", null);
        aws.put("ecr_repository", null);
        aws.put("ecr_auto_create", true);
        aws.put("s3_path", null);
        aws.put("s3_auto_create", false);
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("network_mode", "PUBLIC");
        network.put("network_mode_config", null);
        aws.put("network_configuration", network);
        aws.put("protocol_configuration", map("server_protocol", "HTTP"));
        aws.put("observability", map("enabled", true));
        Map<String, Object> lifecycle = new LinkedHashMap<>();
        lifecycle.put("idle_runtime_session_timeout", null);
        lifecycle.put("max_lifetime", null);
        aws.put("lifecycle_configuration", lifecycle);
        t.put("aws", aws);
        Map<String, Object> bac = new LinkedHashMap<>();
        bac.put("agent_id", null);
        bac.put("agent_arn", null);
        bac.put("agent_session_id", null);
        t.put("bedrock_agentcore", bac);
        Map<String, Object> codebuild = new LinkedHashMap<>();
        codebuild.put("project_name", null);
        codebuild.put("execution_role", null);
        codebuild.put("source_bucket", null);
        t.put("codebuild", codebuild);
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("mode", "NO_MEMORY");
        memory.put("memory_id", null);
        memory.put("memory_arn", null);
        memory.put("memory_name", null);
        memory.put("event_expiry_days", 30);
        memory.put("first_invoke_memory_check_done", false);
        memory.put("was_created_by_toolkit", false);
        t.put("memory", memory);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("credential_providers", new ArrayList<>());
        identity.put("workload", null);
        t.put("identity", identity);
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("enabled", false);
        jwt.put("audiences", new ArrayList<>());
        jwt.put("signing_algorithm", "ES384");
        jwt.put("issuer_url", null);
        jwt.put("duration_seconds", 300);
        t.put("aws_jwt", jwt);
        t.put("authorizer_configuration", null);
        t.put("request_header_configuration", null);
        t.put("oauth_configuration", null);
        t.put("api_key_env_var_name", null);
        t.put("api_key_credential_provider_name", null);
        t.put("is_generated_by_agentcore_create", false);
        return new AgentConfig(t);
    }

    Map<String, Object> tree() {
        return tree;
    }

    /** A deep copy of the raw map, for --output json and status --verbose. */
    public Map<String, Object> toMap() {
        return deepCopy(tree);
    }

    // ---- top level ----
    public String name() { return str("name"); }
    public String language() { return strOr("python", "language"); }
    public String entrypoint() { return str("entrypoint"); }
    public void setEntrypoint(String v) { set(v, "entrypoint"); }
    public String deploymentType() { return strOr("container", "deployment_type"); }
    public String platform() { return strOr("linux/arm64", "platform"); }
    public String containerRuntime() { return str("container_runtime"); }
    public void setContainerRuntime(String v) { set(v, "container_runtime"); }
    public String sourcePath() { return str("source_path"); }
    public void setSourcePath(String v) { set(v, "source_path"); }

    // ---- aws ----
    public String executionRole() { return str("aws", "execution_role"); }
    public void setExecutionRole(String v) { set(v, "aws", "execution_role"); }
    public boolean executionRoleAutoCreate() { return bool("aws", "execution_role_auto_create"); }
    public void setExecutionRoleAutoCreate(boolean v) { set(v, "aws", "execution_role_auto_create"); }
    public String account() { return str("aws", "account"); }
    public void setAccount(String v) { set(v, "aws", "account"); }
    public String region() { return str("aws", "region"); }
    public void setRegion(String v) { set(v, "aws", "region"); }
    public String ecrRepository() { return str("aws", "ecr_repository"); }
    public void setEcrRepository(String v) { set(v, "aws", "ecr_repository"); }
    public boolean ecrAutoCreate() { return bool("aws", "ecr_auto_create"); }
    public void setEcrAutoCreate(boolean v) { set(v, "aws", "ecr_auto_create"); }
    public String networkMode() { return strOr("PUBLIC", "aws", "network_configuration", "network_mode"); }
    public List<String> subnets() { return list("aws", "network_configuration", "network_mode_config", "subnets"); }
    public List<String> securityGroups() {
        return list("aws", "network_configuration", "network_mode_config", "security_groups");
    }
    public void setNetwork(String mode, List<String> subnets, List<String> securityGroups) {
        set(mode, "aws", "network_configuration", "network_mode");
        if (subnets == null || subnets.isEmpty()) {
            set(null, "aws", "network_configuration", "network_mode_config");
        } else {
            Map<String, Object> cfg = new LinkedHashMap<>();
            cfg.put("security_groups", new ArrayList<>(securityGroups));
            cfg.put("subnets", new ArrayList<>(subnets));
            set(cfg, "aws", "network_configuration", "network_mode_config");
        }
    }
    public String serverProtocol() { return strOr("HTTP", "aws", "protocol_configuration", "server_protocol"); }
    public void setServerProtocol(String v) { set(v, "aws", "protocol_configuration", "server_protocol"); }
    public boolean observabilityEnabled() {
        Object v = get("aws", "observability", "enabled");
        return v == null || Boolean.TRUE.equals(v);
    }
    public void setObservabilityEnabled(boolean v) { set(v, "aws", "observability", "enabled"); }
    public Integer idleTimeout() { return integer("aws", "lifecycle_configuration", "idle_runtime_session_timeout"); }
    public void setIdleTimeout(Integer v) { set(v, "aws", "lifecycle_configuration", "idle_runtime_session_timeout"); }
    public Integer maxLifetime() { return integer("aws", "lifecycle_configuration", "max_lifetime"); }
    public void setMaxLifetime(Integer v) { set(v, "aws", "lifecycle_configuration", "max_lifetime"); }

    // ---- deployment state ----
    public String agentId() { return str("bedrock_agentcore", "agent_id"); }
    public void setAgentId(String v) { set(v, "bedrock_agentcore", "agent_id"); }
    public String agentArn() { return str("bedrock_agentcore", "agent_arn"); }
    public void setAgentArn(String v) { set(v, "bedrock_agentcore", "agent_arn"); }
    public String sessionId() { return str("bedrock_agentcore", "agent_session_id"); }
    public void setSessionId(String v) { set(v, "bedrock_agentcore", "agent_session_id"); }

    // ---- codebuild ----
    public String codeBuildProject() { return str("codebuild", "project_name"); }
    public void setCodeBuildProject(String v) { set(v, "codebuild", "project_name"); }
    public String codeBuildRole() { return str("codebuild", "execution_role"); }
    public void setCodeBuildRole(String v) { set(v, "codebuild", "execution_role"); }
    public String sourceBucket() { return str("codebuild", "source_bucket"); }
    public void setSourceBucket(String v) { set(v, "codebuild", "source_bucket"); }

    // ---- auth and headers (stored in the API's camelCase shape) ----
    @SuppressWarnings("unchecked")
    public Map<String, Object> authorizerConfiguration() {
        Object v = get("authorizer_configuration");
        return v instanceof Map ? (Map<String, Object>) v : null;
    }
    public void setAuthorizerConfiguration(Map<String, Object> v) { set(v, "authorizer_configuration"); }
    public List<String> requestHeaderAllowlist() {
        return list("request_header_configuration", "requestHeaderAllowlist");
    }
    public void setRequestHeaderAllowlist(List<String> headers) {
        set(headers == null ? null : map("requestHeaderAllowlist", new ArrayList<>(headers)),
                "request_header_configuration");
    }

    // ---- what this tool created (destroy removes only these) ----
    public String createdResource(String kind) { return str(CREATED_RESOURCES, kind); }
    public void setCreatedResource(String kind, String id) { set(id, CREATED_RESOURCES, kind); }

    // ---- generic access for keys without a typed accessor ----

    /** The value at a key path, or null when any part is missing. */
    public Object get(String... path) {
        Object node = tree;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(key);
        }
        return node;
    }

    /** Sets the value at a key path, creating nested maps as needed. */
    @SuppressWarnings("unchecked")
    public void set(Object value, String... path) {
        Map<String, Object> node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            Object child = node.get(path[i]);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(path[i], child);
            }
            node = (Map<String, Object>) child;
        }
        node.put(path[path.length - 1], value);
    }

    private String str(String... path) {
        Object v = get(path);
        return v == null ? null : String.valueOf(v);
    }

    private String strOr(String fallback, String... path) {
        String v = str(path);
        return v == null ? fallback : v;
    }

    private boolean bool(String... path) {
        Object v = get(path);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(String.valueOf(v));
    }

    private Integer integer(String... path) {
        Object v = get(path);
        if (v instanceof Number n) {
            return n.intValue();
        }
        return v == null ? null : Integer.valueOf(String.valueOf(v));
    }

    private List<String> list(String... path) {
        Object v = get(path);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }

    private static Map<String, Object> map(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : in.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map) {
                v = deepCopy((Map<String, Object>) v);
            } else if (v instanceof List<?> l) {
                v = new ArrayList<>(l);
            }
            out.put(e.getKey(), v);
        }
        return out;
    }
}
