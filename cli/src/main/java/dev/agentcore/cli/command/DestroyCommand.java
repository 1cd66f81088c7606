package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.destroy.DestroyPlan;
import dev.agentcore.core.destroy.DestroyResult;
import dev.agentcore.core.destroy.DestroyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "destroy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Remove what launch created for an agent, dependants first: the runtime (its DEFAULT endpoint "
                + "goes with it), the ECR images, the CodeBuild project, the agent's source object, the "
                + "CodeBuild and execution roles and the runtime's and build's log groups, then the agent's entry in "
                + ".bedrock_agentcore.yaml.",
                "Only what this tool recorded as created (and tagged) is deleted: a role or repository you supplied, "
                        + "or one another agent uses, is kept and the plan says why. Rerunning after a partial "
                        + "destroy finishes the job."},
        footerHeading = "%nExamples:%n",
        footer = {"  agentcore destroy --dry-run",
                "  agentcore destroy --dry-run --output json | jq '.steps[].action'",
                "  agentcore destroy --agent writer --force --delete-ecr-repo",
                "",
                "Exit codes:",
                "  0  every step went, or there was nothing to destroy (also for --dry-run)",
                "  1  a step failed (the rest ran where safe; rerun to finish),",
                "     or the confirmation was declined",
                "  2  invalid input, or no terminal to confirm on and no --force"})
public final class DestroyCommand implements Callable<Integer> {

    private final AppContext context;

    @Option(names = {"-a", "--agent"}, paramLabel = "NAME", description = "Agent to destroy (default: the default agent).")
    String agent;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Do not ask for confirmation (needed without a terminal).")
    boolean force;

    @Option(names = "--delete-ecr-repo", description = "Also delete the ECR repository, if this tool created it.")
    boolean deleteEcrRepo;

    @Option(names = "--keep-logs", description = "Keep the agent's CloudWatch log groups.")
    boolean keepLogs;

    public DestroyCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (!dryRun && !force && !context.interactive()) {
            throw AgentCoreException.invalidInput("Refusing to destroy without confirmation: there is no terminal "
                    + "to ask on.", "Pass --force to destroy without asking, or --dry-run to preview the plan.");
        }
        DestroyService service = new DestroyService(new ConfigStore(context.cwd()),
                context::cloud);
        Optional<DestroyPlan> plan = service.plan(agent, deleteEcrRepo, keepLogs);
        boolean json = context.global().json();
        DestroyView view = new DestroyView(context.color());
        if (plan.isEmpty()) {
            context.err().println(view.nothingToDestroy(agent, service.configuredAgents()));
            if (json) {
                context.out().print(view.json(view.emptyJson(agent)));
            }
            return 0;
        }
        if (dryRun) {
            context.out().print(json ? view.json(plan.get().toJson()) : view.plan(plan.get()));
            context.err().println(view.howToRun(plan.get(), agent));
            return 0;
        }
        if (!force) {
            context.err().print(view.plan(plan.get()));
            context.err().print(view.question(plan.get()));
            context.err().flush();
            String answer = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.trim().toLowerCase().matches("y|yes")) {
                context.err().println("Destruction cancelled: nothing was deleted.");
                return AgentCoreException.EXIT_FAILURE;
            }
        }
        DestroyResult result = service.execute(plan.get(), o -> {
            context.err().println(view.progress(o));
            context.err().flush();
        });
        context.out().print(json ? view.json(result.toJson()) : view.result(result));
        if (!result.succeeded()) {
            context.err().println("Some steps did not complete; fix the cause above and rerun 'agentcore destroy"
                    + (agent == null ? "" : " --agent " + agent) + " --force' to finish (rerunning is safe).");
        }
        return result.succeeded() ? 0 : AgentCoreException.EXIT_FAILURE;
    }
}
