package dev.agentcore.core.local;

import dev.agentcore.core.AgentCoreException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds a usable container engine by running {@code <engine> version} (exit 0 needed), in the Python tool's order
 * (Finch, Docker, Podman), a configured engine first. Each engine's real problem is kept (not installed, daemon not
 * running, permission denied, other error) so the user is told what was tried and what to fix.
 */
public final class EngineDetector {

    /** The engines, in the Python tool's order of preference. */
    public static final List<String> ENGINES = List.of("finch", "docker", "podman");
    public static final String NONE = "none";

    public enum Status { AVAILABLE, NOT_INSTALLED, DAEMON_NOT_RUNNING, PERMISSION_DENIED, FAILED }

    /** What one engine's probe found. */
    public record Probe(String engine, Status status, String detail) {
        public String describe() {
            return EngineDetector.describe(engine, status, detail);
        }
    }

    /** The engine found (if any) and every probe made on the way. */
    public record Detection(Optional<ContainerEngine> engine, List<Probe> probes) {
        /** "finch: not installed; docker: installed, but its daemon is not running (...)". */
        public String summary() {
            return probes.stream().map(Probe::describe).collect(Collectors.joining("; "));
        }
    }

    private final ProcessRunner runner;
    private final Duration probeTimeout;

    public EngineDetector(ProcessRunner runner) {
        this(runner, Duration.ofSeconds(20));
    }

    EngineDetector(ProcessRunner runner, Duration probeTimeout) {
        this.runner = runner;
        this.probeTimeout = probeTimeout;
    }

    /** Checks that an engine name is one this tool drives (or none); exit 2 otherwise. */
    public static String requireKnown(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (!ENGINES.contains(n) && !n.equals(NONE)) {
            throw AgentCoreException.invalidInput("Unsupported container runtime '" + name + "'.",
                    "Use docker, finch, podman, or none (run the entrypoint with the host's Python).");
        }
        return n;
    }

    /** Probes the preferred engine first (when it is one of the three), then the others in the usual order. */
    public Detection detect(String preferred) {
        Set<String> order = new LinkedHashSet<>();
        if (preferred != null && ENGINES.contains(preferred.toLowerCase(Locale.ROOT))) {
            order.add(preferred.toLowerCase(Locale.ROOT));
        }
        order.addAll(ENGINES);
        return detectAmong(List.copyOf(order));
    }

    /** Probes only the named engine. */
    public Detection detectOnly(String engine) {
        return detectAmong(List.of(engine));
    }

    private Detection detectAmong(List<String> candidates) {
        List<Probe> probes = new ArrayList<>();
        for (String engine : candidates) {
            Optional<Path> exe = runner.find(engine);
            if (exe.isEmpty()) {
                probes.add(new Probe(engine, Status.NOT_INSTALLED, "not found on PATH"));
                continue;
            }
            ProcessRunner.Result r = runner.run(ProcessRunner.Call.of(List.of(exe.get().toString(), "version"))
                    .withTimeout(probeTimeout));
            if (r.ok()) {
                probes.add(new Probe(engine, Status.AVAILABLE, exe.get().toString()));
                return new Detection(Optional.of(new CliContainerEngine(engine, exe.get(), runner)), probes);
            }
            if (r.timedOut()) {
                probes.add(new Probe(engine, Status.FAILED, "'" + engine + " version' did not answer within "
                        + probeTimeout.toSeconds() + "s"));
                continue;
            }
            Status status = classify(r.tailText());
            probes.add(new Probe(engine, status == Status.AVAILABLE ? Status.FAILED : status,
                    CliContainerEngine.lastLines(r.tail(), 2) + " (exit " + r.exitCode() + ")"));
        }
        return new Detection(Optional.empty(), probes);
    }

    /** Reads an engine's error output for the usual causes. */
    static Status classify(String output) {
        String o = output.toLowerCase(Locale.ROOT);
        if (o.contains("permission denied")) {
            return Status.PERMISSION_DENIED;
        }
        if (o.contains("cannot connect to the docker daemon") || o.contains("is the docker daemon running")
                || o.contains("cannot connect to podman") || o.contains("error during connect")
                || o.contains("connection refused") || o.contains("podman machine")
                || o.contains("vm is not running") || o.contains("finch vm") || o.contains("daemon is not running")
                || o.contains("no such file or directory") && o.contains(".sock")) {
            return Status.DAEMON_NOT_RUNNING;
        }
        return Status.FAILED;
    }

    static String describe(String engine, Status status, String detail) {
        return switch (status) {
            case AVAILABLE -> engine + ": available";
            case NOT_INSTALLED -> engine + ": not installed";
            case DAEMON_NOT_RUNNING -> engine + ": installed, but its daemon/VM is not running (" + detail + ")";
            case PERMISSION_DENIED -> engine + ": installed, but permission was denied (" + detail + ")";
            case FAILED -> engine + ": '" + engine + " version' failed: " + detail;
        };
    }

    /** How to fix one engine's problem. */
    static String fixFor(String engine, Status status) {
        return switch (status) {
            case DAEMON_NOT_RUNNING -> switch (engine) {
                case "finch" -> "Start Finch's VM: 'finch vm init' (first time) or 'finch vm start'.";
                case "podman" -> "Start Podman: 'podman machine start' (macOS/Windows) or "
                        + "'systemctl --user start podman.socket' (Linux).";
                default -> "Start Docker: open Docker Desktop, or 'sudo systemctl start docker' on Linux.";
            };
            case PERMISSION_DENIED -> "docker".equals(engine)
                    ? "Add your user to the docker group ('sudo usermod -aG docker $USER', then log in again)."
                    : "Check that your user may use " + engine + "'s socket.";
            default -> installHint();
        };
    }

    /** The one install hint, for when no engine is usable. */
    public static String installHint() {
        return "Install and start one of: Docker (https://docs.docker.com/get-docker/), Finch "
                + "(https://github.com/runfinch/finch), Podman (https://podman.io/getting-started/installation).";
    }

    /** The most useful fix among the probes: a daemon to start beats an engine to install. */
    public static String fixFor(Detection detection) {
        for (Status wanted : List.of(Status.DAEMON_NOT_RUNNING, Status.PERMISSION_DENIED)) {
            for (Probe p : detection.probes()) {
                if (p.status() == wanted) {
                    return fixFor(p.engine(), wanted);
                }
            }
        }
        return installHint();
    }
}
