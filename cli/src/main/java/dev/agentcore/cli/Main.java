package dev.agentcore.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: {@code main} only exits with what {@link #run} returns. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(AppContext.fromProcess(out, err), args));
    }

    /** Runs one command line and returns the exit code; testable without a process. */
    public static int run(AppContext context, String... args) {
        try {
            return CommandLineFactory.create(context).execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
            context.close();
        }
    }
}
