package dev.agentcore.core.configure;

import dev.agentcore.core.packaging.DockerIgnore;
import dev.agentcore.core.packaging.SourceBundle;
import dev.agentcore.core.templates.Templates;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Bedrock model ids in an agent's Python files that must be called through an inference profile but are
 * written bare (e.g. {@code anthropic.claude-haiku-4-5-...} instead of {@code us.anthropic.claude-haiku-4-5-...}),
 * which only fails once the agent runs. The rules are data ({@code templates/model-ids.yaml}); unknown ids pass.
 * It only reads files and never blocks: callers print the warnings.
 */
public final class ModelIdCheck {

    /** Generous caps so a huge tree (vendored code) cannot stall configure. */
    private static final int MAX_FILES = 5000;
    private static final long MAX_FILE_BYTES = 1 << 20;

    /** A quoted token that looks like a model id, with an optional profile prefix. */
    private static final Pattern QUOTED_ID = Pattern.compile(
            "[\"']((?:(?:us|eu|apac|global|us-gov|jp|au|ca)\\.)?[a-z0-9-]+\\.[a-z0-9][a-z0-9.:_-]*)[\"']");

    private final List<RegionPrefix> regionPrefixes;
    private final List<Family> families;

    /** One finding: where, what was written, and the id to use instead. */
    public record Warning(String file, int line, String modelId, String suggestedId, String family) {
        public String message() {
            return file + ":" + line + ": model id '" + modelId + "' (" + family + ") must be called through an "
                    + "inference profile; use '" + suggestedId + "'";
        }
    }

    private record RegionPrefix(Pattern region, String prefix) {
    }

    private record Family(String name, Pattern id, List<String> prefixes) {
    }

    private ModelIdCheck(List<RegionPrefix> regionPrefixes, List<Family> families) {
        this.regionPrefixes = regionPrefixes;
        this.families = families;
    }

    /** The rules shipped in {@code templates/model-ids.yaml}. */
    public static ModelIdCheck packaged() {
        return fromYaml(Templates.load("model-ids.yaml"));
    }

    @SuppressWarnings("unchecked")
    static ModelIdCheck fromYaml(String yaml) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        List<RegionPrefix> regions = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) root.get("region_prefixes")) {
            regions.add(new RegionPrefix(Pattern.compile((String) r.get("region")), (String) r.get("prefix")));
        }
        List<Family> families = new ArrayList<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) root.get("families")) {
            families.add(new Family((String) f.get("name"), Pattern.compile((String) f.get("id")),
                    List.copyOf((List<String>) f.get("prefixes"))));
        }
        return new ModelIdCheck(regions, families);
    }

    /**
     * Scans the entrypoint and every {@code .py} file of the build context the context's ignore rules keep
     * (so virtual environments are skipped). Paths in warnings are relative to {@code projectDir}.
     */
    public List<Warning> scan(Path projectDir, Path context, Path entrypoint, String region) {
        TreeSet<Path> files = new TreeSet<>();
        if (entrypoint != null && Files.isRegularFile(entrypoint)) {
            files.add(entrypoint.toAbsolutePath().normalize());
        }
        if (context != null && Files.isDirectory(context)) {
            collectPython(context.toAbsolutePath().normalize(), files);
        }
        List<Warning> warnings = new ArrayList<>();
        Path base = projectDir.toAbsolutePath().normalize();
        for (Path file : files) {
            String rel = file.startsWith(base) ? base.relativize(file).toString().replace('\\', '/') : file.toString();
            try {
                if (Files.size(file) <= MAX_FILE_BYTES) {
                    warnings.addAll(check(rel, Files.readString(file, StandardCharsets.UTF_8), region));
                }
            } catch (CharacterCodingException notText) {
                // not UTF-8 source: nothing to check
            } catch (IOException unreadable) {
                // a file we cannot read cannot be checked; the build will say more
            }
        }
        return warnings;
    }

    /** The warnings for one file's text. */
    public List<Warning> check(String fileName, String text, String region) {
        List<Warning> warnings = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = QUOTED_ID.matcher(lines[i]);
            while (m.find()) {
                String id = m.group(1);
                for (Family family : families) {
                    if (family.id.matcher(id).find()) {
                        warnings.add(new Warning(fileName, i + 1, id, prefixFor(family, region) + "." + id, family.name));
                        break;
                    }
                }
            }
        }
        return warnings;
    }

    private String prefixFor(Family family, String region) {
        for (RegionPrefix r : regionPrefixes) {
            if (region != null && r.region.matcher(region).find() && family.prefixes.contains(r.prefix)) {
                return r.prefix;
            }
        }
        return family.prefixes.get(0);
    }

    private static void collectPython(Path context, TreeSet<Path> files) {
        DockerIgnore ignore = SourceBundle.ignoreRules(context);
        try {
            Files.walkFileTree(context, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(context)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = context.relativize(dir).toString().replace('\\', '/');
                    return ignore.excluded(rel) && !ignore.mayIncludeBelow(rel)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = context.relativize(file).toString().replace('\\', '/');
                    if (attrs.isRegularFile() && rel.endsWith(".py") && !ignore.excluded(rel)) {
                        files.add(file);
                    }
                    return files.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a warning pass must never stop configure
        }
    }
}
