package dev.agentcore.core.local;

import dev.agentcore.core.AgentCoreException;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs external programs (container engines, the agent's Python) with the environment of the command, not the
 * JVM's: executables are found on that environment's PATH, and children get that environment plus the call's
 * additions. Output is read as UTF-8, optionally streamed line by line to the progress stream with a prefix, and the
 * last lines are kept for error messages. Every wait is bounded.
 */
public final class ProcessRunner {

    static final int TAIL_LINES = 40;

    private final Map<String, String> env;
    private final PrintWriter progress;

    /** One program to run: its argv, working directory, extra environment, stdin text and time limit. */
    public record Call(List<String> argv, Path cwd, Map<String, String> env, String stdin, Duration timeout,
                       String prefix, boolean held) {
        public Call {
            argv = List.copyOf(argv);
            env = env == null ? Map.of() : Map.copyOf(env);
        }

        public static Call of(List<String> argv) {
            return new Call(argv, null, Map.of(), null, Duration.ofMinutes(30), null, false);
        }

        public Call in(Path dir) { return new Call(argv, dir, env, stdin, timeout, prefix, held); }

        /** Extra environment for the child (values never appear in argv or output). */
        public Call withEnv(Map<String, String> extra) {
            return new Call(argv, cwd, extra, stdin, timeout, prefix, held);
        }

        /** Text written to the child's stdin (how secrets reach a program without its argv). */
        public Call withStdin(String text) { return new Call(argv, cwd, env, text, timeout, prefix, held); }

        public Call withTimeout(Duration limit) { return new Call(argv, cwd, env, stdin, limit, prefix, held); }

        /** Streams each output line to the progress stream, prefixed. Without it the output is only kept. */
        public Call streamedAs(String linePrefix) {
            return new Call(argv, cwd, env, stdin, timeout, linePrefix, held);
        }

        /**
         * Holds the streamed lines back until {@link Started#release()}: a program that fails while starting is
         * then explained in one message instead of its raw output (a Python traceback, say).
         */
        public Call heldUntilReleased() { return new Call(argv, cwd, env, stdin, timeout, prefix, true); }
    }

    /** How a finished program ended, with its last output lines (stdout and stderr merged). */
    public record Result(int exitCode, List<String> tail, boolean timedOut) {
        public boolean ok() {
            return exitCode == 0 && !timedOut;
        }

        public String tailText() {
            return String.join("\n", tail);
        }
    }

    /** A program still running, with its output pumped by a background thread. */
    public static final class Started {
        private final Process process;
        private final Deque<String> tail;
        private final List<String> pending = new ArrayList<>();
        private boolean held;
        private Thread pump;
        private final String prefix;
        private final PrintWriter progress;

        Started(Process process, Deque<String> tail, boolean held, String prefix, PrintWriter progress) {
            this.process = process;
            this.tail = tail;
            this.held = held;
            this.prefix = prefix;
            this.progress = progress;
        }

        /** Prints the lines held back so far and streams the rest as they come. */
        public void release() {
            synchronized (tail) {
                for (String line : pending) {
                    progress.println(prefix + line);
                }
                pending.clear();
                held = false;
            }
            progress.flush();
        }

        void accept(String line) {
            synchronized (tail) {
                tail.addLast(line);
                if (tail.size() > TAIL_LINES) {
                    tail.removeFirst();
                }
                if (prefix == null) {
                    return;
                }
                if (held) {
                    pending.add(line);
                    return;
                }
            }
            progress.println(prefix + line);
            progress.flush();
        }

        public Process process() { return process; }

        public long pid() { return process.pid(); }

        /** The last output lines read so far (empty when output goes to a file). */
        public List<String> tail() {
            synchronized (tail) {
                return new ArrayList<>(tail);
            }
        }

        /** Waits for the output pump to finish after the process ended, so the tail is complete. */
        public void drain(Duration limit) {
            if (pump != null) {
                try {
                    pump.join(limit.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    public ProcessRunner(Map<String, String> env, PrintWriter progress) {
        this.env = Map.copyOf(env);
        this.progress = progress;
    }

    public Map<String, String> env() {
        return env;
    }

    /** The executable's path on this environment's PATH (a name with a separator is taken as a path). */
    public Optional<Path> find(String name) {
        return find(env, name);
    }

    /** The executable's path on the given environment's PATH, without making a runner. */
    public static Optional<Path> find(Map<String, String> env, String name) {
        if (name.contains("/") || name.contains(File.separator)) {
            Path p = Path.of(name);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = env.getOrDefault("PATH", "");
        boolean windows = File.separatorChar == '\\';
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String candidate : windows ? List.of(name + ".exe", name + ".cmd", name) : List.of(name)) {
                Path p = Path.of(dir, candidate);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Runs the program to its end (or its time limit, after which its process tree is killed). */
    public Result run(Call call) {
        Started started = start(call, null);
        Process p = started.process();
        boolean finished;
        try {
            finished = p.waitFor(call.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            ProcessTree.stop(p.toHandle(), Duration.ofSeconds(5));
            started.drain(Duration.ofSeconds(5));
            return new Result(-1, started.tail(), true);
        }
        started.drain(Duration.ofSeconds(10));
        return new Result(p.exitValue(), started.tail(), false);
    }

    /**
     * Starts the program and returns at once. Output goes to {@code logFile} (appended) when given, else it is
     * pumped (and streamed when the call has a prefix) by a daemon thread.
     */
    public Started start(Call call, Path logFile) {
        List<String> argv = new ArrayList<>(call.argv());
        argv.set(0, find(argv.get(0)).map(Path::toString).orElseThrow(() -> AgentCoreException.failure(
                "'" + argv.get(0) + "' was not found on PATH.", "Install it or add its folder to PATH.")));
        ProcessBuilder pb = new ProcessBuilder(argv);
        if (call.cwd() != null) {
            pb.directory(call.cwd().toFile());
        }
        Map<String, String> childEnv = pb.environment();
        childEnv.clear();
        childEnv.putAll(env);
        childEnv.putAll(call.env());
        if (logFile != null) {
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        } else {
            pb.redirectErrorStream(true);
        }
        if (call.stdin() == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")));
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot start " + argv.get(0) + ": " + e.getMessage(), null, e);
        }
        if (call.stdin() != null) {
            try (OutputStream in = process.getOutputStream()) {
                in.write(call.stdin().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the program closed its stdin early; its exit code tells what happened
            }
        }
        Started started = new Started(process, new ArrayDeque<>(), call.held(), call.prefix(), progress);
        if (logFile == null) {
            Thread pump = new Thread(() -> pump(process.getInputStream(), started), "output-" + process.pid());
            pump.setDaemon(true);
            started.pump = pump;
            pump.start();
        }
        return started;
    }

    private static void pump(InputStream stream, Started started) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                started.accept(line);
            }
        } catch (IOException e) {
            // the stream closed with the process
        }
    }

    /** The last lines of a log file, for an error message. */
    public static List<String> tailOf(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

}
