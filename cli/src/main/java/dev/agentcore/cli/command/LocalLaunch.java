package dev.agentcore.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.cli.AppContext;
import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.local.AgentEnvironment;
import dev.agentcore.core.local.LocalRun;
import dev.agentcore.core.local.ProcessRunner;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
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
            return new LocalBuildLaunch(options).call(agent, runner);
        }
        LocalRun run = new LocalRun(context.cwd(), runner, err, context.awsSettings());
        if (options.stop) {
            LocalRun.Stopped stopped = run.stop(agent.name());
            print(stopped.summary(), stopped.message());
            return 0;
        }
        LocalRun.Options runOptions = new LocalRun.Options(options.containerRuntime,
                AgentEnvironment.parse(options.env), options.port, options.detach, READY_TIMEOUT);
        if (options.dryRun) {
            List<String> steps = run.plan(agent, runOptions);
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
        print(launched.summary(), launched.url());
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

    private String agentFlag() {
        return options.agent == null ? "" : " --agent " + options.agent;
    }

    private void print(Map<String, ?> json, String text) {
        if (context.global().json()) {
            try {
                context.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            context.out().println(text);
        }
        context.out().flush();
    }
}
