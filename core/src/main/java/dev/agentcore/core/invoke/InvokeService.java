package dev.agentcore.core.invoke;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.config.ProjectConfig;
import dev.agentcore.core.local.LocalEndpoint;
import dev.agentcore.core.local.LocalRunState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * invoke and stop-session: picks the agent and the session, remembers the session in the project file before the
 * call (so it survives a failed call, as in the Python tool), sends the payload the right way (SigV4, bearer token
 * or local) and renders the answer while it arrives. Notes for the user (session id, warnings) go to
 * {@code notes}, never to the answer's stream.
 */
public final class InvokeService {

    /**
     * Everything invoke takes; nullable: agentName, agentArn (a runtime deployed by other means: no project file is
     * needed or written), sessionId, userId, bearerToken, region, localPort (then the port {@code launch --local}
     * recorded, else 8080).
     */
    public record InvokeOptions(String agentName, String agentArn, InvokePayload payload, String sessionId,
                                String userId, CustomHeaders headers, String qualifier, String bearerToken,
                                boolean local, Integer localPort, String region) {
    }

    public record InvokeResult(String agentName, String sessionId, boolean newSession, boolean emptyAnswer) {
    }

    public record StopResult(String agentName, String sessionId, int statusCode, String message,
                             boolean clearedStoredSession) {
    }

    private final ConfigStore store;
    private final InvokeConnections connections;
    private final Consumer<String> notes;

    public InvokeService(ConfigStore store, InvokeConnections connections, Consumer<String> notes) {
        this.store = store;
        this.connections = connections;
        this.notes = notes;
    }

    public InvokeResult invoke(InvokeOptions options, ResponseRenderer renderer) {
        return options.local() ? invokeLocal(options, renderer) : invokeDeployed(options, renderer);
    }

    private InvokeResult invokeDeployed(InvokeOptions options, ResponseRenderer renderer) {
        AgentConfig agent = options.agentArn() == null ? requireConfig().select(options.agentName()) : null;
        String arn = agent == null ? requireRuntimeArn(options.agentArn()) : requireDeployed(agent);
        String region = regionOf(options.region(), agent, arn);
        Session session = session(options.sessionId(), agent, agent != null);

        String token = options.bearerToken() == null || options.bearerToken().isBlank() ? null : options.bearerToken();
        // with a bare ARN there is no record of an authorizer: a token given is taken to mean there is one
        boolean hasAuthorizer = agent == null ? token != null : agent.authorizerConfiguration() != null;
        AgentInvoker invoker;
        InvokeErrors.Target.Kind kind;
        if (hasAuthorizer && token != null) {
            notes.accept("Using bearer token for OAuth authentication");
            invoker = connections.bearer(region, token);
            kind = InvokeErrors.Target.Kind.BEARER;
        } else {
            if (hasAuthorizer) {
                notes.accept("Warning: the agent has an OAuth authorizer but no bearer token was given "
                        + "(--bearer-token or BEDROCK_AGENTCORE_BEARER_TOKEN); calling with AWS credentials.");
            } else if (token != null) {
                notes.accept("Warning: a bearer token was given but the agent has no OAuth authorizer in "
                        + ProjectConfig.FILE_NAME + "; calling with AWS credentials.");
            }
            invoker = connections.dataPlane(region);
            kind = InvokeErrors.Target.Kind.SIGV4;
        }
        String agentId = agent != null && agent.agentId() != null ? agent.agentId() : runtimeIdFromArn(arn);
        String name = agent != null ? agent.name() : agentId;
        InvokeErrors.Target target = new InvokeErrors.Target(name, agentId, options.qualifier(), region, kind, null);
        InvocationRequest request = new InvocationRequest(arn, options.qualifier(), session.id(), options.userId(),
                options.headers(), options.payload());
        boolean empty = !call(invoker, request, renderer, target);
        return new InvokeResult(name, session.id(), session.isNew(), empty);
    }

    private InvokeResult invokeLocal(InvokeOptions options, ResponseRenderer renderer) {
        // a local agent needs no deployment, and not even a project file; the session is stored only if there is one
        AgentConfig agent = store.load().flatMap(cfg -> localAgent(cfg, options.agentName())).orElse(null);
        if (agent == null && options.agentName() != null && store.exists()) {
            requireConfig().select(options.agentName());
        }
        int port = localPort(options.localPort(), agent); // a bad --port must not leave a new session stored
        Session session = session(options.sessionId(), agent, agent != null);
        AgentInvoker invoker = connections.local(port);
        InvocationRequest request = new InvocationRequest(null, options.qualifier(), session.id(), options.userId(),
                options.headers(), options.payload());
        InvokeErrors.Target target = new InvokeErrors.Target(agent == null ? null : agent.name(), null,
                options.qualifier(), null, InvokeErrors.Target.Kind.LOCAL,
                HttpAgentInvoker.localUri(port).toString());
        boolean empty = !call(invoker, request, renderer, target);
        return new InvokeResult(agent == null ? null : agent.name(), session.id(), session.isNew(), empty);
    }

    /** StopRuntimeSession; {@code agentArn} (nullable) names a runtime not in the project file. */
    public StopResult stopSession(String agentName, String agentArn, String sessionId, String qualifier,
                                  String regionOverride) {
        if (agentArn != null) {
            return stopByArn(requireRuntimeArn(agentArn), sessionId, qualifier, regionOverride);
        }
        AgentConfig agent = requireConfig().select(agentName);
        String arn = agent.agentArn();
        if (arn == null || arn.isBlank()) {
            throw AgentCoreException.failure("Agent '" + agent.name() + "' is not deployed.",
                    "Run 'agentcore launch' to deploy it first.");
        }
        String id = sessionId != null ? RuntimeSessionId.requireValid(sessionId) : agent.sessionId();
        if (id == null || id.isBlank()) {
            throw AgentCoreException.failure("No active session found for agent '" + agent.name() + "'.",
                    "Pass --session-id, or invoke the agent first to start a session.");
        }
        String region = regionOf(regionOverride, agent, arn);
        String agentId = agent.agentId() != null ? agent.agentId() : runtimeIdFromArn(arn);
        StopResult stopped = stop(arn, agent.name(), agentId, id, qualifier, region);
        boolean cleared = id.equals(agent.sessionId());
        if (cleared) {
            String name = agent.name();
            store.update(cfg -> {
                AgentConfig a = cfg.select(name);
                if (id.equals(a.sessionId())) {
                    a.setSessionId(null);
                }
                return null;
            });
        }
        return new StopResult(agent.name(), id, stopped.statusCode(), stopped.message(), cleared);
    }

    private StopResult stopByArn(String arn, String sessionId, String qualifier, String regionOverride) {
        if (sessionId == null) {
            throw AgentCoreException.invalidInput("--agent-arn needs --session-id: no session is stored for it.");
        }
        String agentId = runtimeIdFromArn(arn);
        return stop(arn, agentId, agentId, RuntimeSessionId.requireValid(sessionId), qualifier,
                regionOf(regionOverride, null, arn));
    }

    /** A session the service no longer knows counts as stopped: that is the state the user asked for. */
    private StopResult stop(String arn, String name, String agentId, String id, String qualifier, String region) {
        try {
            int status = connections.dataPlane(region).stopSession(arn, qualifier, id);
            return new StopResult(name, id, status, "Session stopped", false);
        } catch (DataPlaneException e) {
            if (!"ResourceNotFoundException".equals(e.errorCode()) && e.statusCode() != 404) {
                throw InvokeErrors.explain(e, new InvokeErrors.Target(name, agentId, qualifier, region,
                        InvokeErrors.Target.Kind.SIGV4, null));
            }
            return new StopResult(name, id, 404, "Session not found (may have already been terminated)", false);
        }
    }

    private boolean call(AgentInvoker invoker, InvocationRequest request, ResponseRenderer renderer,
                         InvokeErrors.Target target) {
        try (AgentResponse response = invoker.invoke(request)) {
            return renderer.render(response);
        } catch (DataPlaneException e) {
            throw InvokeErrors.explain(e, target);
        } catch (IOException | UncheckedIOException e) {
            throw AgentCoreException.failure("The answer was cut off: " + e.getMessage(),
                    target.tailCommand() == null ? "Retry; the session is kept."
                            : "Retry; the session is kept. Agent logs: " + target.tailCommand(), e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            // the SDK reports a stream broken mid-answer as its own exception type
            throw AgentCoreException.failure("The answer was cut off: " + e.getMessage(), "Retry; the session is kept.",
                    e);
        }
    }

    private record Session(String id, boolean isNew) {
    }

    /** --session-id, else the stored one, else a new one; saved before the call when there is a project file. */
    private Session session(String requested, AgentConfig agent, boolean persist) {
        Session session;
        if (requested != null) {
            session = new Session(RuntimeSessionId.requireValid(requested), false);
        } else if (agent != null && agent.sessionId() != null && !agent.sessionId().isBlank()) {
            session = new Session(agent.sessionId(), false);
        } else {
            session = new Session(RuntimeSessionId.generate(), true);
        }
        if (persist && agent != null && !session.id().equals(agent.sessionId())) {
            String name = agent.name();
            store.update(cfg -> {
                cfg.select(name).setSessionId(session.id());
                return null;
            });
        }
        notes.accept("Session: " + session.id() + (session.isNew() ? " (new)" : ""));
        return session;
    }

    private ProjectConfig requireConfig() {
        return store.load().orElseThrow(() -> AgentCoreException.failure("No agent is configured in "
                        + store.file().getParent() + " (" + ProjectConfig.FILE_NAME + " not found).",
                "Run: agentcore configure --entrypoint agent.py, then agentcore launch, then "
                        + "agentcore invoke '{\"prompt\": \"Hello\"}'. For an agent running locally: "
                        + "agentcore invoke --local '{\"prompt\": \"Hello\"}'."));
    }

    /** --port, else the port of the agent's running {@code launch --local}, else the runtime contract's 8080. */
    private int localPort(Integer requested, AgentConfig agent) {
        if (requested != null) {
            if (requested < 1 || requested > 65535) {
                throw AgentCoreException.invalidInput("Invalid --port " + requested + ".",
                        "Use 1-65535 (default: the port agentcore launch --local used, else 8080).");
            }
            return requested;
        }
        if (agent != null && agent.name() != null) {
            Optional<LocalRunState> run = LocalRunState.load(store.file().toAbsolutePath().getParent(), agent.name());
            if (run.isPresent() && run.get().port() > 0) {
                return run.get().port();
            }
        }
        return LocalEndpoint.CONTRACT_PORT;
    }

    private static Optional<AgentConfig> localAgent(ProjectConfig cfg, String name) {
        if (name != null) {
            return cfg.agent(name);
        }
        try {
            return Optional.of(cfg.select(null));
        } catch (AgentCoreException ambiguousOrEmpty) {
            return Optional.empty();
        }
    }

    private static String requireDeployed(AgentConfig agent) {
        String arn = agent.agentArn();
        if (arn == null || arn.isBlank()) {
            throw AgentCoreException.failure("Agent '" + agent.name() + "' is not deployed.",
                    "Run 'agentcore launch' to deploy it, or 'agentcore invoke --local' for a local agent.");
        }
        return arn;
    }

    /** arn:aws:bedrock-agentcore:REGION:ACCOUNT:runtime/ID, as CreateAgentRuntime returns it. */
    private static String requireRuntimeArn(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("bedrock-agentcore")
                || parts[3].isBlank() || !parts[5].startsWith("runtime/") || parts[5].length() <= "runtime/".length()) {
            throw AgentCoreException.invalidInput("Not an agent runtime ARN: '" + arn + "'.",
                    "Expected arn:aws:bedrock-agentcore:<region>:<account>:runtime/<runtime-id>; "
                            + "agentcore status shows it for a configured agent.");
        }
        return arn;
    }

    /**
     * --region, else the agent's configured region, else the one in its ARN. AWS_REGION does not count: the
     * agent lives where it was deployed.
     */
    static String regionOf(String override, AgentConfig agent, String arn) {
        if (override != null && !override.isBlank()) {
            return override;
        }
        if (agent != null && agent.region() != null && !agent.region().isBlank()) {
            return agent.region();
        }
        String[] parts = arn.split(":");
        if (parts.length > 3 && !parts[3].isBlank()) {
            return parts[3];
        }
        throw AgentCoreException.invalidInput("No region configured for agent '"
                + (agent == null ? arn : agent.name()) + "'.", "Pass --region.");
    }

    /** arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-AbCdEf1234 -> my_agent-AbCdEf1234. */
    static String runtimeIdFromArn(String arn) {
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? null : arn.substring(slash + 1);
    }
}
