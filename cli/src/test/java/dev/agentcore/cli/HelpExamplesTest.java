package dev.agentcore.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Each finished command's --help ends with examples, and every example is a command line the CLI accepts. */
class HelpExamplesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"configure", "configure list", "configure set-default", "invoke", "stop-session", "create",
            "completion"})
    void helpShowsExamplesThatParse(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        CliHarness.Result r = CliHarness.in(dir).runOk(args.toArray(String[]::new));
        assertThat(r.out()).contains("Examples:");
        List<String> examples = r.out().lines().dropWhile(l -> !l.startsWith("Examples:")).skip(1)
                .map(String::strip).filter(l -> l.startsWith("agentcore ")).toList();
        assertThat(examples).as("examples of %s", command).isNotEmpty();
        for (String example : examples) {
            List<String> words = words(example);
            assertThat(String.join(" ", words.subList(0, Math.min(words.size(), args.size() - 1))))
                    .as("example of %s", command).isEqualTo(command);
            assertThatCode(() -> parser().parseArgs(words.toArray(String[]::new)))
                    .as("'%s' parses", example).doesNotThrowAnyException();
        }
    }

    private picocli.CommandLine parser() {
        AppContext context = new AppContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), dir, Map.of(), false);
        return CommandLineFactory.create(context);
    }

    /** Shell words of one example after 'agentcore', up to a pipe, '&&', a redirect or a comment. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        String rest = line.substring("agentcore ".length());
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (word == null && (c == '|' || c == '(' || c == '&' || c == '>' || c == '#')) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
