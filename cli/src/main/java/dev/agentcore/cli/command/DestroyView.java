package dev.agentcore.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentcore.core.destroy.DestroyPlan;
import dev.agentcore.core.destroy.DestroyResult;
import dev.agentcore.core.destroy.DestroyStep;
import picocli.CommandLine.Help.Ansi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders destroy plans and results as numbered text or JSON. */
final class DestroyView {

    private static final String NL = System.lineSeparator();
    private final boolean color;

    DestroyView(boolean color) {
        this.color = color;
    }

    String plan(DestroyPlan plan) {
        StringBuilder sb = new StringBuilder("Plan to destroy agent '" + plan.agent() + "' (region " + plan.region()
                + (plan.account() == null ? "" : ", account " + plan.account()) + "):" + NL);
        List<DestroyStep> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            DestroyStep s = steps.get(i);
            String action = switch (s.action()) {
                case DELETE -> paint("delete", "red");
                case KEEP -> paint("keep", "green");
                case NONE -> "none";
            };
            sb.append(String.format("%3d. %-6s %s.%s %s [%s]", i + 1, action, s.service(), s.operation(),
                    s.resource(), s.found().name().toLowerCase())).append(NL);
            if (s.note() != null) {
                sb.append("          ").append(s.note()).append(NL);
            }
        }
        if (!plan.hasWork()) {
            sb.append("Nothing to delete.").append(NL);
        }
        return sb.toString();
    }

    String question(DestroyPlan plan) {
        return "This permanently deletes the resources marked 'delete' above"
                + (plan.deleteEcrRepo() ? ", including the ECR repository" : "") + "." + NL
                + "Destroy agent '" + plan.agent() + "'? [y/N]: ";
    }

    String howToRun(DestroyPlan plan, String agent) {
        return "Dry run: nothing was changed. To destroy, run: agentcore destroy"
                + (agent == null ? "" : " --agent " + agent) + (plan.deleteEcrRepo() ? " --delete-ecr-repo" : "")
                + " --force";
    }

    String nothingToDestroy(String agent, List<String> configured) {
        if (agent == null && configured.isEmpty()) {
            return "Nothing to destroy: no agent is configured in this directory.";
        }
        return "Nothing to destroy: agent '" + agent + "' is not in .bedrock_agentcore.yaml (already destroyed?)."
                + (configured.isEmpty() ? "" : " Configured agents: " + configured);
    }

    Map<String, Object> emptyJson(String agent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent", agent);
        m.put("nothing_to_destroy", true);
        m.put("steps", List.of());
        return m;
    }

    String progress(DestroyResult.Outcome o) {
        DestroyStep s = o.step();
        return "  " + label(o.status()) + " " + s.service() + "." + s.operation() + " " + s.resource()
                + (o.message() == null ? "" : ": " + o.message());
    }

    String result(DestroyResult result) {
        StringBuilder sb = new StringBuilder(result.succeeded()
                ? "Destroyed agent '" + result.agent() + "':" + NL
                : "Destroy of agent '" + result.agent() + "' finished with errors:" + NL);
        List<DestroyResult.Outcome> outcomes = result.outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            DestroyResult.Outcome o = outcomes.get(i);
            DestroyStep s = o.step();
            sb.append(String.format("%3d. %-12s %s.%s %s", i + 1, label(o.status()), s.service(), s.operation(),
                    s.resource())).append(NL);
            if (o.message() != null) {
                sb.append("          ").append(o.message()).append(NL);
            }
        }
        return sb.toString();
    }

    String json(Map<String, Object> value) throws JsonProcessingException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value) + NL;
    }

    private String label(DestroyResult.Status status) {
        return switch (status) {
            case DELETED -> paint("deleted", "red");
            case ALREADY_GONE -> "already gone";
            case KEPT -> paint("kept", "green");
            case FAILED -> paint("FAILED", "red");
            case SKIPPED -> paint("skipped", "yellow");
        };
    }

    private String paint(String text, String style) {
        return color ? Ansi.ON.string("@|bold," + style + " " + text + "|@") : text;
    }
}
