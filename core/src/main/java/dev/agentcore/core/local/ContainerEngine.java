package dev.agentcore.core.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * A container engine (Docker, Finch or Podman: they share one command language). Failures are
 * {@link dev.agentcore.core.AgentCoreException}s that quote the engine's own last output lines.
 */
public interface ContainerEngine {

    /** docker, finch or podman. */
    String name();

    /** {@code build -t IMAGE [-f DOCKERFILE] --platform PLATFORM CONTEXT}, output streamed. */
    void build(String image, Path dockerfile, Path context, String platform);

    /** {@code login --username USER --password-stdin REGISTRY}: the password goes on stdin only. */
    void login(String registry, String username, String password);

    void tag(String source, String target);

    void push(String image);

    /**
     * Starts a container with {@code run --rm -p HOST:CONTAINER --name NAME -e KEY... IMAGE}. The environment's
     * values are handed to the engine's own environment and named in argv by key only, so no value (credentials
     * included) shows in a process list. Detached ({@code -d}) returns once the engine has started it; attached
     * streams its logs until it stops.
     */
    ProcessRunner.Started run(RunSpec spec, boolean detached);

    /** {@code stop NAME}; false when no such container is running. */
    boolean stop(String containerName);

    /** What to run: image, container name, ports and environment. */
    record RunSpec(String image, String containerName, int hostPort, int containerPort, Map<String, String> env) {
        public RunSpec {
            env = Map.copyOf(env);
        }
    }
}
