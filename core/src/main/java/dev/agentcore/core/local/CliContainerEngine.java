package dev.agentcore.core.local;

import dev.agentcore.core.AgentCoreException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** {@link ContainerEngine} over the engine's command-line client, run through a {@link ProcessRunner}. */
public final class CliContainerEngine implements ContainerEngine {

    private final String name;
    private final Path executable;
    private final ProcessRunner runner;

    public CliContainerEngine(String name, Path executable, ProcessRunner runner) {
        this.name = name;
        this.executable = executable;
        this.runner = runner;
    }

    @Override
    public String name() {
        return name;
    }

    public Path executable() {
        return executable;
    }

    @Override
    public void build(String image, Path dockerfile, Path context, String platform) {
        List<String> argv = argv("build", "-t", image);
        Path ctx = context.toAbsolutePath().normalize();
        Path df = dockerfile.toAbsolutePath().normalize();
        if (!ctx.equals(df.getParent()) || !df.getFileName().toString().equals("Dockerfile")) {
            argv.addAll(List.of("-f", df.toString()));
        }
        argv.addAll(List.of("--platform", platform, ctx.toString()));
        ProcessRunner.Result r = runner.run(ProcessRunner.Call.of(argv).in(ctx).streamedAs("  [build] "));
        if (!r.ok()) {
            throw failure("Image build failed", r, "Fix the error above (often the Dockerfile or requirements) "
                    + "and rerun; on an x86 host, building linux/arm64 needs emulation (QEMU/binfmt).");
        }
    }

    @Override
    public void login(String registry, String username, String password) {
        ProcessRunner.Result r = runner.run(ProcessRunner.Call.of(argv("login", "--username", username,
                "--password-stdin", registry)).withStdin(password).withTimeout(Duration.ofMinutes(2)));
        if (!r.ok()) {
            // the output of a failed login never contains the password: it was only on stdin
            throw failure("Failed to log in to ECR (" + registry + ")", r,
                    "Check that your credentials may call ecr:GetAuthorizationToken and push to the repository.");
        }
    }

    @Override
    public void tag(String source, String target) {
        ProcessRunner.Result r = runner.run(ProcessRunner.Call.of(argv("tag", source, target))
                .withTimeout(Duration.ofMinutes(2)));
        if (!r.ok()) {
            throw failure("Tagging " + source + " as " + target + " failed", r, null);
        }
    }

    @Override
    public void push(String image) {
        ProcessRunner.Result r = runner.run(ProcessRunner.Call.of(argv("push", image)).streamedAs("  [push] "));
        if (!r.ok()) {
            throw failure("Pushing " + image + " failed", r,
                    "Check the network and that your credentials may push to the repository; rerunning is safe.");
        }
    }

    @Override
    public ProcessRunner.Started run(RunSpec spec, boolean detached) {
        List<String> argv = argv("run");
        if (detached) {
            argv.add("-d");
        }
        argv.addAll(List.of("--rm", "-p", spec.hostPort() + ":" + spec.containerPort(), "--name", spec.containerName()));
        for (String key : new TreeMap<>(spec.env()).keySet()) {
            argv.addAll(List.of("-e", key));
        }
        argv.add(spec.image());
        return runner.start(ProcessRunner.Call.of(argv).withEnv(spec.env()).streamedAs("  [" + spec.containerName()
                + "] "), null);
    }

    @Override
    public boolean stop(String containerName) {
        ProcessRunner.Result r = runner.run(ProcessRunner.Call.of(argv("stop", containerName))
                .withTimeout(Duration.ofSeconds(60)));
        if (r.ok()) {
            return true;
        }
        String out = r.tailText().toLowerCase(Locale.ROOT);
        if (out.contains("no such container") || out.contains("not found") || out.contains("no container")) {
            return false;
        }
        throw failure("Stopping container " + containerName + " failed", r, "Stop it with '" + name + " stop "
                + containerName + "'.");
    }

    /** The error for a failed engine command, naming the usual causes the engine's output reveals. */
    AgentCoreException failure(String what, ProcessRunner.Result r, String hint) {
        if (r.timedOut()) {
            return AgentCoreException.failure(what + ": " + name + " did not finish in time.", hint);
        }
        String out = r.tailText();
        EngineDetector.Status status = EngineDetector.classify(out);
        if (status == EngineDetector.Status.DAEMON_NOT_RUNNING || status == EngineDetector.Status.PERMISSION_DENIED) {
            return AgentCoreException.failure(what + ": " + EngineDetector.describe(name, status, out),
                    EngineDetector.fixFor(name, status));
        }
        return AgentCoreException.failure(what + " (" + name + " exit " + r.exitCode() + "): " + lastLines(r.tail(), 10),
                hint);
    }

    static String lastLines(List<String> lines, int n) {
        List<String> kept = new ArrayList<>();
        for (String l : lines.subList(Math.max(0, lines.size() - n), lines.size())) {
            if (!l.isBlank()) {
                kept.add(l.strip());
            }
        }
        return kept.isEmpty() ? "(no output)" : String.join(" | ", kept);
    }

    private List<String> argv(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(executable.toString());
        argv.addAll(List.of(args));
        return argv;
    }
}
