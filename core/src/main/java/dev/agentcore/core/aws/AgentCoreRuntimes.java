package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.cloud.RuntimeService;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeArtifact;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AuthorizerConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ContainerConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CustomJWTAuthorizerConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.LifecycleConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ProtocolConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.RequestHeaderConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.VpcConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The AgentCore control plane: agent runtimes and their endpoints. */
final class AgentCoreRuntimes implements RuntimeService {

    private static final String SERVICE = "AgentCore";

    private final BedrockAgentCoreControlClient control;

    AgentCoreRuntimes(BedrockAgentCoreControlClient control) {
        this.control = control;
    }

    @Override
    public AgentRuntime create(RuntimeSpec spec) {
        Settings s = Settings.of(spec);
        var r = AwsErrors.call(SERVICE, () -> control.createAgentRuntime(b -> b.agentRuntimeName(spec.name())
                .agentRuntimeArtifact(s.artifact()).roleArn(spec.roleArn()).networkConfiguration(s.network())
                .environmentVariables(s.environment()).protocolConfiguration(s.protocol())
                .authorizerConfiguration(s.authorizer()).requestHeaderConfiguration(s.requestHeaders())
                .lifecycleConfiguration(s.lifecycle()).description(spec.description())
                .tags(spec.tags() == null || spec.tags().isEmpty() ? null : spec.tags())));
        return new AgentRuntime(r.agentRuntimeId(), r.agentRuntimeArn(), spec.name(), r.statusAsString(),
                r.agentRuntimeVersion(), spec.containerUri(), spec.roleArn(), r.createdAt(), r.createdAt(), null,
                SdkMaps.toMap(r));
    }

    @Override
    public AgentRuntime update(String runtimeId, RuntimeSpec spec) {
        Settings s = Settings.of(spec);
        var r = AwsErrors.call(SERVICE, () -> control.updateAgentRuntime(b -> b.agentRuntimeId(runtimeId)
                .agentRuntimeArtifact(s.artifact()).roleArn(spec.roleArn()).networkConfiguration(s.network())
                .environmentVariables(s.environment()).protocolConfiguration(s.protocol())
                .authorizerConfiguration(s.authorizer()).requestHeaderConfiguration(s.requestHeaders())
                .lifecycleConfiguration(s.lifecycle()).description(spec.description())));
        return new AgentRuntime(r.agentRuntimeId(), r.agentRuntimeArn(), spec.name(), r.statusAsString(),
                r.agentRuntimeVersion(), spec.containerUri(), spec.roleArn(), r.createdAt(), r.lastUpdatedAt(), null,
                SdkMaps.toMap(r));
    }

    /**
     * What create and update send alike, built once: their two SDK request builders share no type. A null leaves
     * the field out of the request, as the SDK builders do for any null.
     */
    private record Settings(AgentRuntimeArtifact artifact, NetworkConfiguration network,
                            Map<String, String> environment, ProtocolConfiguration protocol,
                            AuthorizerConfiguration authorizer, RequestHeaderConfiguration requestHeaders,
                            LifecycleConfiguration lifecycle) {

        static Settings of(RuntimeSpec spec) {
            return new Settings(AgentCoreRuntimes.artifact(spec), AgentCoreRuntimes.network(spec),
                    // always sent, even empty: the service keeps no variables the spec does not name
                    spec.environment() == null ? Map.of() : spec.environment(),
                    spec.protocol() == null ? null
                            : ProtocolConfiguration.builder().serverProtocol(spec.protocol()).build(),
                    spec.authorizer() == null ? null : AgentCoreRuntimes.authorizer(spec.authorizer()),
                    spec.requestHeaderAllowlist() == null ? null
                            : RequestHeaderConfiguration.fromRequestHeaderAllowlist(spec.requestHeaderAllowlist()),
                    spec.idleTimeout() == null && spec.maxLifetime() == null ? null
                            : LifecycleConfiguration.builder().idleRuntimeSessionTimeout(spec.idleTimeout())
                                    .maxLifetime(spec.maxLifetime()).build());
        }
    }

    @Override
    public Optional<AgentRuntime> get(String runtimeId) {
        try {
            GetAgentRuntimeResponse r = AwsErrors.call(SERVICE, () -> control.getAgentRuntime(b -> b
                    .agentRuntimeId(runtimeId)));
            String image = r.agentRuntimeArtifact() == null || r.agentRuntimeArtifact().containerConfiguration() == null
                    ? null : r.agentRuntimeArtifact().containerConfiguration().containerUri();
            return Optional.of(new AgentRuntime(r.agentRuntimeId(), r.agentRuntimeArn(), r.agentRuntimeName(),
                    r.statusAsString(), r.agentRuntimeVersion(), image, r.roleArn(), r.createdAt(),
                    r.lastUpdatedAt(), r.failureReason(), SdkMaps.toMap(r)));
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<Endpoint> getEndpoint(String runtimeId, String endpointName) {
        try {
            var r = AwsErrors.call(SERVICE, () -> control.getAgentRuntimeEndpoint(b -> b.agentRuntimeId(runtimeId)
                    .endpointName(endpointName)));
            return Optional.of(new Endpoint(r.name(), r.agentRuntimeEndpointArn(), r.statusAsString(),
                    r.failureReason(), r.createdAt(), r.lastUpdatedAt(), SdkMaps.toMap(r)));
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<AgentRuntime> findByName(String name) {
        Optional<String> id = AwsErrors.call(SERVICE, () -> control.listAgentRuntimesPaginator(b -> b.maxResults(100))
                .agentRuntimes().stream().filter(r -> name.equals(r.agentRuntimeName()))
                .map(r -> r.agentRuntimeId()).findFirst());
        return id.flatMap(this::get);
    }

    @Override
    public Map<String, String> tags(String runtimeArn) {
        return AwsErrors.call(SERVICE, () -> control.listTagsForResource(b -> b.resourceArn(runtimeArn)).tags());
    }

    @Override
    public boolean delete(String runtimeId) {
        try {
            AwsErrors.run(SERVICE, () -> control.deleteAgentRuntime(b -> b.agentRuntimeId(runtimeId)));
            return true;
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    private static AgentRuntimeArtifact artifact(RuntimeSpec spec) {
        return AgentRuntimeArtifact.fromContainerConfiguration(ContainerConfiguration.builder()
                .containerUri(spec.containerUri()).build());
    }

    private static NetworkConfiguration network(RuntimeSpec spec) {
        var b = NetworkConfiguration.builder().networkMode(spec.networkMode() == null ? "PUBLIC" : spec.networkMode());
        boolean vpc = spec.subnets() != null && !spec.subnets().isEmpty()
                || spec.securityGroups() != null && !spec.securityGroups().isEmpty();
        if (vpc) {
            b.networkModeConfig(VpcConfig.builder()
                    .subnets(spec.subnets() == null ? List.of() : spec.subnets())
                    .securityGroups(spec.securityGroups() == null ? List.of() : spec.securityGroups()).build());
        }
        return b.build();
    }

    /** The YAML's authorizer, {customJWTAuthorizer: {discoveryUrl, allowedAudience, allowedClients, allowedScopes}}. */
    static AuthorizerConfiguration authorizer(Map<String, Object> config) {
        Object jwt = config.get("customJWTAuthorizer");
        if (!(jwt instanceof Map<?, ?> m)) {
            throw CloudException.of(Kind.VALIDATION, SERVICE,
                    "authorizer_configuration needs a customJWTAuthorizer with a discoveryUrl");
        }
        var b = CustomJWTAuthorizerConfiguration.builder();
        if (m.get("discoveryUrl") != null) {
            b.discoveryUrl(String.valueOf(m.get("discoveryUrl")));
        }
        List<String> audience = strings(m.get("allowedAudience"));
        if (audience != null) {
            b.allowedAudience(audience);
        }
        List<String> clients = strings(m.get("allowedClients"));
        if (clients != null) {
            b.allowedClients(clients);
        }
        List<String> scopes = strings(m.get("allowedScopes"));
        if (scopes != null) {
            b.allowedScopes(scopes);
        }
        return AuthorizerConfiguration.fromCustomJWTAuthorizer(b.build());
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}
