package dev.agentcore.cli;

import picocli.CommandLine;

/** Reads the version from the jar's manifest, so it is never out of step with the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = AgentCoreCommand.class.getPackage().getImplementationVersion();
        return new String[] {"agentcore " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
    }
}
