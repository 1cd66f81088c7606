package dev.agentcore.core.configure;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.config.ProjectConfig;
import dev.agentcore.core.local.EngineDetector;
import dev.agentcore.core.local.ProcessRunner;
import dev.agentcore.core.naming.AgentName;
import dev.agentcore.core.templates.Templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code agentcore configure}: validates a {@link ConfigureRequest}, writes the agent into
 * {@code .bedrock_agentcore.yaml} (the Python tool's schema; it becomes the default agent), and generates the
 * Dockerfile and {@code .dockerignore}. Works offline: no AWS call, no process started; the account and the
 * container engine are found at launch.
 */
public final class ConfigureService {

    /** Blocks of the schema whose unknown keys survive a reconfigure (free-form blocks are replaced whole). */
    private static final List<String[]> SCHEMA_BLOCKS = List.of(new String[] {"aws"},
            new String[] {"aws", "network_configuration"}, new String[] {"aws", "protocol_configuration"},
            new String[] {"aws", "observability"}, new String[] {"aws", "lifecycle_configuration"},
            new String[] {"codebuild"}, new String[] {"memory"}, new String[] {"aws_jwt"});

    private final Path projectDir;
    private final ConfigStore store;
    private final Map<String, String> env;

    public ConfigureService(Path projectDir) {
        this(projectDir, System.getenv());
    }

    /** With the environment whose PATH says which container engines 'launch --local' could use. */
    public ConfigureService(Path projectDir, Map<String, String> env) {
        this.projectDir = realOrAbsolute(projectDir);
        this.store = new ConfigStore(this.projectDir);
        this.env = Map.copyOf(env);
    }

    /** The entrypoint for what the user typed; for prompts that re-ask on a bad answer. */
    public Entrypoint entrypoint(String input) {
        return Entrypoint.resolve(projectDir, input);
    }

    /** The dependency file found next to the entrypoint or in the project root. */
    public Optional<DependencyFile> detectDependencies(Entrypoint entrypoint) {
        return DependencyFile.detect(entrypoint);
    }

    public DependencyFile dependencyFile(String input) {
        return DependencyFile.require(projectDir, input);
    }

    /** The name to offer for an entrypoint: that of the agent already configured for it, else the inferred one. */
    public Entrypoint.InferredName inferName(Entrypoint entrypoint) {
        return inferName(entrypoint, store.load());
    }

    private static Entrypoint.InferredName inferName(Entrypoint entrypoint, Optional<ProjectConfig> existing) {
        // a file written by the Python tool may name this entrypoint's agent differently (e.g. 'main'): keep it
        Optional<String> configured = existing.flatMap(config -> config.agents().stream()
                .filter(a -> entrypoint.posixPath().equals(a.entrypoint()) && AgentName.isValid(a.name()))
                .map(AgentConfig::name)
                .reduce((first, second) -> first));
        return configured.map(n -> new Entrypoint.InferredName(n, "the agent already configured for "
                + entrypoint.relative())).orElseGet(entrypoint::inferName);
    }

    /** The existing config, parsed now so a malformed file stops configure before any question is asked. */
    public Optional<ProjectConfig> existing() {
        return store.load();
    }

    public ConfigureResult configure(ConfigureRequest request) {
        Optional<ProjectConfig> existing = store.load();
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        String protocol = ConfigureValidator.protocol(request.protocol());
        ConfigureValidator.Network network = ConfigureValidator.network(request.vpc(), request.subnets(),
                request.securityGroups());
        ConfigureValidator.lifecycle(request.idleTimeout(), request.maxLifetime());
        String region = ConfigureValidator.region(Objects.requireNonNull(request.region(), "region"));
        String role = ConfigureValidator.role(request.executionRole(), "--execution-role");
        String codeBuildRole = ConfigureValidator.role(request.codeBuildExecutionRole(), "--code-build-execution-role");
        String ecr = ConfigureValidator.ecr(request.ecr());
        String runtime = ConfigureValidator.containerRuntime(request.containerRuntime());
        List<String> headers = ConfigureValidator.headerAllowlist(request.requestHeaderAllowlist());
        Map<String, Object> authorizer = ConfigureValidator.authorizer(request.authorizerConfig());

        Entrypoint entrypoint = entrypoint(request.entrypoint());
        String name;
        if (request.name() != null) {
            name = AgentName.require(request.name().strip());
        } else {
            Entrypoint.InferredName inferred = inferName(entrypoint, existing);
            name = AgentName.require(inferred.name());
            notes.add("Agent name (inferred): " + name + (inferred.note() == null ? "" : " (" + inferred.note() + ")"));
        }
        DependencyFile dependencies = request.requirementsFile() != null
                ? dependencyFile(request.requirementsFile())
                : detectDependencies(entrypoint).orElseThrow(() -> AgentCoreException.invalidInput(
                "No requirements file specified and none found automatically.",
                "Add a requirements.txt or pyproject.toml next to " + entrypoint.relative()
                        + ", or pass --requirements-file PATH."));
        Path sourcePath = commonAncestor(entrypoint.directory(), dependencies.file().getParent());
        PythonDockerfile.modulePath(sourcePath, entrypoint.file());

        AgentConfig previous = existing.flatMap(c -> c.agent(name)).orElse(null);
        if (previous != null && previous.agentId() != null) {
            checkNetworkUnchanged(previous, network);
        }
        if (network.mode().equals("VPC")) {
            notes.add("VPC mode enabled with " + network.subnets().size() + " subnets and "
                    + network.securityGroups().size() + " security groups");
        }

        AgentConfig agent = AgentConfig.newContainerAgent(name, entrypoint.posixPath(), posix(sourcePath));
        agent.setContainerRuntime(runtime);
        agent.setRegion(region);
        agent.setExecutionRole(role);
        agent.setExecutionRoleAutoCreate(role == null);
        agent.setEcrRepository(ecr);
        agent.setEcrAutoCreate(ecr == null);
        agent.setNetwork(network.mode(), network.subnets(), network.securityGroups());
        agent.setServerProtocol(protocol);
        agent.setObservabilityEnabled(!request.disableOtel());
        agent.setIdleTimeout(request.idleTimeout());
        agent.setMaxLifetime(request.maxLifetime());
        agent.setCodeBuildRole(codeBuildRole);
        agent.setAuthorizerConfiguration(authorizer);
        agent.setRequestHeaderAllowlist(headers);
        if (previous != null) {
            keepUnknownNestedKeys(previous, agent);
            // configure does not manage memory (yet): an existing agent keeps its memory settings and ids
            if (previous.get("memory") instanceof Map<?, ?>) {
                agent.set(previous.get("memory"), "memory");
            }
        }

        Path dockerfile = AgentFiles.generatedDockerfile(projectDir, name);
        ConfigureResult.DockerfileAction action = writeDockerfile(sourcePath, dockerfile,
                PythonDockerfile.render(sourcePath, entrypoint, dependencies, region, !request.disableOtel()));
        if (action == ConfigureResult.DockerfileAction.USER_DOCKERFILE) {
            dockerfile = sourcePath.resolve("Dockerfile");
        }
        Path dockerignore = sourcePath.resolve(".dockerignore");
        boolean dockerignoreCreated = !Files.exists(dockerignore);
        if (dockerignoreCreated) {
            writeAtomically(dockerignore, Templates.load("dockerignore"));
        }

        store.update(config -> {
            config.putAgent(agent);
            return null;
        });
        AgentConfig written = store.require().agent(name).orElseThrow();

        platformWarning(System.getProperty("os.arch", ""), runtime).ifPresent(warnings::add);
        List<ModelIdCheck.Warning> modelWarnings = ModelIdCheck.packaged()
                .scan(projectDir, sourcePath, entrypoint.file(), region);
        return new ConfigureResult(name, store.file(), written.toMap(), dockerfile, action, dockerignore,
                dockerignoreCreated, notes, warnings, modelWarnings);
    }

    /**
     * The ARM64 image matters here only when 'launch --local' will run it in a container engine: without one it runs
     * the entrypoint with the host's Python, and 'launch' builds in CodeBuild on ARM64 whatever this machine is.
     * A configured 'none' means "detect again" at launch, so then the engines on PATH decide.
     */
    Optional<String> platformWarning(String osArch, String configuredRuntime) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (arch.equals("aarch64") || arch.equals("arm64")) {
            return Optional.empty();
        }
        Optional<String> engine = configuredRuntime != null && EngineDetector.ENGINES.contains(configuredRuntime)
                ? Optional.of(configuredRuntime)
                : EngineDetector.ENGINES.stream().filter(e -> ProcessRunner.find(env, e).isPresent()).findFirst();
        return engine.map(e -> "This machine is not linux/arm64, which AgentCore Runtime requires: 'launch' builds "
                + "in CodeBuild and works; 'launch --local' with " + e + " needs ARM64 emulation in " + e
                + " (QEMU binfmt); 'launch --local --container-runtime none' runs it with the host's Python instead.");
    }

    /** A summary line per configured agent; empty when there is no config file. */
    public List<AgentSummary> list() {
        Optional<ProjectConfig> config = store.load();
        List<AgentSummary> out = new ArrayList<>();
        if (config.isEmpty()) {
            return out;
        }
        String def = config.get().defaultAgent().orElse(null);
        for (AgentConfig agent : config.get().agents()) {
            String name = agent.name() != null ? agent.name() : "";
            out.add(new AgentSummary(name, name.equals(def), agent.agentArn() != null, agent.entrypoint(),
                    agent.region()));
        }
        return out;
    }

    /** One agent as {@code configure list} shows it. */
    public record AgentSummary(String name, boolean isDefault, boolean deployed, String entrypoint, String region) {
    }

    /** Makes an existing agent the default; an unknown name is invalid input that lists the known ones. */
    public void setDefault(String name) {
        if (!store.exists()) {
            throw AgentCoreException.invalidInput("No " + ProjectConfig.FILE_NAME + " in " + projectDir + ".",
                    "Run 'agentcore configure --entrypoint <file>' first.");
        }
        store.update(config -> {
            if (!config.hasAgent(name)) {
                throw AgentCoreException.invalidInput("Agent '" + name + "' not found.",
                        config.agentNames().isEmpty() ? "No agents are configured."
                                : "Configured agents: " + String.join(", ", config.agentNames()) + ".");
            }
            config.setDefaultAgent(name);
            return null;
        });
    }

    public Path configFile() {
        return store.file();
    }

    private static void checkNetworkUnchanged(AgentConfig previous, ConfigureValidator.Network network) {
        String hint = "Network configuration is immutable after the agent is deployed. Configure a new agent (--name) "
                + "for different network settings, or destroy this one first.";
        if (!previous.networkMode().equals(network.mode())) {
            throw AgentCoreException.invalidInput("Cannot change network mode from " + previous.networkMode() + " to "
                    + network.mode() + " for deployed agent '" + previous.name() + "'.", hint);
        }
        if (network.mode().equals("VPC") && (!sameSet(previous.subnets(), network.subnets())
                || !sameSet(previous.securityGroups(), network.securityGroups()))) {
            throw AgentCoreException.invalidInput("Cannot change the subnets or security groups of deployed agent '"
                    + previous.name() + "'.", hint);
        }
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b));
    }

    /** Keys another tool (or a newer version) wrote inside the schema's own blocks are kept on reconfigure. */
    private static void keepUnknownNestedKeys(AgentConfig previous, AgentConfig agent) {
        for (String[] block : SCHEMA_BLOCKS) {
            if (previous.get(block) instanceof Map<?, ?> old && agent.get(block) instanceof Map<?, ?> now) {
                for (Map.Entry<?, ?> e : old.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    if (!now.containsKey(key)) {
                        String[] path = java.util.Arrays.copyOf(block, block.length + 1);
                        path[block.length] = key;
                        agent.set(e.getValue(), path);
                    }
                }
            }
        }
    }

    private ConfigureResult.DockerfileAction writeDockerfile(Path sourcePath, Path target, String text) {
        if (Files.isRegularFile(sourcePath.resolve("Dockerfile"))) {
            return ConfigureResult.DockerfileAction.USER_DOCKERFILE;
        }
        if (Files.exists(target)) {
            try {
                if (!PythonDockerfile.isUnedited(Files.readString(target, StandardCharsets.UTF_8))) {
                    return ConfigureResult.DockerfileAction.KEPT_EDITED;
                }
            } catch (IOException e) {
                return ConfigureResult.DockerfileAction.KEPT_EDITED;
            }
        }
        writeAtomically(target, text);
        return ConfigureResult.DockerfileAction.GENERATED;
    }

    private static void writeAtomically(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException notPosix) {
                    // the platform's default permissions apply
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot write " + target + ": " + e.getMessage(),
                    "Check the permissions of " + target.getParent() + ".");
        }
    }

    private Path commonAncestor(Path a, Path b) {
        Path common = a;
        while (!b.startsWith(common)) {
            common = common.getParent();
        }
        return common.startsWith(projectDir) ? common : projectDir;
    }

    private static Path realOrAbsolute(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    private static String posix(Path path) {
        return path.toString().replace('\\', '/');
    }
}
