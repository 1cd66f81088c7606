package dev.agentcore.cli;

import dev.agentcore.cli.command.CompletionCommand;
import dev.agentcore.cli.command.ConfigureCommand;
import dev.agentcore.cli.command.CreateCommand;
import dev.agentcore.cli.command.DestroyCommand;
import dev.agentcore.cli.command.InvokeCommand;
import dev.agentcore.cli.command.LaunchCommand;
import dev.agentcore.cli.command.StatusCommand;
import dev.agentcore.cli.command.StopSessionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** The root command: global options and the subcommands. */
@Command(name = "agentcore",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Take an AI agent from a folder to a running Amazon Bedrock AgentCore Runtime, and back out again.",
        subcommands = {
                ConfigureCommand.class,
                CreateCommand.class,
                LaunchCommand.class,
                InvokeCommand.class,
                StatusCommand.class,
                StopSessionCommand.class,
                DestroyCommand.class,
                CompletionCommand.class,
                CommandLine.HelpCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
                "  agentcore configure -e agent.py --non-interactive",
                "  agentcore launch --local",
                "  agentcore invoke '{\"prompt\": \"Hello\"}' --local",
                "  agentcore launch && agentcore status",
                "  agentcore destroy --dry-run",
                "",
                "Exit codes: 0 success, 1 failure, 2 invalid input or usage."
        })
public final class AgentCoreCommand implements Runnable {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
