package dev.agentcore.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command shares; declared once, inherited by all subcommands. */
public final class GlobalOptions {

    public enum Output { text, json }

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
            description = "AWS region (default: the agent's configured region, else AWS_REGION / the profile's).")
    String region;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "AWS named profile (default: AWS_PROFILE, else the default credential chain).")
    String profile;

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Send every AWS call to this URL (an emulator). Otherwise AWS_ENDPOINT_URL and "
                    + "AWS_ENDPOINT_URL_<SERVICE> apply.")
    String endpointUrl;

    @Option(names = "--output", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Result format on stdout: ${COMPLETION-CANDIDATES} (default: text).")
    Output output = Output.text;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces and SDK details on errors.")
    boolean debug;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "Plain output without colour (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    public String region() { return region; }

    public String profile() { return profile; }

    public String endpointUrl() { return endpointUrl; }

    public boolean json() { return output == Output.json; }

    public boolean debug() { return debug; }

    public boolean noColor() { return noColor; }
}
