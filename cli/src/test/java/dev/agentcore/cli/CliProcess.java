package dev.agentcore.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI as a real OS process on the test classpath, with exactly the environment given (nothing inherited
 * but PATH and HOME), for what in-process runs cannot show: two processes racing, the SDK's own credential chain,
 * what {@code ps} would see.
 */
public final class CliProcess {

    private final Path outFile;
    private final Path errFile;
    private final Process process;
    private final List<String> command;

    private CliProcess(Path cwd, Map<String, String> env, Path logDir, List<String> args) throws IOException {
        this.outFile = Files.createTempFile(logDir, "out", ".txt");
        this.errFile = Files.createTempFile(logDir, "err", ".txt");
        command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(outFile.toFile()).redirectError(errFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().putAll(env);
        process = pb.start();
    }

    /** Starts the CLI in {@code cwd}; stdout and stderr go to files in {@code logDir} (outside the project). */
    public static CliProcess start(Path cwd, Map<String, String> env, Path logDir, String... args) throws IOException {
        return new CliProcess(cwd, env, logDir, List.of(args));
    }

    /** An environment with no way to find real AWS credentials or config on this machine. */
    public static Map<String, String> isolatedEnv(Path emptyDir) throws IOException {
        Map<String, String> env = new HashMap<>();
        Path empty = Files.createDirectories(emptyDir);
        Path credentials = Files.writeString(empty.resolve("credentials"), "");
        Path config = Files.writeString(empty.resolve("config"), "");
        env.put("HOME", empty.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("NO_COLOR", "1");
        return env;
    }

    public long pid() {
        return process.pid();
    }

    public List<String> command() {
        return command;
    }

    /** What the process has written to stderr so far. */
    public String stderrSoFar() {
        try {
            return Files.readString(errFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGKILL, as a crash or a closed laptop would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits (bounded) and returns the result; a process still running after the bound is killed and fails. */
    public CliHarness.Result await(long seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("CLI process did not finish within " + seconds + "s: " + command.subList(
                    command.indexOf(Main.class.getName()), command.size()) + "\n--- stderr ---\n"
                    + Files.readString(errFile, StandardCharsets.UTF_8));
        }
        return new CliHarness.Result(process.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
                Files.readString(errFile, StandardCharsets.UTF_8));
    }
}
