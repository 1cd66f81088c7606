package dev.agentcore.core.cloud;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The AgentCore control plane: agent runtimes and their endpoints. */
public interface RuntimeService {

    /**
     * Everything CreateAgentRuntime/UpdateAgentRuntime take. Nullable: authorizer, allowlist, lifecycle values,
     * subnets and security groups (PUBLIC).
     */
    record RuntimeSpec(String name, String containerUri, String roleArn, String networkMode, List<String> subnets,
                       List<String> securityGroups, String protocol, Map<String, String> environment,
                       Map<String, Object> authorizer, List<String> requestHeaderAllowlist, Integer idleTimeout,
                       Integer maxLifetime, String description, Map<String, String> tags) { }

    record AgentRuntime(String id, String arn, String name, String status, String version, String containerUri,
                   String roleArn, Instant createdAt, Instant lastUpdatedAt, String failureReason,
                   Map<String, Object> raw) { }

    record Endpoint(String name, String arn, String status, String failureReason, Instant createdAt,
                    Instant lastUpdatedAt, Map<String, Object> raw) { }

    /** Returns the created runtime (id, arn, status). A name already taken fails with kind CONFLICT. */
    AgentRuntime create(RuntimeSpec spec);

    AgentRuntime update(String runtimeId, RuntimeSpec spec);

    Optional<AgentRuntime> get(String runtimeId);

    Optional<Endpoint> getEndpoint(String runtimeId, String endpointName);

    /** All pages of ListAgentRuntimes, matched by name. */
    Optional<AgentRuntime> findByName(String name);

    /** The runtime's tags (who made it), empty when it has none. */
    Map<String, String> tags(String runtimeArn);

    /** False when it was already gone. */
    boolean delete(String runtimeId);
}
