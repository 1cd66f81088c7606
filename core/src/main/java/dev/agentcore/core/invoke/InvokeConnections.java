package dev.agentcore.core.invoke;

import dev.agentcore.core.aws.AwsClients;
import dev.agentcore.core.aws.AwsSettings;

import java.util.function.Function;

/** How the invoke flow reaches an agent; the CLI wires the SDK and HTTP clients, tests may wire fakes. */
public interface InvokeConnections {

    /** The SigV4 data plane in a region. */
    DataPlane dataPlane(String region);

    /** The deployed agent reached with an OAuth bearer token instead of SigV4. */
    AgentInvoker bearer(String region, String token);

    /** The agent running on this machine. */
    AgentInvoker local(int port);

    /**
     * The real connections: the SDK client for a region (built on first use), and HTTP for the bearer and local
     * paths. The bearer path honours the same endpoint override as the SDK (--endpoint-url,
     * AWS_ENDPOINT_URL_BEDROCK_AGENTCORE, AWS_ENDPOINT_URL).
     */
    static InvokeConnections standard(AwsSettings settings, Function<String, AwsClients> clients) {
        return new InvokeConnections() {
            @Override
            public DataPlane dataPlane(String region) {
                return new SdkDataPlane(() -> clients.apply(region).agentCore());
            }

            @Override
            public AgentInvoker bearer(String region, String token) {
                return HttpAgentInvoker.bearer(region, settings.endpointFor("BEDROCK_AGENTCORE"), token);
            }

            @Override
            public AgentInvoker local(int port) {
                return HttpAgentInvoker.local(port);
            }
        };
    }
}
