package dev.agentcore.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** The root command: global options; {@link Subcommands} adds the subcommands. */
@Command(name = "agentcore",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Take an AI agent from a folder to a running Amazon Bedrock AgentCore Runtime, and back out again.",
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
