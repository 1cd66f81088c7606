package dev.agentcore.core.configure;

import dev.agentcore.core.AgentCoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The agent's Python dependency file: a pip requirements file ({@code *.txt}, {@code *.in}) or a
 * {@code pyproject.toml} inside the project (spec §4.2). {@code file} is absolute and real.
 */
public record DependencyFile(Path file) {

    /** Whether this is a pyproject.toml (installed with {@code uv pip install .} in its directory). */
    public boolean isPyproject() {
        return file.getFileName().toString().equals("pyproject.toml");
    }

    /** requirements.txt then pyproject.toml, first next to the entrypoint, then in the project root. */
    public static Optional<DependencyFile> detect(Entrypoint entrypoint) {
        for (Path dir : List.of(entrypoint.directory(), entrypoint.projectDir())) {
            for (String name : List.of("requirements.txt", "pyproject.toml")) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(new DependencyFile(candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** A file the user named: it must exist, be a file inside the project, and have a supported format. */
    public static DependencyFile require(Path projectDir, String input) {
        if (input == null || input.isBlank()) {
            throw AgentCoreException.invalidInput("No requirements file specified and none found automatically.",
                    "Add a requirements.txt or pyproject.toml, or pass --requirements-file PATH.");
        }
        Path path = projectDir.resolve(input.strip()).normalize();
        if (!Files.exists(path)) {
            throw AgentCoreException.invalidInput("File not found: " + input.strip(),
                    "Give the path relative to " + projectDir + ".");
        }
        if (Files.isDirectory(path)) {
            throw AgentCoreException.invalidInput("Path is a directory, not a file: " + input.strip(),
                    "Name the requirements.txt or pyproject.toml inside it.");
        }
        Path real;
        Path project;
        try {
            real = path.toRealPath();
            project = projectDir.toRealPath();
        } catch (IOException e) {
            throw AgentCoreException.invalidInput("File not found: " + input.strip());
        }
        if (!real.startsWith(project)) {
            throw AgentCoreException.invalidInput("Requirements file must be within project directory. File: "
                    + real + ", Project: " + project, "Copy the file into the project.");
        }
        String name = real.getFileName().toString();
        if (!(name.endsWith(".txt") || name.endsWith(".in") || name.equals("pyproject.toml"))) {
            throw AgentCoreException.invalidInput("'" + name + "' is not a supported dependency file. Supported "
                    + "formats: *.txt, *.in (pip requirements), or pyproject.toml", null);
        }
        return new DependencyFile(real);
    }
}
