package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.status.StatusReport;
import dev.agentcore.core.status.StatusService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show the agent's configuration, runtime, DEFAULT endpoint, last CodeBuild build, image and "
                + "where its logs are, with ready-to-paste commands to follow them.",
                "Only reads: never changes anything. With --output json, prints one JSON object whose \"state\" "
                        + "is NOT_CONFIGURED, NOT_LAUNCHED, READY, DEPLOYING, FAILED, MISSING (runtime deleted "
                        + "outside the tool) or UNKNOWN (a look-up failed, e.g. access denied: see the section's "
                        + "error)."},
        footerHeading = "%nExamples:%n",
        footer = {"  agentcore status",
                "  agentcore status --agent writer --verbose",
                "  agentcore status --output json | jq -r .state",
                "",
                "Exit codes:",
                "  0  the status was shown, whatever the state (read \"state\" in the JSON, or the first line)",
                "  1  an unexpected failure",
                "  2  invalid input: unknown --agent, or a malformed .bedrock_agentcore.yaml"})
public final class StatusCommand implements Callable<Integer> {

    private final AppContext context;

    @Option(names = {"-a", "--agent"}, paramLabel = "NAME", description = "Agent to show (default: the default agent).")
    String agent;

    @Option(names = {"-v", "--verbose"}, description = "Also show the config and the raw service responses.")
    boolean verbose;

    public StatusCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        StatusService service = new StatusService(new ConfigStore(context.cwd()),
                context::cloud);
        StatusReport report = service.status(agent);
        StatusView view = new StatusView(report, verbose, context.color());
        context.out().print(context.global().json() ? view.json() : view.text());
        context.out().flush();
        return 0;
    }
}
