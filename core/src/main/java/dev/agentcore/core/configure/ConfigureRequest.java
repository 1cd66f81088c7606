package dev.agentcore.core.configure;

import java.nio.file.Path;

/**
 * What the user asked configure for, as typed (flags or prompt answers); {@link ConfigureService} validates it.
 * Null means "not given". {@code region} is already resolved by the caller (flag, environment, profile, default).
 */
public record ConfigureRequest(
        Path projectDir,
        String entrypoint,
        String name,
        String executionRole,
        String codeBuildExecutionRole,
        String ecr,
        String containerRuntime,
        String requirementsFile,
        boolean disableOtel,
        String authorizerConfig,
        String requestHeaderAllowlist,
        boolean vpc,
        String subnets,
        String securityGroups,
        Integer idleTimeout,
        Integer maxLifetime,
        String region,
        String protocol) {

    public static Builder builder(Path projectDir) {
        return new Builder(projectDir);
    }

    /** Named setters, so twenty positional arguments never get mixed up. */
    public static final class Builder {
        private final Path projectDir;
        private String entrypoint;
        private String name;
        private String executionRole;
        private String codeBuildExecutionRole;
        private String ecr;
        private String containerRuntime;
        private String requirementsFile;
        private boolean disableOtel;
        private String authorizerConfig;
        private String requestHeaderAllowlist;
        private boolean vpc;
        private String subnets;
        private String securityGroups;
        private Integer idleTimeout;
        private Integer maxLifetime;
        private String region;
        private String protocol;

        private Builder(Path projectDir) {
            this.projectDir = projectDir;
        }

        public Builder entrypoint(String v) { entrypoint = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder executionRole(String v) { executionRole = v; return this; }
        public Builder codeBuildExecutionRole(String v) { codeBuildExecutionRole = v; return this; }
        public Builder ecr(String v) { ecr = v; return this; }
        public Builder containerRuntime(String v) { containerRuntime = v; return this; }
        public Builder requirementsFile(String v) { requirementsFile = v; return this; }
        public Builder disableOtel(boolean v) { disableOtel = v; return this; }
        public Builder authorizerConfig(String v) { authorizerConfig = v; return this; }
        public Builder requestHeaderAllowlist(String v) { requestHeaderAllowlist = v; return this; }
        public Builder vpc(boolean v) { vpc = v; return this; }
        public Builder subnets(String v) { subnets = v; return this; }
        public Builder securityGroups(String v) { securityGroups = v; return this; }
        public Builder idleTimeout(Integer v) { idleTimeout = v; return this; }
        public Builder maxLifetime(Integer v) { maxLifetime = v; return this; }
        public Builder region(String v) { region = v; return this; }
        public Builder protocol(String v) { protocol = v; return this; }

        public ConfigureRequest build() {
            return new ConfigureRequest(projectDir, entrypoint, name, executionRole, codeBuildExecutionRole, ecr,
                    containerRuntime, requirementsFile, disableOtel, authorizerConfig, requestHeaderAllowlist, vpc,
                    subnets, securityGroups, idleTimeout, maxLifetime, region, protocol);
        }
    }
}
