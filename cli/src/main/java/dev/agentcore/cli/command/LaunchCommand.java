package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.AgentCoreException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "launch", aliases = {"deploy"}, mixinStandardHelpOptions = true,
        description = "Build the agent's ARM64 image and deploy it to AgentCore Runtime (or run it locally).")
public final class LaunchCommand implements Callable<Integer> {

    private final AppContext context;

    public LaunchCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw AgentCoreException.failure("'agentcore launch' is not built yet in this version.",
                "Track its issue; the other commands work.");
    }
}
