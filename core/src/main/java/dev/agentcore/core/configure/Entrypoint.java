package dev.agentcore.core.configure;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.naming.AgentName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The agent's entrypoint: a Python file inside the project, given directly or found in a directory (spec §1.2 step
 * 2). {@code file} is absolute and real; {@code relative} is its {@code /}-separated path from the project.
 */
public record Entrypoint(Path projectDir, Path file, String relative) {

    /** Looked for, in this order, when the entrypoint given is a directory. */
    public static final List<String> CANDIDATES = List.of("agent.py", "app.py", "main.py", "__main__.py");

    /** File names too generic to name an agent when they sit in the project root. */
    private static final Set<String> GENERIC = Set.of("main", "app", "__main__");

    /** Resolves what the user typed (a file, a directory, or blank for the project directory). */
    public static Entrypoint resolve(Path projectDir, String input) {
        Path project = real(projectDir);
        String given = input == null || input.isBlank() ? "." : input.strip();
        Path path = project.resolve(given).normalize();
        if (!Files.exists(path)) {
            throw AgentCoreException.invalidInput("Path not found: " + given,
                    "Give the agent's Python file relative to " + project + ", e.g. -e agent.py.");
        }
        Path resolved = real(path);
        if (!resolved.startsWith(project)) {
            throw AgentCoreException.invalidInput("Path must be within the current directory: " + given
                    + ". External paths are not supported for project portability.",
                    "Run agentcore configure from a directory that contains the agent.");
        }
        if (Files.isDirectory(resolved)) {
            resolved = findIn(resolved, given);
        }
        String name = resolved.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".py")) {
            throw AgentCoreException.invalidInput("The entrypoint " + given + " is not a Python file (.py).",
                    "This version deploys Python agents: pass the agent's .py file.");
        }
        String rel = project.relativize(resolved).toString().replace('\\', '/');
        return new Entrypoint(project, resolved, rel);
    }

    private static Path findIn(Path dir, String given) {
        List<String> found = new ArrayList<>();
        for (String candidate : CANDIDATES) {
            if (Files.isRegularFile(dir.resolve(candidate))) {
                found.add(candidate);
            }
        }
        if (found.isEmpty()) {
            throw AgentCoreException.invalidInput("No entrypoint file found in " + given + ". Expected one of: "
                    + String.join(", ", CANDIDATES) + ".", "Specify the file, e.g. -e " + join(given, "your_agent.py"));
        }
        if (found.size() > 1) {
            throw AgentCoreException.invalidInput("Multiple entrypoint files found in " + given + ": "
                    + String.join(", ", found) + ".", "Specify the file, e.g. -e " + join(given, found.get(0)));
        }
        return dir.resolve(found.get(0));
    }

    private static String join(String dir, String file) {
        return dir.equals(".") ? file : dir.replaceAll("/+$", "") + "/" + file;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw AgentCoreException.invalidInput("Path not found: " + path, null);
        }
    }

    /** The directory holding the entrypoint: the build context unless the dependency file widens it. */
    public Path directory() {
        return file.getParent();
    }

    /** Absolute, {@code /}-separated path as the Python tool stores it. */
    public String posixPath() {
        return file.toString().replace('\\', '/');
    }

    /**
     * The name the Python tool infers (path from the project without extension, separators, spaces and '-' as
     * '_'), except for a generic file name in the project root, where the project directory names the agent.
     */
    public InferredName inferName() {
        String stem = relative.replaceAll("\\.(py|ts|tsx|js|jsx)$", "");
        String inferred = stem.replaceAll("[/\\\\ -]", "_");
        if (!relative.contains("/") && GENERIC.contains(stem)) {
            String dirName = projectDir.getFileName() == null ? "agent" : projectDir.getFileName().toString();
            String fromDir = AgentName.suggest(dirName);
            return new InferredName(fromDir, "'" + stem + "' is too generic to name the agent: using the project "
                    + "directory's name instead");
        }
        if (AgentName.isValid(inferred)) {
            return new InferredName(inferred, null);
        }
        String suggested = AgentName.suggest(inferred);
        return new InferredName(suggested, "'" + inferred + "' is not a valid agent name: using '" + suggested + "'");
    }

    /** A derived agent name, with why it differs from the Python tool's inference (or null). */
    public record InferredName(String name, String note) {
    }
}
