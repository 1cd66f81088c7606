package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script (bash or zsh) for agentcore's commands and options.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  source <(agentcore completion bash)                  # this bash session",
                "  agentcore completion bash > ~/.local/share/bash-completion/completions/agentcore",
                "  echo 'source <(agentcore completion zsh)' >> ~/.zshrc  # zsh, through bashcompinit"
        })
public final class CompletionCommand implements Callable<Integer> {

    /** zsh runs the bash script through its bashcompinit layer, which picocli's script turns on itself. */
    enum Shell { bash, zsh }

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    public CompletionCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        context.out().print(script);
        context.out().flush();
        return 0;
    }
}
