package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.aws.AwsClients;
import dev.agentcore.core.configure.ConfigureRequest;
import dev.agentcore.core.configure.ConfigureResult;
import dev.agentcore.core.configure.ConfigureService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Objects;
import java.util.concurrent.Callable;

@Command(name = "configure", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {ConfigureListCommand.class, ConfigureSetDefaultCommand.class},
        description = {"Create or update an agent's configuration, Dockerfile and .dockerignore.",
                "Works offline: AWS is first contacted by launch."},
        footer = {"", "Examples:", "  agentcore configure -e agent.py --non-interactive",
                "  agentcore configure -e agents/writer.py -n writer -p MCP -ni"})
public final class ConfigureCommand implements Callable<Integer> {

    @Option(names = {"-e", "--entrypoint"}, paramLabel = "PATH", description = "Agent file, or a directory holding one of agent.py, app.py, main.py, __main__.py.") String entrypoint;
    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Agent name (default: inferred from the entrypoint).") String name;
    @Option(names = {"-er", "--execution-role"}, paramLabel = "ARN|NAME", description = "Runtime execution role (default: auto-create at launch).") String executionRole;
    @Option(names = {"-cber", "--code-build-execution-role"}, paramLabel = "ARN|NAME", description = "CodeBuild service role (default: auto-create).") String codeBuildRole;
    @Option(names = {"-ecr", "--ecr"}, paramLabel = "URI|NAME|auto", description = "ECR repository (default: auto-create).") String ecr;
    @Option(names = {"-ctr", "--container-runtime"}, paramLabel = "ENGINE", description = "docker, finch, podman or none (default: detected by launch --local).") String containerRuntime;
    @Option(names = {"-rf", "--requirements-file"}, paramLabel = "FILE", description = "requirements*.txt/.in or pyproject.toml (default: detected).") String requirementsFile;
    @Option(names = {"-do", "--disable-otel"}, description = "No OpenTelemetry instrumentation.") boolean disableOtel;
    @Option(names = {"-ac", "--authorizer-config"}, paramLabel = "JSON", description = "Inbound authorizer, e.g. '{\"customJWTAuthorizer\": {...}}'.") String authorizer;
    @Option(names = {"-rha", "--request-header-allowlist"}, paramLabel = "H1,H2", description = "Request headers passed to the agent.") String headers;
    @Option(names = "--vpc", description = "Run in your VPC (needs --subnets and --security-groups).") boolean vpc;
    @Option(names = "--subnets", paramLabel = "IDS", description = "Comma-separated subnet ids.") String subnets;
    @Option(names = "--security-groups", paramLabel = "IDS", description = "Comma-separated security group ids.") String securityGroups;
    @Option(names = "--idle-timeout", paramLabel = "SECONDS", description = "Idle session timeout, 60-28800 (service default 900).") Integer idleTimeout;
    @Option(names = "--max-lifetime", paramLabel = "SECONDS", description = "Maximum instance lifetime, 60-28800 (service default 28800).") Integer maxLifetime;
    @Option(names = "-r", paramLabel = "REGION", description = "Same as --region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's, else us-west-2).") String region;
    @Option(names = {"-p", "--protocol"}, paramLabel = "PROTOCOL", description = "HTTP, MCP, A2A or AGUI (default: HTTP).") String protocol;
    @Option(names = {"-ni", "--non-interactive"}, description = "Ask nothing: flags and defaults only.") boolean nonInteractive;

    private final AppContext context;

    public ConfigureCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigureService service = new ConfigureService(context.cwd(), context.env());
        service.existing(); // a malformed file stops us before any question
        if (!nonInteractive && !context.interactive()) {
            throw AgentCoreException.invalidInput("configure would ask questions, but there is no terminal to ask on.",
                    "Pass --non-interactive (-ni) to use the flags and defaults, e.g. agentcore configure -e agent.py -ni");
        }
        ConfigureRequest.Builder request = ConfigureRequest.builder(context.cwd()).entrypoint(entrypoint).name(name)
                .executionRole(executionRole).codeBuildExecutionRole(codeBuildRole).ecr(ecr)
                .containerRuntime(containerRuntime).requirementsFile(requirementsFile).disableOtel(disableOtel)
                .authorizerConfig(authorizer).requestHeaderAllowlist(headers).vpc(vpc).subnets(subnets)
                .securityGroups(securityGroups).idleTimeout(idleTimeout).maxLifetime(maxLifetime)
                .protocol(protocol).region(resolveRegion());
        if (!nonInteractive) {
            try (ConfigurePrompter prompter = new ConfigurePrompter(context, service)) {
                prompter.ask(request, entrypoint, name, requirementsFile, executionRole, ecr, authorizer, headers);
            }
        }
        ConfigureResult result = service.configure(request.build());
        new ConfigureView(context).render(result);
        return 0;
    }

    private String resolveRegion() {
        if (region != null) {
            return region;
        }
        return Objects.requireNonNullElse(AwsClients.resolveRegion(context.awsSettings()), "us-west-2");
    }
}
