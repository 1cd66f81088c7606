package dev.agentcore.core.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.agentcore.core.AgentCoreException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What a running {@code launch --local} left behind so that {@code launch --local --stop} (another process) can stop
 * it: {@code .bedrock_agentcore/<agent>/local-run.json}. The process start time guards against stopping an unrelated
 * process that got the same pid later. No environment values are recorded.
 */
public record LocalRunState(String agent, String mode, long pid, String processStart, String engine,
                            String container, int port, String logFile) {

    public static final String MODE_PROCESS = "process";
    public static final String MODE_CONTAINER = "container";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static Path file(Path projectDir, String agent) {
        return projectDir.resolve(".bedrock_agentcore").resolve(agent).resolve("local-run.json");
    }

    public static Optional<LocalRunState> load(Path projectDir, String agent) {
        Path f = file(projectDir, agent);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(f, StandardCharsets.UTF_8), LocalRunState.class));
        } catch (IOException e) {
            // a damaged state file must not block a new launch: treat it as nothing running
            return Optional.empty();
        }
    }

    public void save(Path projectDir) {
        Path f = file(projectDir, agent);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), "local-run", ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this),
                    StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot write " + f + ": " + e.getMessage());
        }
    }

    public static void delete(Path projectDir, String agent) {
        try {
            Files.deleteIfExists(file(projectDir, agent));
        } catch (IOException ignored) {
            // nothing to clean up then
        }
    }

    /** The recorded process, if it is still the same one (same pid and start time) and alive. */
    public Optional<ProcessHandle> liveProcess() {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> processStart == null
                || h.info().startInstant().map(i -> i.toString().equals(processStart)).orElse(true));
    }

    static String startOf(ProcessHandle h) {
        return h.info().startInstant().map(Object::toString).orElse(null);
    }
}
