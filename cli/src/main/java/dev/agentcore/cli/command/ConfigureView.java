package dev.agentcore.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.cli.AppContext;
import dev.agentcore.core.configure.ConfigureResult;
import dev.agentcore.core.configure.ModelIdCheck;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** How configure's result is shown: notes and warnings on stderr, the summary (or the agent as JSON) on stdout. */
final class ConfigureView {

    private final AppContext context;

    ConfigureView(AppContext context) {
        this.context = context;
    }

    void render(ConfigureResult r) {
        PrintWriter err = context.err();
        r.notes().forEach(n -> err.println(n));
        err.println(switch (r.dockerfileAction()) {
            case GENERATED -> "Generated Dockerfile: " + rel(r.dockerfile());
            case KEPT_EDITED -> "Keeping your edited Dockerfile: " + rel(r.dockerfile())
                    + " (delete it to regenerate)";
            case USER_DOCKERFILE -> "Using your Dockerfile: " + rel(r.dockerfile());
        });
        if (r.dockerignoreCreated()) {
            err.println("Generated .dockerignore: " + rel(r.dockerignore()));
        }
        r.warnings().forEach(w -> err.println("Warning: " + w));
        for (ModelIdCheck.Warning w : r.modelIdWarnings()) {
            err.println("Warning: " + w.message());
        }
        if (context.global().json()) {
            try {
                context.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(r.agent()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        Map<String, Object> a = r.agent();
        PrintWriter out = context.out();
        out.println("Configured agent '" + r.agentName() + "' (default agent)");
        row(out, "Entrypoint", rel(Path.of(String.valueOf(a.get("entrypoint")))));
        row(out, "Build context", rel(Path.of(String.valueOf(a.get("source_path")))));
        row(out, "Region", aws(a, "region"));
        row(out, "Account", "resolved at launch");
        row(out, "Execution role", orAuto(aws(a, "execution_role")));
        row(out, "ECR repository", orAuto(aws(a, "ecr_repository")));
        row(out, "Network", String.valueOf(((Map<?, ?>) ((Map<?, ?>) a.get("aws")).get("network_configuration"))
                .get("network_mode")));
        row(out, "Protocol", String.valueOf(((Map<?, ?>) ((Map<?, ?>) a.get("aws")).get("protocol_configuration"))
                .get("server_protocol")));
        row(out, "Authorization", a.get("authorizer_configuration") == null ? "IAM (SigV4)" : "OAuth (custom JWT)");
        row(out, "Container engine", a.get("container_runtime") == null ? "detected at launch --local"
                : String.valueOf(a.get("container_runtime")));
        row(out, "Dockerfile", rel(r.dockerfile()));
        row(out, "Config", rel(r.configFile()));
        err.println();
        err.println("Next: agentcore launch          (build in CodeBuild and deploy)");
        err.println("      agentcore launch --local  (run on this machine)");
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-17s %s%n", label + ":", value);
    }

    private static String aws(Map<String, Object> agent, String key) {
        Object v = ((Map<?, ?>) agent.get("aws")).get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static String orAuto(String value) {
        return value == null ? "auto-create at launch" : value;
    }

    private String rel(Path path) {
        Path cwd = context.cwd();
        try {
            Path real = cwd.toRealPath();
            if (path.startsWith(real)) {
                String rel = real.relativize(path).toString();
                return rel.isEmpty() ? "." : rel;
            }
        } catch (java.io.IOException ignored) {
            // show it absolute
        }
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

}
