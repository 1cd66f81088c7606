package dev.agentcore.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.cli.AppContext;
import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.aws.AwsCloud;
import dev.agentcore.core.cloud.Cloud;
import dev.agentcore.core.launch.EnvVars;
import dev.agentcore.core.launch.LaunchOptions;
import dev.agentcore.core.launch.LaunchService;
import dev.agentcore.core.local.AgentEnvironment;
import dev.agentcore.core.local.ContainerEngine;
import dev.agentcore.core.local.LocalBuild;
import dev.agentcore.core.local.LocalRun;
import dev.agentcore.core.local.ProcessRunner;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** The --local / --local-build / --stop part of launch: parse, call {@link LocalRun}, render. */
final class LocalLaunch implements Callable<Integer> {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final LaunchCommand options;
    private final AppContext context;

    LocalLaunch(LaunchCommand options) {
        this.options = options;
        this.context = options.context;
    }

    @Override
    public Integer call() {
        if (options.localBuild && (options.stop || options.detach)) {
            throw AgentCoreException.invalidInput("--stop and --detach go with --local, not --local-build.");
        }
        if (options.port < 1 || options.port > 65535) {
            throw AgentCoreException.invalidInput("Invalid --port " + options.port + ".", "Use 1-65535 (default 8080).");
        }
        ConfigStore store = new ConfigStore(context.cwd());
        AgentConfig agent = store.require().select(options.agent);
        PrintWriter err = context.err();
        ProcessRunner runner = new ProcessRunner(context.env(), err);
        if (options.localBuild) {
            return localBuild(agent, runner);
        }
        LocalRun run = new LocalRun(context.cwd(), runner, err, context.awsSettings());
        if (options.stop) {
            LocalRun.Stopped stopped = run.stop(agent.name());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("agent", stopped.agent());
            result.put("stopped", stopped.wasRunning());
            result.put("message", stopped.message());
            print(result, stopped.message());
            return 0;
        }
        LocalRun.Options runOptions = new LocalRun.Options(options.containerRuntime,
                AgentEnvironment.parse(options.env), options.port, options.detach, READY_TIMEOUT);
        if (options.dryRun) {
            java.util.List<String> steps = run.plan(agent, runOptions);
            for (int i = 0; i < steps.size(); i++) {
                context.out().println((i + 1) + ". " + steps.get(i));
            }
            context.out().println("Dry run: nothing was built or started.");
            return 0;
        }
        LocalRun.Launched launched = run.start(agent, runOptions);
        err.println("Agent '" + launched.agent() + "' is ready at " + launched.url()
                + " (POST /invocations, GET /ping)" + (launched.engine() == null ? "" : " in " + launched.engine()
                + " container " + launched.container()) + ".");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("agent", launched.agent());
        result.put("mode", launched.mode());
        result.put("engine", launched.engine());
        result.put("container", launched.container());
        result.put("pid", launched.pid() > 0 ? launched.pid() : null);
        result.put("url", launched.url());
        result.put("log", launched.logFile() == null ? null : launched.logFile().toString());
        print(result, launched.url());
        String portFlag = options.port == 8080 ? "" : " --port " + options.port;
        err.println("Try it: agentcore invoke '{\"prompt\": \"Hello\"}' --local" + portFlag);
        if (options.detach) {
            if (launched.logFile() != null) {
                err.println("Its output goes to " + context.cwd().relativize(launched.logFile()));
            }
            err.println("Stop it with: agentcore launch --local --stop" + agentFlag());
            err.flush();
            return 0;
        }
        err.println("Press Ctrl+C to stop (or run 'agentcore launch --local --stop" + agentFlag() + "' elsewhere).");
        err.flush();
        int code = run.serve(launched);
        if (code != 0) {
            throw AgentCoreException.failure("Agent '" + launched.agent() + "' exited with code " + code + ".",
                    "See its log lines above.");
        }
        return 0;
    }

    /** --local-build: build and push here, then the cloud launch's own deploy step. */
    private int localBuild(AgentConfig agent, ProcessRunner runner) {
        LocalBuild build = new LocalBuild(context.cwd(), runner, context.err());
        ContainerEngine engine = build.requireEngine(agent, options.containerRuntime);
        String tag = LocalBuild.tagOrDefault(options.imageTag);
        LaunchOptions launch = new LaunchOptions(agent.name(), EnvVars.parse(options.env), tag,
                options.autoUpdateOnConflict, options.forceRebuild);
        Cloud cloud = new AwsCloud(context.aws(agent.region()));
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

    private String agentFlag() {
        return options.agent == null ? "" : " --agent " + options.agent;
    }

    private void print(Map<String, ?> json, String text) {
        if (context.global().json()) {
            try {
                context.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            context.out().println(text);
        }
        context.out().flush();
    }
}
