package dev.agentcore.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentcore.cli.AppContext;
import dev.agentcore.core.launch.LaunchPlan;
import dev.agentcore.core.launch.LaunchResult;
import dev.agentcore.core.launch.Step;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Launch's results on stdout: the plan of a dry run or the deployed runtime, as text or JSON (--output json). */
final class LaunchOutput {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final AppContext context;

    LaunchOutput(AppContext context) {
        this.context = context;
    }

    /** JSON: exactly {"steps":[...],"bundle":{"files":[...],"bytes":N,"sha256":"..."}}. */
    void plan(LaunchPlan plan) {
        PrintWriter out = context.out();
        if (context.global().json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            List<Map<String, Object>> steps = new ArrayList<>();
            for (Step s : plan.steps()) {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("service", s.service());
                step.put("operation", s.operation());
                step.put("resource", s.resource());
                step.put("why", s.why());
                step.put("mutating", s.mutating());
                steps.add(step);
            }
            doc.put("steps", steps);
            Map<String, Object> bundle = null;
            if (plan.bundle() != null) {
                bundle = new LinkedHashMap<>();
                bundle.put("files", plan.bundle().files());
                bundle.put("bytes", plan.bundle().bytes());
                bundle.put("sha256", plan.bundle().sha256());
            }
            doc.put("bundle", bundle);
            print(doc);
            return;
        }
        out.println("Plan for agent " + plan.agent() + " in account " + plan.account() + ", region " + plan.region()
                + ":");
        int n = 1;
        for (Step s : plan.steps()) {
            out.println(String.format("%3d. %-9s %-32s %s", n++, s.service(), s.operation(), s.resource()));
            out.println("      " + s.why());
        }
        if (plan.bundle() != null) {
            out.println("Source bundle: " + plan.bundle().files().size() + " files, " + plan.bundle().bytes()
                    + " bytes, sha256 " + plan.bundle().sha256());
            plan.bundle().files().forEach(f -> out.println("  " + f));
        }
        out.println("Dry run: nothing was changed.");
        out.flush();
    }

    void result(LaunchResult r) {
        PrintWriter out = context.out();
        if (context.global().json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("agent", r.agent());
            doc.put("agentId", r.agentId());
            doc.put("agentArn", r.agentArn());
            doc.put("imageUri", r.imageUri());
            doc.put("status", r.runtimeStatus());
            doc.put("endpointStatus", r.endpointStatus());
            doc.put("built", r.built());
            doc.put("buildId", r.buildId());
            doc.put("region", r.region());
            doc.put("logGroup", r.logGroup());
            doc.put("tailCommand", r.tailCommand());
            doc.put("invokeCommand", r.invokeCommand());
            print(doc);
            return;
        }
        out.println("Agent " + r.agent() + " is deployed: runtime " + r.runtimeStatus());
        out.println("  Agent ARN:  " + r.agentArn());
        out.println("  Image:      " + r.imageUri() + (r.built() ? "  (built by CodeBuild " + r.buildId() + ")"
                : "  (already in ECR: not rebuilt)"));
        out.println("  Endpoint:   DEFAULT " + (r.endpointStatus() == null ? "not found yet" : r.endpointStatus()));
        out.println("  Logs:       " + r.logGroup());
        out.println("  Tail logs:  " + r.tailCommand());
        out.println("Next: " + r.invokeCommand());
        out.flush();
    }

    private void print(Object doc) {
        try {
            context.out().println(JSON.writeValueAsString(doc));
            context.out().flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
