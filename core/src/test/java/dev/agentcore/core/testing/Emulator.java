package dev.agentcore.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One emulated AWS account per test JVM: the project's launcher ({@code emulator/agentcore_emulator.py}, moto 5.2.1
 * with the gaps our flow notices fixed) on a free loopback port. The process holds our pipe on its stdin and exits
 * when it closes, so no python process outlives the JVM, even when the shutdown hook does not run.
 *
 * <p>Missing python3 or moto is a test failure with instructions, never a silent skip.
 */
public final class Emulator {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-west-2";
    static final String INSTALL_HINT = "pip install 'moto[server]==5.2.1'";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Emulator shared;
    /** A start that failed fails every later test the same way, without trying again. */
    private static RuntimeException startFailure;

    private final Process process;
    private final OutputStream lifeline;
    private final String endpoint;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Duration startup;

    private Emulator(Process process, OutputStream lifeline, String endpoint, Path logFile) {
        this.process = process;
        this.lifeline = lifeline;
        this.endpoint = endpoint;
        this.logFile = logFile;
    }

    /** The JVM's emulator, started on first use. */
    public static synchronized Emulator shared() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            System.err.println("AWS emulator at " + shared.endpoint + " answered after "
                    + shared.startup.toMillis() + " ms");
            Emulator started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "emulator-stop"));
        }
        return shared;
    }

    /** e.g. http://127.0.0.1:41234 */
    public String endpoint() {
        return endpoint;
    }

    /** How long start-up took, until the server answered. */
    public Duration startupTime() {
        return startup;
    }

    /** What the CLI needs to talk to the emulator: endpoint, fake credentials, region. */
    public Map<String, String> env() {
        return Map.of(
                "AWS_ENDPOINT_URL", endpoint,
                "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_REGION", REGION);
    }

    /** Forgets every emulated resource (moto's reset). Tests sharing the JVM should rather use unique names. */
    public void reset() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("emulator reset failed: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * A JSON dump of the emulated resources (ECR repositories and images, IAM roles with policies and tags, S3
     * buckets with object keys and ETags, CodeBuild projects and builds, log groups and streams, AgentCore
     * runtimes and endpoints), keys sorted: equal strings mean nothing changed.
     */
    public String state() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(endpoint + "/_emulator/state")).GET().build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("emulator state failed: HTTP " + r.statusCode() + " " + r.body()
                    + "\n" + logTail());
        }
        return r.body();
    }

    /** {@link #state()} parsed, for assertions on parts of it. */
    public JsonNode stateTree() {
        try {
            return JSON.readTree(state());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines the emulator wrote on stderr: worth attaching to a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no emulator log: " + e.getMessage() + ")";
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("emulator at " + endpoint + " did not answer\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the process may already be gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Emulator start() {
        Instant begin = Instant.now();
        String python = System.getenv().getOrDefault("AGENTCORE_TEST_PYTHON", "python3");
        Path script = extractLauncher();
        Path log;
        try {
            log = Files.createTempFile("agentcore-emulator", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.toFile().deleteOnExit();
        Process process;
        try {
            process = new ProcessBuilder(python, script.toString(), "--port", "0")
                    .redirectError(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the AWS emulator: '" + python + "' is not runnable ("
                    + e.getMessage() + "). Install Python 3 and moto: " + INSTALL_HINT
                    + " (or point AGENTCORE_TEST_PYTHON at a python3 that has it).", e);
        }
        String port = readReadyLine(process, log);
        String endpoint = "http://127.0.0.1:" + port;
        Emulator emulator = new Emulator(process, process.getOutputStream(), endpoint, log);
        emulator.awaitAnswer(begin);
        emulator.startup = Duration.between(begin, Instant.now());
        return emulator;
    }

    /** The launcher prints "EMULATOR READY <port>" once it listens; anything else means it could not start. */
    private static String readReadyLine(Process process, Path log) {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String ready;
        try {
            ready = line.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The AWS emulator did not start within " + START_TIMEOUT.toSeconds()
                    + " s.\n" + tail(log));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("The AWS emulator did not start: " + e + "\n" + tail(log), e);
        }
        if (ready == null || !ready.startsWith("EMULATOR READY ")) {
            process.destroyForcibly();
            String err = tail(log);
            String hint = err.contains("No module named") ? "moto (with its server extras) is missing for "
                    + "python3. Install it: " + INSTALL_HINT + "\n" : "";
            throw new IllegalStateException("The AWS emulator failed to start. " + hint + err);
        }
        return ready.substring("EMULATOR READY ".length()).trim();
    }

    /** Bounded poll until the server answers HTTP. */
    private void awaitAnswer(Instant begin) {
        Instant deadline = begin.plus(START_TIMEOUT);
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/_emulator/state"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                stop();
                throw new IllegalStateException("The AWS emulator at " + endpoint + " never answered.\n"
                        + logTail());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The launcher may sit inside the core test-jar (cli tests): copy it to a file python can run. */
    private static Path extractLauncher() {
        try (InputStream in = Emulator.class.getResourceAsStream("/emulator/agentcore_emulator.py")) {
            if (in == null) {
                throw new IllegalStateException("emulator/agentcore_emulator.py is not on the test classpath");
            }
            Path file = Files.createTempFile("agentcore_emulator", ".py");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
