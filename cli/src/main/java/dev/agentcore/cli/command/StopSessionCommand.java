package dev.agentcore.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.cli.AppContext;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.invoke.InvokeConnections;
import dev.agentcore.core.invoke.InvokeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "stop-session", mixinStandardHelpOptions = true,
        description = "Stop a runtime session and forget the stored session id.",
        footerHeading = "%nExamples:%n",
        footer = {"  agentcore stop-session",
                "  agentcore stop-session --agent writer --session-id <id>",
                "  agentcore stop-session --agent-arn <arn> --session-id <id> --output json"})
public final class StopSessionCommand implements Callable<Integer> {

    @Option(names = {"-s", "--session-id"}, paramLabel = "ID", description = "Session to stop (default: the stored one).")
    String sessionId;

    @Option(names = {"-a", "--agent"}, paramLabel = "NAME", description = "Agent (default: the default agent).")
    String agent;

    @Option(names = "--agent-arn", paramLabel = "ARN",
            description = "A runtime deployed by other means (needs --session-id).")
    String agentArn;

    @Option(names = "--qualifier", paramLabel = "NAME", defaultValue = "DEFAULT",
            description = "Runtime endpoint (default: ${DEFAULT-VALUE}).")
    String qualifier;

    private final AppContext context;

    public StopSessionCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        var service = new InvokeService(new ConfigStore(context.cwd()),
                InvokeConnections.standard(context.awsSettings(), context::aws),
                note -> context.err().println(note));
        var result = service.stopSession(agent, agentArn, sessionId, qualifier, context.global().region());
        if (context.global().json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("agent", result.agentName());
            json.put("sessionId", result.sessionId());
            json.put("statusCode", result.statusCode());
            json.put("message", result.message());
            json.put("storedSessionCleared", result.clearedStoredSession());
            context.out().println(new ObjectMapper().writeValueAsString(json));
        } else {
            context.out().println(result.message() + ": " + result.sessionId() + " (agent " + result.agentName()
                    + ", status " + result.statusCode() + ")");
            context.err().println("Sessions also end by themselves after the agent's idle timeout.");
        }
        return 0;
    }
}
