package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.AgentCoreException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = "Remove what launch created for an agent, in order (preview with --dry-run).")
public final class DestroyCommand implements Callable<Integer> {

    private final AppContext context;

    public DestroyCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw AgentCoreException.failure("'agentcore destroy' is not built yet in this version.",
                "Track its issue; the other commands work.");
    }
}
