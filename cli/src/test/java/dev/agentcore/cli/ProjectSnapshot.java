package dev.agentcore.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file and directory under a folder with its bytes, so a test can prove a refused command changed nothing on
 * disk (no file written, created, removed or left behind half-written).
 */
public record ProjectSnapshot(Map<String, String> entries) {

    public static ProjectSnapshot of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String rel = root.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    entries.put(rel + "/", "dir");
                } else {
                    byte[] bytes = Files.readAllBytes(p);
                    entries.put(rel, Files.getPosixFilePermissions(p) + " "
                            + new String(bytes, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProjectSnapshot(entries);
    }
}
