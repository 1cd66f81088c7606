package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.starter.StarterAgent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Write a new starter agent folder from a template.",
        footerHeading = "%nExamples:%n",
        footer = {"  agentcore create my_agent",
                "  agentcore create streamer --template streaming && cd streamer"})
public final class CreateCommand implements Callable<Integer> {

    private final AppContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "Agent and folder name: letters, digits and "
            + "underscores, starting with a letter (at most 48).")
    String name;

    @Option(names = {"-t", "--template"}, paramLabel = "TEMPLATE", defaultValue = "basic",
            description = "basic (returns {\"result\": ...}) or streaming (an async entrypoint that yields chunks). "
                    + "Default: ${DEFAULT-VALUE}.")
    String template;

    public CreateCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StarterAgent.Created created = StarterAgent.create(context.cwd(), name, template);
        String folder = context.cwd().relativize(created.folder()).toString();
        if (context.global().json()) {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("folder", created.folder().toString());
            json.put("template", template);
            try {
                context.out().println(new ObjectMapper().writeValueAsString(json));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            context.out().println(created.folder());
        }
        PrintWriter err = context.err();
        err.println("Created " + folder + "/ (" + template + "): agent.py, requirements.txt, README.md");
        err.println("Next:");
        err.println("  cd " + folder);
        err.println("  agentcore configure --entrypoint agent.py --name " + name + " --non-interactive");
        err.println("  agentcore launch --local");
        err.println("  agentcore invoke '{\"prompt\": \"Hello\"}' --local");
        return 0;
    }
}
