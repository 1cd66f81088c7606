package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.cloud.Cloud;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.launch.EnvVars;
import dev.agentcore.core.launch.LaunchOptions;
import dev.agentcore.core.launch.LaunchService;
import dev.agentcore.core.local.ContainerEngine;
import dev.agentcore.core.local.LocalBuild;
import dev.agentcore.core.local.ProcessRunner;

/**
 * launch --local-build: {@link LocalBuild} builds and pushes with this machine's engine, then {@link LaunchService}
 * creates the repository and deploys exactly as the CodeBuild path does; rendered like 'launch'.
 */
final class LocalBuildLaunch {

    private final LaunchCommand options;
    private final AppContext context;

    LocalBuildLaunch(LaunchCommand options) {
        this.options = options;
        this.context = options.context;
    }

    int call(AgentConfig agent, ProcessRunner runner) {
        LocalBuild build = new LocalBuild(context.cwd(), runner, context.err());
        ContainerEngine engine = build.requireEngine(agent, options.containerRuntime);
        String tag = LocalBuild.tagOrDefault(options.imageTag);
        LaunchOptions launch = new LaunchOptions(agent.name(), EnvVars.parse(options.env), tag,
                options.autoUpdateOnConflict, options.forceRebuild);
        Cloud cloud = context.cloud(agent.region());
        LaunchService service = new LaunchService(cloud, context.cwd(), new LaunchConsole(context));
        LaunchOutput output = new LaunchOutput(context);
        if (options.dryRun) {
            context.err().println("Local steps (" + engine.name() + "):");
            build.plan(agent, engine.name(), tag).forEach(step -> context.err().println("  " + step));
            output.plan(service.planImage(launch, "<repository-uri>:" + tag));
            return 0;
        }
        LocalBuild.Pushed pushed = build.buildAndPush(agent, engine, cloud.registry(), tag,
                () -> service.ensureRepository(agent.name()));
        output.result(service.deployImage(launch, pushed.imageUri()));
        return 0;
    }
}
