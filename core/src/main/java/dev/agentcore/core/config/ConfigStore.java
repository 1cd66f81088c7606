package dev.agentcore.core.config;

import dev.agentcore.core.AgentCoreException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and writes {@code .bedrock_agentcore.yaml} in a project directory. Writes are atomic (temporary file, then
 * rename) and serialised by a lock file, so two processes configuring at once both land; a malformed file is
 * reported with its line and never overwritten.
 */
public final class ConfigStore {

    private final Path file;

    public ConfigStore(Path projectDir) {
        this.file = projectDir.resolve(ProjectConfig.FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The project config, or empty when the file does not exist. */
    public Optional<ProjectConfig> load() {
        if (!exists()) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot read " + file + ": " + e.getMessage());
        }
        return Optional.of(parse(text));
    }

    /** The project config; a clear error naming configure when there is none. */
    public ProjectConfig require() {
        return load().orElseThrow(() -> AgentCoreException.invalidInput(
                ProjectConfig.FILE_NAME + " not found in " + file.getParent() + ".",
                "Run 'agentcore configure --entrypoint <file>' first."));
    }

    /**
     * Reads the file under the lock, applies the change and writes it back atomically. The change sees the latest
     * content, so concurrent updates from other processes are not lost.
     */
    public <T> T update(Function<ProjectConfig, T> change) {
        try {
            // the lock lives beside the generated files, not as clutter in the user's project root
            Path lockFile = lockFile();
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                ProjectConfig config = load().orElseGet(ProjectConfig::empty);
                T result = change.apply(config);
                write(config);
                return result;
            }
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Deletes the file (destroy, when no agent is left). */
    public void delete() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(lockFile());
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot delete " + file + ": " + e.getMessage());
        }
    }

    private Path lockFile() {
        return file.toAbsolutePath().getParent().resolve(".bedrock_agentcore").resolve(".config.lock");
    }

    public static ProjectConfig parse(String text) {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw AgentCoreException.invalidInput(ProjectConfig.FILE_NAME + " is not valid YAML" + where + ": "
                    + firstLine(e.getProblem()), "Fix the file by hand (it was left untouched), or move it away and "
                    + "run 'agentcore configure' again.");
        } catch (YAMLException e) {
            throw AgentCoreException.invalidInput(ProjectConfig.FILE_NAME + " is not valid YAML: "
                    + firstLine(e.getMessage()), "Fix the file by hand (it was left untouched).");
        }
        if (parsed == null) {
            return ProjectConfig.empty();
        }
        if (!(parsed instanceof Map)) {
            throw AgentCoreException.invalidInput(ProjectConfig.FILE_NAME + " must hold a mapping with 'agents', not "
                    + parsed.getClass().getSimpleName().toLowerCase() + ".", "Fix the file by hand (it was left untouched).");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) parsed;
        Object agents = root.get("agents");
        if (agents != null && !(agents instanceof Map)) {
            throw AgentCoreException.invalidInput(ProjectConfig.FILE_NAME + ": 'agents' must be a mapping of agent "
                    + "names to settings.", "Fix the file by hand (it was left untouched).");
        }
        if (agents instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof Map)) {
                    throw AgentCoreException.invalidInput(ProjectConfig.FILE_NAME + ": agent '" + e.getKey()
                            + "' must be a mapping of settings.", "Fix the file by hand (it was left untouched).");
                }
            }
        }
        return new ProjectConfig(root);
    }

    public static String render(ProjectConfig config) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(4096);
        return new Yaml(new Representer(options), options).dump(config.tree());
    }

    private void write(ProjectConfig config) throws IOException {
        String text = render(config);
        boolean created = !Files.exists(file);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".bedrock_agentcore.", ".tmp");
        try {
            restrictToOwner(tmp);
            if (!created) {
                copyPermissions(file, tmp);
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrictToOwner(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException | IOException ignored) {
            // keep owner-only
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
