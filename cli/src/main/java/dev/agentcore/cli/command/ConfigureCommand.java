package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.AgentCoreException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "configure", mixinStandardHelpOptions = true,
        description = "Create or update an agent's configuration, Dockerfile and .dockerignore.")
public final class ConfigureCommand implements Callable<Integer> {

    private final AppContext context;

    public ConfigureCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw AgentCoreException.failure("'agentcore configure' is not built yet in this version.",
                "Track its issue; the other commands work.");
    }
}
