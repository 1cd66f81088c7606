package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.invoke.CustomHeaders;
import dev.agentcore.core.invoke.InvokeConnections;
import dev.agentcore.core.invoke.InvokePayload;
import dev.agentcore.core.invoke.InvokeService;
import dev.agentcore.core.invoke.OutputMode;
import dev.agentcore.core.invoke.ResponseRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "invoke", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send a payload to the deployed or local agent and print its answer as it streams.",
                "The answer goes to stdout; the session id and notes go to stderr."},
        footerHeading = "%nExamples:%n",
        footer = {"  agentcore invoke '{\"prompt\": \"Hello\"}'",
                "  agentcore invoke 'What is the weather?'        (sent as {\"prompt\": ...})",
                "  echo '{\"prompt\": \"Hi\"}' | agentcore invoke - --output json | jq .",
                "  agentcore invoke --local --port 8080 '{\"prompt\": \"Hello\"}'"})
public final class InvokeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PAYLOAD",
            description = "JSON to send; other text is sent as {\"prompt\": \"<text>\"}; '-' reads stdin.")
    String payload;

    @Option(names = "--payload-file", paramLabel = "FILE", description = "Read the payload from FILE ('-' = stdin).")
    String payloadFile;

    @Option(names = {"-a", "--agent"}, paramLabel = "NAME", description = "Agent to call (default: the default agent).")
    String agent;

    @Option(names = "--agent-arn", paramLabel = "ARN", description = "Call a runtime deployed by other means "
            + "(no project file needed; the session is not stored).")
    String agentArn;

    @Option(names = {"-s", "--session-id"}, paramLabel = "ID",
            description = "Session to use, 33-256 characters (default: the stored one, else a new one, saved).")
    String sessionId;

    @Option(names = {"-u", "--user-id"}, paramLabel = "ID", description = "User id passed to the agent.")
    String userId;

    @Option(names = "--headers", paramLabel = "K:V,...", description = "Custom headers; names get the prefix "
            + "X-Amzn-Bedrock-AgentCore-Runtime-Custom- when missing.")
    String headers;

    @Option(names = "--qualifier", paramLabel = "NAME", defaultValue = "DEFAULT",
            description = "Runtime endpoint to call (default: ${DEFAULT-VALUE}).")
    String qualifier;

    @Option(names = {"-bt", "--bearer-token"}, paramLabel = "TOKEN", description = "OAuth bearer token for agents "
            + "with an authorizer. Prefer the BEDROCK_AGENTCORE_BEARER_TOKEN variable: arguments are visible to "
            + "other processes.")
    String bearerToken;

    @Option(names = {"-l", "--local"}, description = "Call the agent running on this machine (agentcore launch --local).")
    boolean local;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port of the local agent (default: the one agentcore launch --local used, else 8080).")
    Integer port;

    private final AppContext context;

    public InvokeCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        InvokePayload body = InvokePayload.from(payload, payloadFile, context.cwd(), context.in());
        String token = bearerToken != null ? bearerToken : context.env().get("BEDROCK_AGENTCORE_BEARER_TOKEN");
        var options = new InvokeService.InvokeOptions(agent, agentArn, body, sessionId, userId,
                CustomHeaders.parse(headers), qualifier, token, local, port, context.global().region());
        var service = new InvokeService(new ConfigStore(context.cwd()),
                InvokeConnections.standard(context.awsSettings(), context::aws),
                note -> context.err().println(note));
        var renderer = new ResponseRenderer(context.out(),
                OutputMode.of(context.global().json(), context.terminalOutput()));
        var result = service.invoke(options, renderer);
        if (result.emptyAnswer()) {
            context.err().println("The agent returned an empty answer.");
        }
        return 0;
    }
}
