package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.AgentCoreException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script (bash or zsh).")
public final class CompletionCommand implements Callable<Integer> {

    private final AppContext context;

    public CompletionCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw AgentCoreException.failure("'agentcore completion' is not built yet in this version.",
                "Track its issue; the other commands work.");
    }
}
