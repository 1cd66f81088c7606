package dev.agentcore.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentcore.core.cloud.BuildService;
import dev.agentcore.core.cloud.RuntimeService;
import dev.agentcore.core.status.Lookup;
import dev.agentcore.core.status.StatusReport;
import dev.agentcore.core.status.StatusReport.State;
import picocli.CommandLine.Help.Ansi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Renders a {@link StatusReport} as sections of text or as one JSON object. */
final class StatusView {

    private final StatusReport r;
    private final boolean verbose;
    private final boolean color;
    private final StringBuilder sb = new StringBuilder();

    StatusView(StatusReport report, boolean verbose, boolean color) {
        this.r = report;
        this.verbose = verbose;
        this.color = color;
    }

    String text() {
        if (r.state() == State.NOT_CONFIGURED) {
            line("No agent is configured here: " + r.configFile() + " does not exist.");
            next();
            return sb.toString();
        }
        var s = r.summary();
        line("Agent '" + s.name() + "': " + paint(r.state()));
        section("Config");
        field("Name", s.name());
        field("Region", s.region());
        field("Account", s.account());
        field("Entrypoint", s.entrypoint());
        field("Deployment", s.deploymentType());
        if (r.state() == State.NOT_LAUNCHED) {
            line("");
            line("Configured, but not launched yet.");
            next();
            raw();
            return sb.toString();
        }
        section("Runtime");
        lookup(r.runtime(), rt -> {
            field("ID", rt.id());
            field("ARN", rt.arn());
            field("Status", rt.status());
            field("Version", rt.version());
            field("Created", time(rt.createdAt()));
            field("Updated", time(rt.lastUpdatedAt()));
            field("Failure", rt.failureReason());
        });
        section("Endpoint DEFAULT");
        lookup(r.endpoint(), ep -> {
            field("Status", ep.status());
            field("Updated", time(ep.lastUpdatedAt()));
            field("Failure", ep.failureReason());
        });
        section("Last build");
        lookup(r.lastBuild(), b -> {
            field("Status", b.status() + (b.finished() ? "" : " (phase " + b.currentPhase() + ")"));
            field("Started", time(b.startTime()));
            field("Ended", time(b.endTime()));
        });
        section("Image");
        field("URI", r.imageUri() == null ? "none recorded" : r.imageUri());
        section("Logs");
        field("Runtime", r.runtimeLogGroup());
        field("CodeBuild", r.buildLogGroup());
        line("");
        line("Follow the logs:");
        r.logCommands().forEach(c -> line("  " + c));
        next();
        raw();
        return sb.toString();
    }

    String json() throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", r.state().name());
        m.put("agent", r.agent());
        m.put("config_file", r.configFile());
        if (r.summary() != null) {
            var s = r.summary();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", s.name());
            c.put("region", s.region());
            c.put("account", s.account());
            c.put("entrypoint", s.entrypoint());
            c.put("deployment_type", s.deploymentType());
            c.put("runtime_id", s.runtimeId());
            c.put("runtime_arn", s.runtimeArn());
            c.put("execution_role", s.executionRole());
            c.put("ecr_repository", s.ecrRepository());
            c.put("codebuild_project", s.codeBuildProject());
            m.put("config", c);
        }
        m.put("runtime", lookupJson(r.runtime(), StatusView::runtimeJson));
        m.put("endpoint", lookupJson(r.endpoint(), StatusView::endpointJson));
        m.put("last_build", lookupJson(r.lastBuild(), StatusView::buildJson));
        m.put("image_uri", r.imageUri());
        Map<String, Object> logs = new LinkedHashMap<>();
        logs.put("runtime", r.runtimeLogGroup());
        logs.put("codebuild", r.buildLogGroup());
        m.put("log_groups", logs);
        m.put("log_commands", r.logCommands());
        m.put("next_steps", r.nextSteps());
        if (verbose) {
            m.put("raw", rawMap());
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m)
                + System.lineSeparator();
    }

    private Map<String, Object> rawMap() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("config", r.config());
        raw.put("runtime", r.runtime() != null && r.runtime().isFound() ? r.runtime().value().raw() : null);
        raw.put("endpoint", r.endpoint() != null && r.endpoint().isFound() ? r.endpoint().value().raw() : null);
        return raw;
    }

    private void raw() {
        if (!verbose) {
            return;
        }
        section("Raw (config and service responses)");
        try {
            line(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rawMap()));
        } catch (JsonProcessingException e) {
            line("  (cannot render: " + e.getOriginalMessage() + ")");
        }
    }

    private static <T> Object lookupJson(Lookup<T> l, Function<T, Map<String, Object>> found) {
        if (l == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (l.isFound()) {
            m.put("found", true);
            m.putAll(found.apply(l.value()));
        } else if (l.isFailed()) {
            m.put("found", null);
            m.put("error_kind", l.errorKind());
            m.put("error", l.error());
        } else {
            m.put("found", false);
            m.put("reason", l.absentReason());
        }
        return m;
    }

    private static Map<String, Object> runtimeJson(RuntimeService.AgentRuntime rt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rt.id());
        m.put("arn", rt.arn());
        m.put("status", rt.status());
        m.put("version", rt.version());
        m.put("container_uri", rt.containerUri());
        m.put("role_arn", rt.roleArn());
        m.put("created_at", time(rt.createdAt()));
        m.put("last_updated_at", time(rt.lastUpdatedAt()));
        m.put("failure_reason", rt.failureReason());
        return m;
    }

    private static Map<String, Object> endpointJson(RuntimeService.Endpoint ep) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ep.name());
        m.put("arn", ep.arn());
        m.put("status", ep.status());
        m.put("created_at", time(ep.createdAt()));
        m.put("last_updated_at", time(ep.lastUpdatedAt()));
        m.put("failure_reason", ep.failureReason());
        return m;
    }

    private static Map<String, Object> buildJson(BuildService.Build b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("status", b.status());
        m.put("current_phase", b.currentPhase());
        m.put("start_time", time(b.startTime()));
        m.put("end_time", time(b.endTime()));
        return m;
    }

    private <T> void lookup(Lookup<T> l, java.util.function.Consumer<T> found) {
        if (l.isFound()) {
            found.accept(l.value());
        } else if (l.isFailed()) {
            field("Error", l.error() + " (" + l.errorKind().toLowerCase().replace('_', ' ') + ")");
        } else {
            field("Status", l.absentReason());
        }
    }

    private void next() {
        line("");
        line("Next:");
        r.nextSteps().forEach(c -> line("  " + c));
    }

    private String paint(State state) {
        if (!color) {
            return state.name();
        }
        String style = switch (state) {
            case READY -> "green";
            case FAILED, MISSING, UNKNOWN -> "red";
            default -> "yellow";
        };
        return Ansi.ON.string("@|bold," + style + " " + state.name() + "|@");
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    private void section(String title) {
        line("");
        line(title);
    }

    private void field(String name, String value) {
        if (value != null) {
            line(String.format("  %-11s %s", name + ":", value));
        }
    }

    private void line(String s) {
        sb.append(s).append(System.lineSeparator());
    }
}
