package dev.agentcore.core.configure;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What configure did: the agent as written to the YAML, where its Dockerfile and .dockerignore are and what happened
 * to them, and what the user should know (notes are informational, warnings deserve attention).
 */
public record ConfigureResult(
        String agentName,
        Path configFile,
        Map<String, Object> agent,
        Path dockerfile,
        DockerfileAction dockerfileAction,
        Path dockerignore,
        boolean dockerignoreCreated,
        List<String> notes,
        List<String> warnings,
        List<ModelIdCheck.Warning> modelIdWarnings) {

    public enum DockerfileAction {
        /** Written from the template (first time, or replacing our own unedited file). */
        GENERATED,
        /** Our earlier file, edited by the user: kept as it is. */
        KEPT_EDITED,
        /** The build context has its own Dockerfile: used as it is, nothing generated. */
        USER_DOCKERFILE
    }

    public ConfigureResult {
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        modelIdWarnings = List.copyOf(modelIdWarnings);
    }
}
