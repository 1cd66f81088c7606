package dev.agentcore.core.starter;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.naming.AgentName;
import dev.agentcore.core.templates.Templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code agentcore create}: a new agent folder from {@code templates/starter/<template>/} — an entrypoint on
 * {@code BedrockAgentCoreApp}, a requirements.txt and a README with the next commands.
 */
public final class StarterAgent {

    public static final List<String> TEMPLATES = List.of("basic", "streaming");
    static final List<String> FILES = List.of("agent.py", "requirements.txt", "README.md");

    /** The folder written and its files. */
    public record Created(Path folder, List<Path> files) { }

    private StarterAgent() {
    }

    public static Created create(Path parent, String name, String template) {
        AgentName.require(name);
        String t = template == null ? "basic" : template.toLowerCase(Locale.ROOT);
        if (!TEMPLATES.contains(t)) {
            throw AgentCoreException.invalidInput("Unknown template '" + template + "'.",
                    "Use one of: " + String.join(", ", TEMPLATES) + ".");
        }
        Path folder = parent.resolve(name);
        if (Files.exists(folder)) {
            throw AgentCoreException.invalidInput("'" + folder + "' already exists; not overwriting it.",
                    "Choose another name, or move the existing folder away.");
        }
        Map<String, String> values = Map.of("name", name);
        List<String> texts = new ArrayList<>();
        for (String file : FILES) {
            texts.add(Templates.render("starter/" + t + "/" + file, values));
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < FILES.size(); i++) {
                Path f = folder.resolve(FILES.get(i));
                Files.writeString(f, texts.get(i), StandardCharsets.UTF_8);
                written.add(f);
            }
        } catch (IOException e) {
            deleteQuietly(folder);
            throw AgentCoreException.failure("Cannot write " + folder + ": " + e.getMessage());
        }
        return new Created(folder, written);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the error about the write is what matters
        }
    }
}
