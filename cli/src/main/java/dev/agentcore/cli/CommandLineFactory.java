package dev.agentcore.cli;

import picocli.CommandLine;

import java.lang.reflect.Constructor;

/**
 * The one wiring point: builds the command tree, gives commands their {@link AppContext}, and installs the error
 * handling (one line and a hint on stderr, the stack trace only with --debug, exit codes 0/1/2).
 */
public final class CommandLineFactory implements CommandLine.IFactory {

    private final AppContext context;

    private CommandLineFactory(AppContext context) {
        this.context = context;
    }

    /** The whole command tree, every command in full. */
    public static CommandLine create(AppContext context) {
        CommandLineFactory factory = new CommandLineFactory(context);
        CommandLine cmd = new CommandLine(AgentCoreCommand.class, factory);
        Subcommands.addAll(cmd, factory);
        return configured(cmd, context);
    }

    /** The tree for one command line: only the commands it names are built in full (see {@link Subcommands}). */
    public static CommandLine createFor(AppContext context, String... args) {
        CommandLineFactory factory = new CommandLineFactory(context);
        CommandLine cmd = new CommandLine(AgentCoreCommand.class, factory);
        Subcommands.addFor(cmd, factory, args);
        return configured(cmd, context);
    }

    /** picocli's setters reach only the subcommands already added, so this runs last. */
    private static CommandLine configured(CommandLine cmd, AppContext context) {
        cmd.setOut(context.out());
        cmd.setErr(context.err());
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(context.color()
                ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        ErrorHandler handler = new ErrorHandler(context);
        cmd.setExecutionExceptionHandler(handler);
        cmd.setParameterExceptionHandler(handler);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == GlobalOptions.class) {
            return cls.cast(context.global());
        }
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == AppContext.class) {
                c.setAccessible(true);
                return cls.cast(c.newInstance(context));
            }
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
