package dev.agentcore.core.packaging;

import dev.agentcore.core.AgentCoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} with Docker's own rules (moby/patternmatcher and its {@code ignorefile} reader): comments,
 * trimming, Go {@code filepath.Clean}, a leading {@code /} dropped, {@code * ? [..]} not crossing {@code /},
 * {@code **} for any number of directories, {@code !} exceptions where the last matching pattern wins, and a pattern
 * that matches a directory excluding everything below it. The match types (exact, prefix, suffix, regexp) are kept
 * as moby has them because they differ at the edges (for example {@code **foo} matches {@code xfoo}).
 */
public final class DockerIgnore {

    private static final DockerIgnore NONE = new DockerIgnore(List.of());

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Nothing excluded. */
    public static DockerIgnore none() {
        return NONE;
    }

    /** Parses the text of a {@code .dockerignore}; a bad pattern is an error naming its line. */
    public static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            // Docker tests for the comment before trimming: "  # x" is a pattern, not a comment.
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            try {
                rules.add(Rule.of(pattern));
            } catch (IllegalArgumentException e) {
                throw AgentCoreException.invalidInput(".dockerignore line " + (i + 1) + ": " + e.getMessage(),
                        "Fix or remove that line; patterns follow https://docs.docker.com/build/concepts/context/#dockerignore-files");
            }
        }
        return new DockerIgnore(rules);
    }

    /** The cleaned patterns, exceptions with their leading {@code !}. */
    public List<String> patterns() {
        return rules.stream().map(r -> (r.exclusion ? "!" : "") + r.cleaned).toList();
    }

    /**
     * Whether a path (relative to the context, {@code /}-separated) is left out of the context: the last pattern
     * matching the path, or one of its parent directories, decides (moby's {@code MatchesOrParentMatches}).
     */
    public boolean excluded(String relativePath) {
        String file = goClean(relativePath);
        int slash = file.lastIndexOf('/');
        String[] parents = slash < 0 ? new String[0] : file.substring(0, slash).split("/");
        boolean matched = false;
        for (Rule rule : rules) {
            // An inclusion cannot change an already excluded path, nor an exception a path not yet excluded.
            if (rule.exclusion != matched) {
                continue;
            }
            boolean match = rule.matches(file);
            if (!match) {
                StringBuilder parent = new StringBuilder();
                for (String dir : parents) {
                    if (parent.length() > 0) {
                        parent.append('/');
                    }
                    parent.append(dir);
                    if (rule.matches(parent.toString())) {
                        match = true;
                        break;
                    }
                }
            }
            if (match) {
                matched = !rule.exclusion;
            }
        }
        return matched;
    }

    /**
     * Whether some exception could re-include a path below this directory. When not, an excluded directory can be
     * skipped without reading it (node_modules, .git). Conservative: true when unsure.
     */
    public boolean mayIncludeBelow(String relativeDir) {
        String[] dirs = goClean(relativeDir).split("/");
        for (Rule rule : rules) {
            if (!rule.exclusion) {
                continue;
            }
            if (rule.cleaned.contains("**")) {
                return true;
            }
            String[] segments = rule.cleaned.split("/");
            if (segments.length <= dirs.length) {
                continue;
            }
            boolean prefix = true;
            for (int i = 0; i < dirs.length && prefix; i++) {
                prefix = segmentPattern(segments[i]).matcher(dirs[i]).matches();
            }
            if (prefix) {
                return true;
            }
        }
        return false;
    }

    private enum MatchType { EXACT, PREFIX, SUFFIX, REGEXP }

    private static final class Rule {
        final boolean exclusion;
        final String cleaned;
        final MatchType type;
        final Pattern regexp;

        private Rule(boolean exclusion, String cleaned, MatchType type, Pattern regexp) {
            this.exclusion = exclusion;
            this.cleaned = cleaned;
            this.type = type;
            this.regexp = regexp;
        }

        static Rule of(String line) {
            // ignorefile.ReadAll: split off '!', clean, drop a leading '/', then the matcher cleans again.
            boolean exclusion = line.charAt(0) == '!';
            String p = exclusion ? line.substring(1).strip() : line;
            if (!p.isEmpty()) {
                p = goClean(p);
                if (p.length() > 1 && p.charAt(0) == '/') {
                    p = p.substring(1);
                }
            }
            if (p.isEmpty()) {
                throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
            }
            return compile(exclusion, p);
        }

        private static Rule compile(boolean exclusion, String p) {
            StringBuilder re = new StringBuilder("^");
            MatchType type = MatchType.EXACT;
            int i = 0;
            for (int token = 0; i < p.length(); token++) {
                char ch = p.charAt(i++);
                if (ch == '*') {
                    if (i < p.length() && p.charAt(i) == '*') {
                        i++;
                        if (i < p.length() && p.charAt(i) == '/') {
                            i++;
                        }
                        if (i >= p.length()) {
                            if (type == MatchType.EXACT) {
                                type = MatchType.PREFIX;
                            } else {
                                re.append(".*");
                                type = MatchType.REGEXP;
                            }
                        } else {
                            re.append("(?:.*/)?");
                            type = MatchType.REGEXP;
                        }
                        if (token == 0) {
                            type = MatchType.SUFFIX;
                        }
                    } else {
                        re.append("[^/]*");
                        type = MatchType.REGEXP;
                    }
                } else if (ch == '?') {
                    re.append("[^/]");
                    type = MatchType.REGEXP;
                } else if (ch == '\\') {
                    if (i < p.length()) {
                        re.append(Pattern.quote(String.valueOf(p.charAt(i++))));
                        type = MatchType.REGEXP;
                    } else {
                        re.append("\\\\");
                    }
                } else if (ch == '[') {
                    i = characterClass(p, i, re);
                    type = MatchType.REGEXP;
                } else if (ch == ']') {
                    throw new IllegalArgumentException("syntax error in pattern '" + p + "': unmatched ']'");
                } else {
                    re.append(literal(ch));
                }
            }
            re.append('$');
            return new Rule(exclusion, p, type, type == MatchType.REGEXP ? Pattern.compile(re.toString()) : null);
        }

        boolean matches(String path) {
            switch (type) {
                case EXACT:
                    return path.equals(cleaned);
                case PREFIX:
                    return path.startsWith(cleaned.substring(0, cleaned.length() - 2));
                case SUFFIX: {
                    String suffix = cleaned.substring(2);
                    if (path.endsWith(suffix)) {
                        return true;
                    }
                    return !suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1));
                }
                default:
                    return regexp.matcher(path).matches();
            }
        }
    }

    /**
     * Appends the Java regex for a {@code [...]} class of Go's filepath.Match (negation with {@code ^}, ranges,
     * backslash escapes) starting after the '[' at {@code i}; returns the index after the closing ']'.
     */
    private static int characterClass(String p, int i, StringBuilder re) {
        re.append('[');
        if (i < p.length() && p.charAt(i) == '^') {
            re.append('^');
            i++;
        }
        int ranges = 0;
        while (true) {
            if (i < p.length() && p.charAt(i) == ']' && ranges > 0) {
                re.append(']');
                return i + 1;
            }
            int[] lo = classChar(p, i);
            i = lo[1];
            re.append(literal((char) lo[0]));
            if (i < p.length() && p.charAt(i) == '-') {
                int[] hi = classChar(p, i + 1);
                if (hi[0] < lo[0]) {
                    throw new IllegalArgumentException("syntax error in pattern '" + p + "': bad range");
                }
                i = hi[1];
                re.append('-').append(literal((char) hi[0]));
            }
            ranges++;
        }
    }

    private static int[] classChar(String p, int i) {
        if (i >= p.length() || p.charAt(i) == '-' || p.charAt(i) == ']') {
            throw new IllegalArgumentException("syntax error in pattern '" + p + "': bad character class");
        }
        if (p.charAt(i) == '\\') {
            i++;
            if (i >= p.length()) {
                throw new IllegalArgumentException("syntax error in pattern '" + p + "': trailing backslash");
            }
        }
        return new int[] {p.charAt(i), i + 1};
    }

    private static String literal(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '/' || ch == '_' ? String.valueOf(ch) : "\\" + ch;
    }

    /** One path segment of a pattern as a regex, for {@link #mayIncludeBelow}. */
    private static Pattern segmentPattern(String segment) {
        Rule rule = Rule.compile(false, segment);
        return rule.regexp != null ? rule.regexp : Pattern.compile(Pattern.quote(segment));
    }

    /** Go's path.Clean: collapse slashes, drop "." elements, resolve "..", no trailing slash; "" becomes ".". */
    static String goClean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add("..");
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
