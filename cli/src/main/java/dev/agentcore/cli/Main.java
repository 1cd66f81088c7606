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

    /**
     * Start-up work picocli would do for features no command uses. Set for tests too (they call {@link #run}), so
     * they see what users get.
     */
    private static void lightenPicocli() {
        // Otherwise picocli's first model look-up asks for Groovy's Closure class, and that miss opens every jar on
        // the class path (~30 ms of each start). We have no Groovy commands.
        System.setProperty("picocli.disable.closures", "true");
        // Otherwise every CommandLine loads and initialises the java.time and java.sql classes it has converters
        // for (a few hundred classes, and the first lambdas of the run). No option has such a type.
        System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
    }

    /** Runs one command line and returns the exit code; testable without a process. */
    public static int run(AppContext context, String... args) {
        lightenPicocli();
        try {
            return CommandLineFactory.createFor(context, args).execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
            context.close();
        }
    }
}
