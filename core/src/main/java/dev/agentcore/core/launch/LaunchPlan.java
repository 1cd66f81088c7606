package dev.agentcore.core.launch;

import dev.agentcore.core.cloud.BuildService;
import dev.agentcore.core.cloud.RuntimeService;
import dev.agentcore.core.packaging.SourceBundle;

import java.util.List;

/**
 * Every call a launch makes, in order, computed from the config and read-only look-ups; {@code --dry-run} prints
 * it, the real run executes it. {@code notes} say what was found (a reused image, a recreated runtime), {@code
 * warnings} what may go wrong (a bare model id, no Dockerfile). {@code bundle} is null when a prebuilt image is deployed (--local-build).
 */
public record LaunchPlan(String agent, String account, String region, List<Step> steps, SourceBundle.Bundle bundle,
                         String imageUri, boolean build, List<String> notes, List<String> warnings,
                         Targets targets) {

    public LaunchPlan {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    public List<Step> mutatingSteps() {
        return steps.stream().filter(Step::mutating).toList();
    }

    /** A repository or role as the plan found it: {@code ours} when this tool created it for this agent. */
    public record Resource(String name, String arnOrUri, boolean exists, boolean ours) { }

    /**
     * What the executor needs beyond the step list, all computed at plan time: the resources as found, the rendered
     * policies, the CodeBuild project and the runtime as they will be sent. {@code runtimeId} is the runtime to
     * update, null to create one. Fields a scope does not need are null.
     */
    public record Targets(ResourceNames names, Resource repository, String repositoryArn, Resource runtimeRole,
                          Resource buildRole, String runtimeRoleTrust, String runtimeRolePolicy,
                          String buildRoleTrust, String buildRolePolicy, BuildService.ProjectSpec project,
                          RuntimeService.RuntimeSpec runtime, String runtimeId, boolean autoUpdateOnConflict) { }
}
