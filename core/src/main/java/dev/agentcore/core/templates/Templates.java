package dev.agentcore.core.templates;

import dev.agentcore.core.AgentCoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the files under {@code templates/} (shipped inside core). Placeholders are {@code {{name}}}; a
 * placeholder without a value is an error, so a template and its caller cannot drift apart silently.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private Templates() {
    }

    /** The raw text of {@code templates/<name>}. */
    public static String load(String name) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream("templates/" + name)) {
            if (in == null) {
                throw AgentCoreException.failure("Template '" + name + "' is missing from this build.",
                        "Rebuild the tool (scripts/build).");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot read template '" + name + "': " + e.getMessage());
        }
    }

    /** {@code templates/<name>} with every {@code {{key}}} replaced by its value. */
    public static String render(String name, Map<String, String> values) {
        return fill(load(name), values, name);
    }

    static String fill(String text, Map<String, String> values, String name) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("Template " + name + " needs a value for {{" + key + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
