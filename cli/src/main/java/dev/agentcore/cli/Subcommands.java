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
import picocli.CommandLine.Model.CommandSpec;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The root's subcommands, built lazily. picocli reflects over every option of every command it is given, which was
 * most of the time {@code agentcore --help} took; a command line uses at most the commands it names. So only the
 * commands named somewhere on the command line get their full model; the others get a summary built from their
 * {@code @Command} annotation alone (name, aliases, description, hidden), which is all the root's usage and
 * picocli's "did you mean" need. A summary is never executed: a command line that would select it names it, and
 * then it is built in full.
 */
final class Subcommands {

    /** In the order the root's usage lists them. */
    static final List<Class<?>> ALL = List.of(
            ConfigureCommand.class,
            CreateCommand.class,
            LaunchCommand.class,
            InvokeCommand.class,
            StatusCommand.class,
            StopSessionCommand.class,
            DestroyCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class);

    private Subcommands() {
    }

    /** Every subcommand in full (shell completion needs the whole tree). */
    static void addAll(CommandLine root, CommandLine.IFactory factory) {
        for (Class<?> type : ALL) {
            root.addSubcommand(new CommandLine(type, factory));
        }
    }

    /** The subcommands the arguments name in full, the rest as summaries. */
    static void addFor(CommandLine root, CommandLine.IFactory factory, String... args) {
        Set<String> words = new HashSet<>(Arrays.asList(args));
        // completion describes every command; an @file (picocli expands it when parsing) may name any of them
        if (words.contains(command(CompletionCommand.class).name()) || namesAnAtFile(args)) {
            addAll(root, factory);
            return;
        }
        for (Class<?> type : ALL) {
            Command command = command(type);
            if (namedIn(words, command)) {
                root.addSubcommand(new CommandLine(type, factory));
            } else {
                root.addSubcommand(command.name(), summary(command), command.aliases());
            }
        }
    }

    /** A loop, not a stream: a lambda here would be the run's first, and that costs method-handle set-up. */
    private static boolean namesAnAtFile(String... args) {
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return true;
            }
        }
        return false;
    }

    private static boolean namedIn(Set<String> words, Command command) {
        if (words.contains(command.name())) {
            return true;
        }
        for (String alias : command.aliases()) {
            if (words.contains(alias)) {
                return true;
            }
        }
        return false;
    }

    private static Command command(Class<?> type) {
        return type.getAnnotation(Command.class);
    }

    private static CommandSpec summary(Command command) {
        CommandSpec spec = CommandSpec.create().name(command.name());
        spec.usageMessage()
                .description(command.description())
                .header(command.header())
                .hidden(command.hidden());
        return spec;
    }
}
