package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.configure.ConfigureService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "set-default", mixinStandardHelpOptions = true,
        description = "Make a configured agent the one commands use without --agent.")
public final class ConfigureSetDefaultCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "A configured agent (see 'agentcore configure list').")
    String name;

    private final AppContext context;

    public ConfigureSetDefaultCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        new ConfigureService(context.cwd()).setDefault(name);
        if (context.global().json()) {
            context.out().println(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                    .put("default_agent", name).toPrettyString());
        } else {
            context.err().println("Set '" + name + "' as default.");
        }
        return 0;
    }
}
