package dev.agentcore.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.cli.AppContext;
import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.configure.ConfigureRequest;
import dev.agentcore.core.configure.ConfigureService;
import dev.agentcore.core.configure.ConfigureValidator;
import dev.agentcore.core.configure.DependencyFile;
import dev.agentcore.core.configure.Entrypoint;
import dev.agentcore.core.naming.AgentName;
import org.jline.builtins.Completers;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.WriterOutputStream;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * configure's questions (spec §1.2, memory left out), asked on stderr through jline: {@code Question [default]: },
 * Enter takes the default, path completion for files, and a bad answer is explained and asked again. A question
 * whose flag was given is skipped.
 */
final class ConfigurePrompter implements AutoCloseable {

    static final String DEFAULT_HEADERS = "Authorization,X-Amzn-Bedrock-AgentCore-Runtime-Custom-*";

    private final AppContext context;
    private final ConfigureService service;
    private final Terminal terminal;
    private final LineReader reader;
    private final PrintWriter err;
    private final Completer fileCompleter;
    private Completer completer = (r, l, c) -> { };

    ConfigurePrompter(AppContext context, ConfigureService service) {
        this.context = context;
        this.service = service;
        this.err = context.err();
        this.terminal = openTerminal(context);
        Completer files = new Completers.FileNameCompleter() {
            @Override
            protected Path getUserDir() {
                return context.cwd();
            }
        };
        this.reader = LineReaderBuilder.builder().terminal(terminal)
                .completer((r, line, candidates) -> completer.complete(r, line, candidates))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .variable(LineReader.HISTORY_SIZE, 0)
                .build();
        this.fileCompleter = files;
    }

    /** Fills the request's unanswered questions; the flag values say which were answered on the command line. */
    void ask(ConfigureRequest.Builder request, String entrypointFlag, String nameFlag, String requirementsFlag,
             String roleFlag, String ecrFlag, String authorizerFlag, String headersFlag) {
        Entrypoint entrypoint;
        if (entrypointFlag == null) {
            err.println("Entrypoint: the agent's Python file, or a folder holding agent.py/app.py/main.py/__main__.py");
            entrypoint = askUntilValid("Entrypoint", ".", true, service::entrypoint);
            err.println("Using file: " + entrypoint.relative());
            request.entrypoint(entrypoint.relative());
        } else {
            entrypoint = service.entrypoint(entrypointFlag);
        }
        if (nameFlag == null) {
            Entrypoint.InferredName inferred = service.inferName(entrypoint);
            err.println("Inferred agent name: " + inferred.name()
                    + (inferred.note() == null ? "" : " (" + inferred.note() + ")"));
            err.println("Press Enter to use this name, or type another (letters, digits, '_'; no '-').");
            request.name(askUntilValid("Agent name", inferred.name(), false, AgentName::require));
        }
        if (requirementsFlag == null) {
            Optional<DependencyFile> detected = service.detectDependencies(entrypoint);
            String shown = detected.map(d -> relative(d.file())).orElse(null);
            if (shown != null) {
                err.println("Detected dependency file: " + shown);
            } else {
                err.println("No dependency file found (requirements.txt or pyproject.toml).");
            }
            DependencyFile chosen = askUntilValid("Dependency file", shown, true, service::dependencyFile);
            request.requirementsFile(relative(chosen.file()));
        }
        if (roleFlag == null) {
            request.executionRole(askUntilValid("Execution role ARN or name (Enter to auto-create)", null, false,
                    v -> ConfigureValidator.role(v, "the execution role")));
        }
        if (ecrFlag == null) {
            request.ecr(askUntilValid("ECR repository URI or name (Enter to auto-create)", null, false,
                    ConfigureValidator::ecr));
        }
        if (authorizerFlag == null && yes("Configure an OAuth authorizer instead of IAM?")) {
            request.authorizerConfig(json(askUntilValid("OAuth discovery URL",
                    context.env().get("BEDROCK_AGENTCORE_DISCOVERY_URL"), false, this::oauth)));
        }
        if (headersFlag == null && yes("Configure a request header allowlist?")) {
            List<String> headers = askUntilValid("Allowed request headers (comma-separated)", DEFAULT_HEADERS, false,
                    ConfigureValidator::headerAllowlist);
            request.requestHeaderAllowlist(String.join(",", headers));
        }
    }

    /** The rest of the OAuth questions, once the discovery URL is typed; invalid combinations re-ask from the URL. */
    private Map<String, Object> oauth(String discoveryUrl) {
        String clients = line("Allowed OAuth client IDs (comma-separated)", context.env().get("BEDROCK_AGENTCORE_CLIENT_ID"), false);
        String audience = line("Allowed OAuth audience (comma-separated)", context.env().get("BEDROCK_AGENTCORE_AUDIENCE"), false);
        String scopes = line("Allowed OAuth scopes (comma-separated)", context.env().get("BEDROCK_AGENTCORE_ALLOWED_SCOPES"), false);
        return ConfigureValidator.customJwtAuthorizer(discoveryUrl, clients, audience, scopes);
    }

    private boolean yes(String question) {
        return askUntilValid(question + " (yes/no)", "no", false, answer -> switch (answer.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "y", "yes" -> true;
            case "n", "no" -> false;
            default -> throw AgentCoreException.invalidInput("Please answer yes or no.");
        });
    }

    /** Asks until {@code check} accepts the answer (Enter gives the default); an invalid answer is explained. */
    private <T> T askUntilValid(String question, String fallback, boolean paths, Function<String, T> check) {
        while (true) {
            String answer = line(question, fallback, paths);
            try {
                return check.apply(answer);
            } catch (AgentCoreException e) {
                err.println("Error: " + e.getMessage() + (e.hint() == null ? "" : "\nHint: " + e.hint()));
                err.flush();
            }
        }
    }

    private String line(String question, String fallback, boolean paths) {
        completer = paths ? fileCompleter : (r, l, c) -> { };
        String prompt = question + (fallback == null || fallback.isEmpty() ? "" : " [" + fallback + "]") + ": ";
        err.flush();
        String answer;
        try {
            answer = reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw AgentCoreException.failure("Configure cancelled; nothing was written.");
        } catch (EndOfFileException e) {
            throw AgentCoreException.failure("Input ended before configure finished; nothing was written.",
                    "Pass --non-interactive (-ni) with flags to configure without questions.");
        } finally {
            terminal.flush();
        }
        answer = answer == null ? "" : answer.strip();
        return answer.isEmpty() && fallback != null ? fallback : answer;
    }

    private String relative(Path file) {
        try {
            return context.cwd().toRealPath().relativize(file).toString().replace('\\', '/');
        } catch (IOException e) {
            return file.toString();
        }
    }

    private static String json(Map<String, Object> map) {
        try {
            return new ObjectMapper().writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real terminal when reading the process's own stdin, else a plain terminal over the given streams. */
    private static Terminal openTerminal(AppContext context) {
        try {
            if (context.in() == System.in) {
                Terminal system = TerminalBuilder.builder().system(true)
                        .systemOutput(TerminalBuilder.SystemOutput.SysErr).encoding(StandardCharsets.UTF_8).build();
                if (system.getSize().getColumns() <= 0) {
                    // pseudo-terminals created without a size (docker exec -t, some CI runners) hide the prompt
                    system.setSize(new Size(80, 24));
                }
                return system;
            }
            // a dumb terminal reads on the caller's thread, so input queued ahead of the prompts is never lost
            return new DumbTerminal("agentcore", Terminal.TYPE_DUMB, context.in(),
                    new WriterOutputStream(context.err(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot open the terminal for questions: " + e.getMessage(),
                    "Pass --non-interactive (-ni) with flags instead.");
        }
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException ignored) {
            // nothing left to do with it
        }
    }
}
