package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.cloud.Cloud;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.launch.EnvVars;
import dev.agentcore.core.launch.LaunchOptions;
import dev.agentcore.core.launch.LaunchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * launch (alias deploy). The cloud path: {@link LaunchService} plans and runs the CodeBuild build and the runtime
 * deployment, {@link LaunchConsole} shows progress on stderr, {@link LaunchOutput} the result on stdout.
 * --local and --local-build are handed to {@link LocalLaunch}, which drives the container engine.
 */
@Command(name = "launch", aliases = {"deploy"}, mixinStandardHelpOptions = true,
        description = {"Build the agent's ARM64 image and deploy it to AgentCore Runtime (or run it locally).",
                "Cloud: ensures the ECR repository, the roles and the source bucket, uploads the build context, builds "
                        + "in CodeBuild, creates or updates the runtime and waits until READY. The image tag is the "
                        + "source's SHA-256: an unchanged source is not rebuilt. Safe to rerun after a failure."},
        footerHeading = "%nExamples:%n",
        footer = {"  agentcore launch --dry-run",
                "  agentcore launch --dry-run --output json | jq '.steps | length'",
                "  agentcore launch --env LOG_LEVEL=debug",
                "  agentcore launch --local --detach",
                "  agentcore launch --local --stop",
                "  agentcore launch --local-build --container-runtime docker",
                "",
                "Exit codes: 0 deployed or running locally, 1 a step failed (rerun is",
                "safe), 2 invalid input."})
public final class LaunchCommand implements Callable<Integer> {

    final AppContext context;

    @Option(names = {"-a", "--agent"}, paramLabel = "NAME", description = "Agent to launch (default: the default agent).")
    String agent;

    @Option(names = {"-l", "--local"}, description = "Build and run the agent on this machine on port 8080.")
    boolean local;

    @Option(names = {"-lb", "--local-build"}, description = "Build the image on this machine, push it to ECR and deploy to the cloud.")
    boolean localBuild;

    @Option(names = {"-ctr", "--container-runtime"}, paramLabel = "ENGINE",
            description = "docker, finch, podman or none (run the entrypoint with the host's Python). Default: configured, else detected.")
    String containerRuntime;

    @Option(names = "--stop", description = "With --local: stop the agent started by an earlier 'launch --local'.")
    boolean stop;

    @Option(names = {"-d", "--detach"}, description = "With --local: return once the agent answers /ping, leaving it "
            + "running in the background (stop it with 'launch --local --stop').")
    boolean detach;

    @Option(names = "--port", paramLabel = "PORT", description = "With --local: the port on this machine (default: "
            + "8080, the runtime contract's).")
    int port = 8080;

    @Option(names = {"-env", "--env"}, paramLabel = "KEY=VALUE", description = "Environment variable for the agent (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = {"-t", "--image-tag"}, paramLabel = "TAG", description = "Image tag (default: the source bundle's SHA-256).")
    String imageTag;

    @Option(names = {"-auc", "--auto-update-on-conflict"}, description = "When a runtime with this name exists but is not in the config, update it.")
    boolean autoUpdateOnConflict;

    @Option(names = "--force-rebuild", description = "Build even when an image of the same source is already in ECR.")
    boolean forceRebuild;

    @Option(names = "--dry-run", description = "Print the plan (every call, in order) and change nothing.")
    boolean dryRun;

    public LaunchCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (local && localBuild) {
            throw AgentCoreException.invalidInput("--local and --local-build cannot be used together.",
                    "Use --local to run here, or --local-build to build here and deploy to the cloud.");
        }
        if (local || localBuild || stop) {
            return new LocalLaunch(this).call();
        }
        Map<String, String> variables = EnvVars.parse(env);
        AgentConfig config = new ConfigStore(context.cwd()).require().select(agent);
        Cloud cloud = context.cloud(config.region());
        LaunchService service = new LaunchService(cloud, context.cwd(), new LaunchConsole(context));
        LaunchOptions options = new LaunchOptions(config.name(), variables, imageTag, autoUpdateOnConflict,
                forceRebuild);
        LaunchOutput output = new LaunchOutput(context);
        if (dryRun) {
            output.plan(service.plan(options));
        } else {
            output.result(service.launch(options));
        }
        return 0;
    }
}
