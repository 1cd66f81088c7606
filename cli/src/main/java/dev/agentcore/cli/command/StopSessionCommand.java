package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.AgentCoreException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "stop-session", mixinStandardHelpOptions = true,
        description = "Stop a runtime session and forget the stored session id.")
public final class StopSessionCommand implements Callable<Integer> {

    private final AppContext context;

    public StopSessionCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw AgentCoreException.failure("'agentcore stop-session' is not built yet in this version.",
                "Track its issue; the other commands work.");
    }
}
