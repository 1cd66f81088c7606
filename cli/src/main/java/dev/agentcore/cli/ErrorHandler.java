package dev.agentcore.cli;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.Redaction;
import dev.agentcore.core.cloud.CloudException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns every failure into one line on stderr (what is wrong), a hint (how to fix it) and an exit code: 2 for
 * invalid input and usage errors, 1 for failures. The stack trace is printed only with --debug.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    private final AppContext context;

    ErrorHandler(AppContext context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof AgentCoreException ace) {
            report(err, ace.getMessage(), ace.hint(), ex);
            return ace.exitCode();
        }
        if (ex instanceof CloudException ce) {
            report(err, ce.service() + ": " + ce.getMessage(), hintFor(ce), ex);
            return AgentCoreException.EXIT_FAILURE;
        }
        report(err, "Unexpected error: " + ex, "Rerun with --debug for details and report it if it persists.", ex);
        return AgentCoreException.EXIT_FAILURE;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(paint("Error: ", "red") + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return AgentCoreException.EXIT_INVALID_INPUT;
    }

    private void report(PrintWriter err, String message, String hint, Exception ex) {
        err.println(paint("Error: ", "red") + Redaction.secrets(message));
        if (hint != null && !hint.isBlank()) {
            err.println(paint("Hint: ", "yellow") + Redaction.secrets(hint));
        }
        if (context.global().debug()) {
            // service messages inside the trace may echo a token (AWS's signature-mismatch canonical request)
            java.io.StringWriter trace = new java.io.StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(Redaction.secrets(trace.toString()));
        }
        err.flush();
    }

    private static String hintFor(CloudException ce) {
        return switch (ce.kind()) {
            case CREDENTIALS -> "Log in to AWS (aws sso login, or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY) and retry.";
            case ACCESS_DENIED -> "Your credentials lack a permission for this call; see README for the policy the tool needs.";
            case THROTTLED -> "The service is throttling requests; wait a moment and rerun (it is safe to rerun).";
            default -> "Rerun with --debug for details; rerunning is safe.";
        };
    }

    private String paint(String text, String style) {
        return context.color() ? CommandLine.Help.Ansi.ON.string("@|bold," + style + " " + text + "|@") : text;
    }
}
