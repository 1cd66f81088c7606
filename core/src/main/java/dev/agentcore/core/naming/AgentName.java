package dev.agentcore.core.naming;

import dev.agentcore.core.AgentCoreException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The agent-name rule, the same as the AgentCore API's {@code AgentRuntimeName} pattern
 * {@code [a-zA-Z][a-zA-Z0-9_]{0,47}}: a name that passes here is never refused by the service.
 */
public final class AgentName {

    public static final int MAX_LENGTH = 48;
    private static final Pattern VALID = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");

    private AgentName() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Returns the name, or throws an invalid-input error naming the broken rule and proposing a valid name. */
    public static String require(String name) {
        String problem = problem(name);
        if (problem == null) {
            return name;
        }
        String suggestion = suggest(name);
        String hint = suggestion.equals(name) || suggestion.isEmpty()
                ? "Use letters, digits and underscores, starting with a letter, e.g. my_agent."
                : "Try '" + suggestion + "'.";
        throw AgentCoreException.invalidInput(
                "Invalid agent name '" + (name == null ? "" : name) + "': " + problem + ". Must start with a letter, "
                        + "contain only letters/numbers/underscores, and be 1-48 characters long.", hint);
    }

    /** Which rule the name breaks, or null when it is valid. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "it is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "it is " + name.length() + " characters long (at most " + MAX_LENGTH + ")";
        }
        char first = name.charAt(0);
        if (!isAsciiLetter(first)) {
            return "it starts with '" + first + "', not a letter";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_')) {
                return "it contains '" + c + "'";
            }
        }
        return null;
    }

    /**
     * A valid name close to the given text: other characters become '_', runs of '_' collapse, a name that
     * does not start with a letter gets the prefix 'agent_', and it is cut to 48 characters.
     */
    public static String suggest(String text) {
        if (text == null) {
            return "agent";
        }
        String replaced = text.strip().replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+", "_");
        replaced = replaced.replaceAll("^_+", "").replaceAll("_+$", "");
        if (replaced.isEmpty()) {
            return "agent";
        }
        if (!isAsciiLetter(replaced.charAt(0))) {
            replaced = "agent_" + replaced;
        }
        if (replaced.length() > MAX_LENGTH) {
            replaced = replaced.substring(0, MAX_LENGTH).replaceAll("_+$", "");
        }
        return replaced;
    }

    /** The ECR repository name the Python tool derives: lower case, safe characters only. */
    public static String ecrRepositoryName(String agentName) {
        String s = agentName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_\\-/]", "-");
        if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0))) {
            s = "a" + s;
        }
        s = s.replaceAll("[-_]{2,}", "-").replaceAll("[-_]+$", "");
        if (s.length() < 2) {
            s = s + "-agent";
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
