package dev.agentcore.core.status;

import dev.agentcore.core.cloud.BuildService;
import dev.agentcore.core.cloud.Cloud;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.RuntimeService;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.config.ProjectConfig;
import dev.agentcore.core.status.StatusReport.State;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the config and, for a launched agent, the runtime, its DEFAULT endpoint and the last CodeBuild build. Only
 * read-only calls; each failure is kept in its section so one denied permission does not hide the rest.
 */
public final class StatusService {

    public static final String ENDPOINT = "DEFAULT";

    private final ConfigStore store;
    private final Function<String, Cloud> cloudForRegion;
    private final Clock clock;

    /**
     * @param cloudForRegion builds the cloud for the agent's configured region (null: the default chain); called
     *                       only for a launched agent, so an unlaunched one never builds an AWS client
     */
    public StatusService(ConfigStore store, Function<String, Cloud> cloudForRegion, Clock clock) {
        this.store = store;
        this.cloudForRegion = cloudForRegion;
        this.clock = clock;
    }

    public StatusService(ConfigStore store, Function<String, Cloud> cloudForRegion) {
        this(store, cloudForRegion, Clock.systemUTC());
    }

    /** The status of the named agent (null: the default). An unknown name is invalid input. */
    public StatusReport status(String agentName) {
        Optional<ProjectConfig> loaded = store.load();
        if (loaded.isEmpty() || loaded.get().agentNames().isEmpty()) {
            return StatusReport.notConfigured(store.file().toString());
        }
        AgentConfig agent = loaded.get().select(agentName);
        String project = agent.codeBuildProject() != null ? agent.codeBuildProject()
                : agent.createdResource("codebuild_project");
        String runtimeId = agent.agentId();
        StatusReport.Summary summary = new StatusReport.Summary(agent.name(), agent.region(), agent.account(),
                agent.entrypoint(), agent.deploymentType(), runtimeId, agent.agentArn(), agent.executionRole(),
                agent.ecrRepository(), project);
        String buildLogGroup = project == null ? null : "/aws/codebuild/" + project;
        String imageUri = stringAt(agent, "bedrock_agentcore", "image_uri");

        if (runtimeId == null || runtimeId.isBlank()) {
            return new StatusReport(State.NOT_LAUNCHED, agent.name(), store.file().toString(), agent.toMap(), summary,
                    null, null, null, imageUri, null, buildLogGroup, List.of(),
                    List.of(launchCommand(agentName)));
        }

        Cloud cloud = cloudForRegion.apply(agent.region());
        RuntimeService runtimes = cloud.runtimes();
        // the three look-ups are independent: the build's (its own SDK client) and the endpoint's run beside the
        // runtime's; the endpoint's answer is used only when the runtime was found (or could not be read)
        CompletableFuture<Lookup<BuildService.Build>> buildLookup = project == null
                ? CompletableFuture.completedFuture(Lookup.absent("no CodeBuild project recorded"))
                : CompletableFuture.supplyAsync(() -> lookup(() -> cloud.builds().lastBuild(project), "no build yet"));
        CompletableFuture<Lookup<RuntimeService.Endpoint>> endpointLookup = CompletableFuture.supplyAsync(
                () -> lookup(() -> runtimes.getEndpoint(runtimeId, ENDPOINT), "none yet"));
        Lookup<RuntimeService.AgentRuntime> runtime = lookup(() -> runtimes.get(runtimeId),
                "no runtime with id " + runtimeId + " (deleted outside the tool?)");
        Lookup<RuntimeService.Endpoint> endpoint = runtime.isFound() || runtime.isFailed()
                ? join(endpointLookup) : Lookup.absent("no runtime");
        Lookup<BuildService.Build> build = join(buildLookup);
        if (imageUri == null && runtime.isFound()) {
            imageUri = runtime.value().containerUri();
        }

        String region = agent.region() != null ? agent.region() : cloud.region();
        String runtimeLogGroup = "/aws/bedrock-agentcore/runtimes/" + runtimeId + "-" + ENDPOINT;
        List<String> commands = logCommands(runtimeLogGroup, buildLogGroup, region);
        State state = state(runtime, endpoint);
        return new StatusReport(state, agent.name(), store.file().toString(), agent.toMap(), summary, runtime,
                endpoint, build, imageUri, runtimeLogGroup, buildLogGroup, commands,
                nextSteps(state, agentName));
    }

    private List<String> logCommands(String runtimeLogGroup, String buildLogGroup, String region) {
        String day = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        String runtimeTail = "aws logs tail " + runtimeLogGroup + " --log-stream-name-prefix \"" + day
                + "/[runtime-logs]\"" + (region == null ? "" : " --region " + region);
        List<String> commands = new ArrayList<>();
        commands.add(runtimeTail + " --follow");
        commands.add(runtimeTail + " --since 1h");
        if (buildLogGroup != null) {
            commands.add("aws logs tail " + buildLogGroup + " --since 1h" + (region == null ? "" : " --region " + region));
        }
        return commands;
    }

    static State state(Lookup<RuntimeService.AgentRuntime> runtime, Lookup<RuntimeService.Endpoint> endpoint) {
        if (runtime.isFailed()) {
            return State.UNKNOWN;
        }
        if (!runtime.isFound()) {
            return State.MISSING;
        }
        String rs = String.valueOf(runtime.value().status());
        String es = endpoint.isFound() ? String.valueOf(endpoint.value().status()) : null;
        if (rs.endsWith("FAILED") || (es != null && es.endsWith("FAILED"))) {
            return State.FAILED;
        }
        if (rs.startsWith("DELET")) {
            return State.MISSING;
        }
        if (endpoint.isFailed()) {
            return State.UNKNOWN;
        }
        if ("READY".equals(rs) && "READY".equals(es)) {
            return State.READY;
        }
        return State.DEPLOYING;
    }

    private static List<String> nextSteps(State state, String agentName) {
        String agentFlag = agentName == null ? "" : " --agent " + agentName;
        return switch (state) {
            case READY -> List.of("agentcore invoke '{\"prompt\": \"Hello\"}'" + agentFlag);
            case DEPLOYING -> List.of("agentcore status" + agentFlag + "   # check again until READY");
            case FAILED -> List.of("read the runtime logs (commands above), fix the agent, then: "
                    + launchCommand(agentName));
            case MISSING -> List.of(launchCommand(agentName) + "   # creates the runtime again",
                    "agentcore destroy" + agentFlag + "   # or clean up what is left");
            case UNKNOWN -> List.of("check your AWS credentials and permissions, then: agentcore status" + agentFlag);
            case NOT_LAUNCHED -> List.of(launchCommand(agentName));
            case NOT_CONFIGURED -> List.of("agentcore configure --entrypoint agent.py");
        };
    }

    private static String launchCommand(String agentName) {
        return "agentcore launch" + (agentName == null ? "" : " --agent " + agentName);
    }

    private static <T> Lookup<T> lookup(Supplier<Optional<T>> call, String absentReason) {
        try {
            return call.get().map(Lookup::found).orElseGet(() -> Lookup.absent(absentReason));
        } catch (CloudException e) {
            if (e.is(CloudException.Kind.NOT_FOUND)) {
                return Lookup.absent(absentReason);
            }
            return Lookup.failed(e);
        }
    }

    /** lookup() turns every CloudException into a Lookup; anything else is a bug and surfaces as itself. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private static String stringAt(AgentConfig agent, String... path) {
        Object v = agent.get(path);
        return v == null ? null : String.valueOf(v);
    }
}
