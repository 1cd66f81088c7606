package dev.agentcore.cli.command;

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
        if (options.localBuild) {
            if (options.stop || options.detach) {
                throw AgentCoreException.invalidInput("--stop and --detach go with --local, not --local-build.");
            }
            throw AgentCoreException.failure("'agentcore launch --local-build' is not wired to the cloud deploy "
                    + "in this build yet.", "Use 'agentcore launch' (CodeBuild) or 'agentcore launch --local'.");
        }
        if (options.port < 1 || options.port > 65535) {
            throw AgentCoreException.invalidInput("Invalid --port " + options.port + ".", "Use 1-65535 (default 8080).");
        }
        ConfigStore store = new ConfigStore(context.cwd());
        AgentConfig agent = store.require().select(options.agent);
        PrintWriter err = context.err();
        LocalRun run = new LocalRun(context.cwd(), new ProcessRunner(context.env(), err), err, context.awsSettings());
        if (options.stop) {
            LocalRun.Stopped stopped = run.stop(agent.name());
            print(Map.of("agent", stopped.agent(), "stopped", stopped.wasRunning(), "message", stopped.message()),
                    stopped.message());
            return 0;
        }
        Map<String, String> env = AgentEnvironment.parse(options.env);
        LocalRun.Launched launched = run.start(agent, new LocalRun.Options(options.containerRuntime, env,
                options.port, options.detach, READY_TIMEOUT));
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
        err.println("Agent '" + launched.agent() + "' stopped.");
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
