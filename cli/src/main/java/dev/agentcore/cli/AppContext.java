package dev.agentcore.cli;

import dev.agentcore.core.aws.AwsClients;
import dev.agentcore.core.aws.AwsCloud;
import dev.agentcore.core.cloud.Cloud;
import dev.agentcore.core.aws.AwsSettings;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command runs with: its streams, working directory, environment and global options, plus the AWS clients,
 * built only when a command asks for them. Tests make one with their own directory, environment and streams.
 */
public final class AppContext implements AutoCloseable {

    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private final Path cwd;
    private final Map<String, String> env;
    private final boolean interactive;
    private final boolean terminalOutput;
    private final GlobalOptions global = new GlobalOptions();
    private AwsClients clients;
    private Cloud cloudOverride;

    public AppContext(PrintWriter out, PrintWriter err, InputStream in, Path cwd, Map<String, String> env,
                      boolean interactive) {
        this(out, err, in, cwd, env, interactive, interactive);
    }

    public AppContext(PrintWriter out, PrintWriter err, InputStream in, Path cwd, Map<String, String> env,
                      boolean interactive, boolean terminalOutput) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.cwd = cwd.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
        this.interactive = interactive;
        this.terminalOutput = terminalOutput;
    }

    public static AppContext fromProcess(PrintWriter out, PrintWriter err) {
        return new AppContext(out, err, System.in, Path.of(""), System.getenv(), isTerminal(0),
                isTerminal(1));
    }

    /**
     * Prompts need a person typing: stdin must be a terminal. System.console() alone would also demand a terminal on
     * stdout, so 'configure --output json > file' could not ask its questions.
     */
    private static boolean isTerminal(int fd) {
        try {
            String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    public PrintWriter out() { return out; }

    public PrintWriter err() { return err; }

    public InputStream in() { return in; }

    /** The project directory: where .bedrock_agentcore.yaml lives. */
    public Path cwd() { return cwd; }

    public Map<String, String> env() { return env; }

    /** True when stdin is a terminal: a person can answer prompts. */
    public boolean interactive() { return interactive; }

    /** True when stdout is a terminal: answers are pretty-printed, live status lines and colour make sense. */
    public boolean terminalOutput() { return terminalOutput; }

    public GlobalOptions global() { return global; }

    /** Colour only on a terminal, and never with --no-color or NO_COLOR. */
    public boolean color() {
        return terminalOutput && !global.noColor() && !env.containsKey("NO_COLOR");
    }

    /** Settings from the global options and the environment; a region from the agent's config may be added. */
    public AwsSettings awsSettings() {
        if (global.region() != null) {
            // a mistyped --region would otherwise surface as a connection error to a host that does not exist
            dev.agentcore.core.configure.ConfigureValidator.region(global.region());
        }
        return new AwsSettings(global.region(), global.profile(), global.endpointUrl(), env);
    }

    /** The AWS clients, created on first use; with the given region when --region was not given. */
    public synchronized AwsClients aws(String configuredRegion) {
        if (clients == null) {
            AwsSettings settings = awsSettings();
            if (settings.region() == null && configuredRegion != null) {
                settings = settings.withRegion(configuredRegion);
            }
            clients = new AwsClients(settings);
        }
        return clients;
    }

    /** The services a cloud command talks to: the AWS SDK implementation unless a test installed another. */
    public Cloud cloud(String configuredRegion) {
        // a plain branch, not a Function field: the first lambda of a run costs ~20 ms of method-handle set-up
        return cloudOverride != null ? cloudOverride : new AwsCloud(aws(configuredRegion));
    }

    /** Tests: every cloud command of this run talks to the given cloud instead of AWS. */
    public AppContext withCloud(Cloud cloud) {
        this.cloudOverride = cloud;
        return this;
    }

    @Override
    public synchronized void close() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }
}
