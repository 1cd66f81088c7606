package dev.agentcore.core.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.cloud.RuntimeService;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.fake.FakeCloud;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LaunchServiceTest {

    @TempDir
    Path dir;

    FakeCloud cloud = new FakeCloud();
    FakeTime time = new FakeTime();
    RecordingProgress progress = new RecordingProgress();
    ResourceNames names = new ResourceNames("demo", FakeCloud.ACCOUNT, "us-west-2", "aws");

    @BeforeEach
    void project() throws IOException {
        write("agent.py", "print('hello')\n");
        write("requirements.txt", "bedrock-agentcore\n");
        write("Dockerfile", "FROM public.ecr.aws/docker/library/python:3.11-slim\nCOPY . .\n");
        configure(a -> { });
    }

    private void configure(java.util.function.Consumer<AgentConfig> change) {
        new ConfigStore(dir).update(cfg -> {
            AgentConfig a = AgentConfig.newContainerAgent("demo", "agent.py", dir.toString());
            a.setRegion("us-west-2");
            a.setAccount(FakeCloud.ACCOUNT);
            change.accept(a);
            cfg.putAgent(a);
            return null;
        });
    }

    private void write(String rel, String text) throws IOException {
        Files.writeString(dir.resolve(rel), text, StandardCharsets.UTF_8);
    }

    private LaunchService service() {
        return new LaunchService(cloud, dir, progress, time.poller(), Runnable::run);
    }

    private LaunchResult launch() {
        return service().launch(LaunchOptions.defaults(null));
    }

    private AgentConfig agent() {
        return new ConfigStore(dir).require().agent("demo").orElseThrow();
    }

    private List<String> firstLaunchCalls() {
        String rt = names.runtimeRole();
        String cb = names.codeBuildRole();
        String bucket = names.bucket();
        return List.of(
                "ECR.CreateRepository bedrock-agentcore-demo",
                "IAM.CreateRole " + rt,
                "IAM.PutRolePolicy " + rt + "/BedrockAgentCoreRuntimeExecutionPolicy-demo",
                "IAM.CreateRole " + cb,
                "IAM.PutRolePolicy " + cb + "/CodeBuildExecutionPolicy",
                "S3.CreateBucket " + bucket,
                "S3.PutBucketLifecycleConfiguration " + bucket,
                "S3.PutObject " + bucket + "/demo/source.zip",
                "CodeBuild.CreateProject bedrock-agentcore-demo-builder",
                "CodeBuild.StartBuild bedrock-agentcore-demo-builder",
                "AgentCore.CreateAgentRuntime demo");
    }

    private static long count(List<String> calls, String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }

    @Test
    void firstLaunchCreatesEverythingInOrderAndEndsReady() {
        LaunchResult result = launch();

        assertThat(cloud.mutatingCalls()).containsExactlyElementsOf(firstLaunchCalls());
        assertThat(result.runtimeStatus()).isEqualTo("READY");
        assertThat(result.endpointStatus()).isEqualTo("READY");
        assertThat(result.built()).isTrue();
        String repoUri = FakeCloud.ACCOUNT + ".dkr.ecr.us-west-2.amazonaws.com/bedrock-agentcore-demo";
        assertThat(result.imageUri()).matches(java.util.regex.Pattern.quote(repoUri) + ":[0-9a-f]{64}");
        RuntimeService.RuntimeSpec sent = cloud.runtimeSpecs.get(result.agentId());
        assertThat(sent.containerUri()).isEqualTo(result.imageUri());
        assertThat(sent.roleArn()).endsWith(":role/" + names.runtimeRole());
        assertThat(sent.tags()).containsEntry("agentcore:managed-by", "agentcore-java");

        var project = cloud.projects.get("bedrock-agentcore-demo-builder");
        assertThat(project.environmentType()).isEqualTo("ARM_CONTAINER");
        assertThat(project.image()).contains("aarch64");
        assertThat(project.privilegedMode()).isTrue();
        assertThat(project.environmentVariables()).containsEntry("IMAGE_URI", result.imageUri())
                .containsEntry("REPOSITORY_URI", repoUri);
        assertThat(project.buildspec()).contains("--platform linux/arm64").contains("docker push $IMAGE_URI");
        assertThat(cloud.repositories.get("bedrock-agentcore-demo").tags())
                .containsEntry("agentcore:agent", "demo");

        AgentConfig saved = agent();
        assertThat(saved.agentId()).isEqualTo(result.agentId());
        assertThat(saved.agentArn()).isEqualTo(result.agentArn());
        assertThat(saved.get("bedrock_agentcore", "image_uri")).isEqualTo(result.imageUri());
        assertThat(saved.ecrRepository()).isEqualTo(repoUri);
        assertThat(saved.executionRole()).endsWith(names.runtimeRole());
        assertThat(saved.createdResource("ecr_repository")).isEqualTo("bedrock-agentcore-demo");
        assertThat(saved.createdResource("execution_role")).isEqualTo(names.runtimeRole());
        assertThat(saved.createdResource("codebuild_role")).isEqualTo(names.codeBuildRole());
        assertThat(saved.createdResource("codebuild_project")).isEqualTo("bedrock-agentcore-demo-builder");
        assertThat(saved.createdResource("source_object")).isEqualTo(names.bucket() + "/demo/source.zip");
        assertThat(result.tailCommand()).contains("/aws/bedrock-agentcore/runtimes/" + result.agentId() + "-DEFAULT");
    }

    @Test
    void secondLaunchWithoutChangeStartsNoBuildAndUploadsNothing() {
        LaunchResult first = launch();
        int before = cloud.mutatingCalls().size();

        LaunchResult second = launch();

        List<String> again = cloud.mutatingCalls().subList(before, cloud.mutatingCalls().size());
        assertThat(count(again, "CodeBuild.StartBuild")).isZero();
        assertThat(count(again, "S3.PutObject")).isZero();
        assertThat(count(again, "ECR.CreateRepository") + count(again, "IAM.CreateRole")).isZero();
        assertThat(again).as("an unchanged runtime gets no new version")
                .noneMatch(call -> call.startsWith("AgentCore."));
        assertThat(progress.notes).anyMatch(n -> n.contains("nothing to update"));
        assertThat(second.built()).isFalse();
        assertThat(second.imageUri()).isEqualTo(first.imageUri());
        assertThat(second.agentId()).isEqualTo(first.agentId());
        assertThat(progress.notes).anyMatch(n -> n.contains("skipping upload and build"));
    }

    @Test
    void changedEnvironmentUpdatesTheRuntimeWithoutBuilding() {
        LaunchResult first = launch();
        int before = cloud.mutatingCalls().size();

        service().launch(new LaunchOptions(null, Map.of("LOG_LEVEL", "debug"), null, false, false));

        List<String> again = cloud.mutatingCalls().subList(before, cloud.mutatingCalls().size());
        assertThat(again).contains("AgentCore.UpdateAgentRuntime " + first.agentId())
                .doesNotContain("CodeBuild.StartBuild bedrock-agentcore-demo-builder");
        assertThat(cloud.runtimeSpecs.get(first.agentId()).environment()).containsEntry("LOG_LEVEL", "debug");
        int afterUpdate = cloud.mutatingCalls().size();
        service().launch(new LaunchOptions(null, Map.of("LOG_LEVEL", "debug"), null, false, false));
        assertThat(cloud.mutatingCalls().subList(afterUpdate, cloud.mutatingCalls().size()))
                .as("the same settings again").doesNotContain("AgentCore.UpdateAgentRuntime " + first.agentId());
    }

    @Test
    void forceRebuildBuildsTheSameSourceAgain() {
        launch();
        service().launch(new LaunchOptions(null, Map.of(), null, false, true));
        assertThat(count(cloud.mutatingCalls(), "CodeBuild.StartBuild")).isEqualTo(2);
    }

    @Test
    void changedSourceGetsANewTagAndABuild() throws IOException {
        LaunchResult first = launch();
        write("agent.py", "print('changed')\n");

        LaunchResult second = launch();

        assertThat(second.imageUri()).isNotEqualTo(first.imageUri());
        assertThat(second.built()).isTrue();
        assertThat(count(cloud.mutatingCalls(), "CodeBuild.StartBuild")).isEqualTo(2);
        assertThat(count(cloud.mutatingCalls(), "CodeBuild.UpdateProject")).isEqualTo(1);
        assertThat(cloud.runtimeSpecs.get(first.agentId()).containerUri()).isEqualTo(second.imageUri());
    }

    @Test
    void aUserSuppliedRoleIsUsedAsIsNeverCreatedNorRecorded() {
        String arn = "arn:aws:iam::" + FakeCloud.ACCOUNT + ":role/service-role/MyAgentRole";
        configure(a -> {
            a.setExecutionRole(arn);
            a.setExecutionRoleAutoCreate(false);
        });

        LaunchResult result = launch();

        assertThat(cloud.calls()).noneMatch(c -> c.contains("MyAgentRole") || c.contains(names.runtimeRole()));
        assertThat(cloud.runtimeSpecs.get(result.agentId()).roleArn()).isEqualTo(arn);
        assertThat(agent().createdResource("execution_role")).isNull();
        assertThat(agent().executionRole()).isEqualTo(arn);
    }

    @Test
    void aRuntimeDeletedOutsideTheToolIsCreatedAnewAndTheUserIsTold() {
        LaunchResult first = launch();
        cloud.runtimes.clear();

        LaunchResult second = launch();

        assertThat(second.agentId()).isNotEqualTo(first.agentId());
        assertThat(cloud.mutatingCalls()).last().isEqualTo("AgentCore.CreateAgentRuntime demo");
        assertThat(progress.notes).anyMatch(n -> n.contains(first.agentId()) && n.contains("deleted outside"));
        assertThat(agent().agentId()).isEqualTo(second.agentId());
    }

    private String someoneElsesRuntime() {
        return cloud.runtimes().create(new RuntimeService.RuntimeSpec("demo", "x/y:1", "arn:role", "PUBLIC", null,
                null, "HTTP", Map.of(), null, null, null, null, null, Map.of())).id();
    }

    @Test
    void aNameConflictWithoutTheFlagFailsBeforeBuildingWithAHint() {
        someoneElsesRuntime();
        int before = cloud.mutatingCalls().size();

        AgentCoreException e = catchThrowableOfType(AgentCoreException.class, this::launch);

        assertThat(e.exitCode()).isEqualTo(1);
        assertThat(e.getMessage()).contains("already exists");
        assertThat(e.hint()).contains("--auto-update-on-conflict");
        assertThat(cloud.mutatingCalls()).hasSize(before);
    }

    @Test
    void aRuntimeOurEarlierLaunchCreatedButNeverRecordedIsUsedNotDuplicated() {
        LaunchResult first = launch();
        // as if the process died right after CreateAgentRuntime answered: the id never reached the config
        new ConfigStore(dir).update(c -> {
            AgentConfig a = c.select("demo");
            a.setAgentId(null);
            a.setAgentArn(null);
            a.set(null, "bedrock_agentcore", RuntimeFingerprint.KEY);
            return null;
        });

        LaunchResult second = launch();

        assertThat(second.agentId()).isEqualTo(first.agentId());
        assertThat(cloud.runtimes).hasSize(1);
        assertThat(count(cloud.mutatingCalls(), "AgentCore.CreateAgentRuntime")).isEqualTo(1);
        assertThat(progress.notes).anyMatch(n -> n.contains("interrupted launch"));
        assertThat(agent().agentId()).isEqualTo(first.agentId());
    }

    @Test
    void aNameConflictWithTheFlagUpdatesThatRuntime() {
        String id = someoneElsesRuntime();

        LaunchResult result = service().launch(new LaunchOptions(null, Map.of(), null, true, false));

        assertThat(result.agentId()).isEqualTo(id);
        assertThat(cloud.mutatingCalls()).last().isEqualTo("AgentCore.UpdateAgentRuntime " + id);
        assertThat(agent().agentId()).isEqualTo(id);
    }

    private static Predicate<String> firstTimes(String prefix, int times) {
        AtomicInteger seen = new AtomicInteger();
        return c -> c.startsWith(prefix) && seen.incrementAndGet() <= times;
    }

    private static CloudException roleNotReady() {
        return CloudException.of(Kind.VALIDATION, "AgentCore", "Role validation failed for role arn:aws:iam::1:role/x");
    }

    @Test
    void aFreshRoleThatIsNotAssumableYetIsRetriedWithGrowingPauses() {
        cloud.failWhen(firstTimes("AgentCore.CreateAgentRuntime", 2), roleNotReady());

        LaunchResult result = launch();

        assertThat(result.runtimeStatus()).isEqualTo("READY");
        assertThat(count(cloud.calls(), "AgentCore.CreateAgentRuntime")).isEqualTo(3);
        assertThat(time.sleeps).containsSubsequence(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(progress.notes).anyMatch(n -> n.contains("not assumable yet"));
    }

    @Test
    void theRoleRetryIsBounded() {
        cloud.failWhen(c -> c.startsWith("AgentCore.CreateAgentRuntime"), roleNotReady());

        assertThatThrownBy(this::launch).isInstanceOf(AgentCoreException.class)
                .hasMessageContaining("Role validation failed");
        assertThat(count(cloud.calls(), "AgentCore.CreateAgentRuntime")).isEqualTo(4);
    }

    @Test
    void aNewCodeBuildRoleRefusedAtFirstIsRetriedWithoutABlindSleep() {
        cloud.failWhen(firstTimes("CodeBuild.CreateProject", 1), CloudException.of(Kind.VALIDATION, "CodeBuild",
                "CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::1:role/x"));

        launch();

        assertThat(count(cloud.calls(), "CodeBuild.CreateProject")).isEqualTo(2);
        assertThat(time.sleeps).contains(Duration.ofSeconds(5)).doesNotContain(Duration.ofSeconds(10));
    }

    @Test
    void aFailedBuildShowsItsPhaseAndLastLogLinesAndLeavesTheRuntimeAlone() throws IOException {
        LaunchResult first = launch();
        RuntimeService.RuntimeSpec deployed = cloud.runtimeSpecs.get(first.agentId());
        write("agent.py", "broken\n");
        cloud.nextBuildStatus = "FAILED";
        cloud.nextBuildFailedPhase = "BUILD";
        String stream = String.format("%010d", 3); // the fake's next id
        cloud.logLines.put("/aws/codebuild/bedrock-agentcore-demo-builder/" + stream,
                List.of("Step 1/2 : FROM python", "failed to read Dockerfile", "Phase complete: BUILD State: FAILED"));
        int before = cloud.mutatingCalls().size();

        AgentCoreException e = catchThrowableOfType(AgentCoreException.class, this::launch);

        assertThat(e.exitCode()).isEqualTo(1);
        assertThat(e.getMessage()).contains("phase BUILD").contains("FAILED");
        assertThat(e.hint()).contains("aws logs tail /aws/codebuild/bedrock-agentcore-demo-builder");
        assertThat(progress.buildLog).contains("failed to read Dockerfile", "Phase complete: BUILD State: FAILED");
        List<String> after = cloud.mutatingCalls().subList(before, cloud.mutatingCalls().size());
        assertThat(after).noneMatch(c -> c.startsWith("AgentCore."));
        assertThat(cloud.runtimeSpecs.get(first.agentId())).isEqualTo(deployed);
        assertThat(agent().get("bedrock_agentcore", "image_uri")).isEqualTo(first.imageUri());
    }

    @Test
    void aRuntimeEndingUpdateFailedFailsWithItsReason() throws IOException {
        launch();
        write("agent.py", "print('v2')\n");
        cloud.nextRuntimeStatus = "UPDATE_FAILED";

        AgentCoreException e = catchThrowableOfType(AgentCoreException.class, this::launch);

        assertThat(e.getMessage()).contains("UPDATE_FAILED").contains("image not found");
        assertThat(e.hint()).contains("aws logs tail /aws/bedrock-agentcore/runtimes/");
    }

    @Test
    void waitingForReadyIsBounded() {
        cloud.nextRuntimeStatus = "CREATING";

        AgentCoreException e = catchThrowableOfType(AgentCoreException.class, this::launch);

        assertThat(e.getMessage()).contains("still CREATING after 10 minutes");
        assertThat(time.slept()).isBetween(Duration.ofSeconds(600), Duration.ofSeconds(601));
        assertThat(agent().agentId()).as("the id is saved before waiting").isNotNull();
    }

    @Test
    void theDryRunMakesNoMutatingCallAndTheRealRunMakesExactlyItsSteps() throws IOException {
        String yamlBefore = Files.readString(dir.resolve(".bedrock_agentcore.yaml"));

        LaunchPlan plan = service().plan(LaunchOptions.defaults(null));

        assertThat(cloud.mutatingCalls()).isEmpty();
        assertThat(Files.readString(dir.resolve(".bedrock_agentcore.yaml"))).isEqualTo(yamlBefore);
        assertThat(plan.bundle().files()).contains("agent.py", "Dockerfile", "requirements.txt")
                .doesNotContain(".bedrock_agentcore.yaml");
        assertThat(plan.bundle().sha256()).hasSize(64);
        assertThat(plan.bundle().zip()).isNull();
        assertThat(plan.imageUri()).endsWith(":" + plan.bundle().sha256());

        launch();

        assertThat(plan.mutatingSteps().stream().map(Step::toString).toList())
                .containsExactlyElementsOf(cloud.mutatingCalls());
    }

    @Test
    void envValuesReachTheRuntimeButNeverThePlanText() {
        Map<String, String> env = Map.of("API_TOKEN", "s3cr3t-value");
        LaunchOptions options = new LaunchOptions(null, env, null, false, false);

        LaunchPlan plan = service().plan(options);
        LaunchResult result = service().launch(options);

        assertThat(plan.steps().stream().map(s -> s + " " + s.why()).toList().toString()).contains("API_TOKEN=****").doesNotContain("s3cr3t-value");
        assertThat(progress.all()).doesNotContain("s3cr3t-value").contains("--env values are stored");
        assertThat(cloud.runtimeSpecs.get(result.agentId()).environment()).isEqualTo(env);
    }

    @Test
    void aRegionOtherThanTheConfiguredOneIsRefused() {
        cloud = new FakeCloud("eu-west-1");

        AgentCoreException e = catchThrowableOfType(AgentCoreException.class, this::launch);

        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.getMessage()).contains("us-west-2").contains("eu-west-1");
        assertThat(cloud.mutatingCalls()).isEmpty();
    }

    @Test
    void aConfiguredRepositoryNameThatDoesNotExistIsNamed() {
        configure(a -> {
            a.setEcrRepository("my-repo");
            a.setEcrAutoCreate(false);
        });

        assertThatThrownBy(this::launch).isInstanceOf(AgentCoreException.class)
                .hasMessageContaining("ECR repository 'my-repo' not found in region 'us-west-2'");
    }

    @Test
    void independentResourcesAreEnsuredConcurrentlyWithoutLosingYamlWrites() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            LaunchResult result = new LaunchService(cloud, dir, progress, time.poller(), pool)
                    .launch(LaunchOptions.defaults(null));
            assertThat(result.runtimeStatus()).isEqualTo("READY");
        } finally {
            pool.shutdownNow();
        }
        assertThat(cloud.mutatingCalls()).containsExactlyInAnyOrderElementsOf(firstLaunchCalls());
        AgentConfig saved = agent();
        for (String kind : List.of("ecr_repository", "execution_role", "codebuild_role", "codebuild_project",
                "source_object")) {
            assertThat(saved.createdResource(kind)).as(kind).isNotNull();
        }
    }

    @Test
    void policiesAreLeastPrivilegeAndScopedToThisAgent() throws IOException {
        launch();
        ObjectMapper json = new ObjectMapper();
        JsonNode trust = json.readTree(cloud.roles.get(names.runtimeRole()).trustPolicyJson());
        JsonNode statement = trust.get("Statement").get(0);
        assertThat(statement.at("/Principal/Service").asText()).isEqualTo("bedrock-agentcore.amazonaws.com");
        assertThat(statement.at("/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo(FakeCloud.ACCOUNT);
        assertThat(statement.at("/Condition/ArnLike/aws:SourceArn").asText())
                .isEqualTo("arn:aws:bedrock-agentcore:us-west-2:" + FakeCloud.ACCOUNT + ":*");

        String permissions = cloud.rolePolicies.get(names.runtimeRole())
                .get("BedrockAgentCoreRuntimeExecutionPolicy-demo");
        JsonNode doc = json.readTree(permissions);
        assertThat(doc.get("Statement").get(0).get("Resource").asText())
                .isEqualTo("arn:aws:ecr:us-west-2:" + FakeCloud.ACCOUNT + ":repository/bedrock-agentcore-demo");
        assertThat(permissions).contains("log-group:/aws/bedrock-agentcore/runtimes/demo-*")
                .doesNotContain("{{").doesNotContain("InvokeAgentRuntime");

        JsonNode buildTrust = json.readTree(cloud.roles.get(names.codeBuildRole()).trustPolicyJson());
        assertThat(buildTrust.at("/Statement/0/Principal/Service").asText()).isEqualTo("codebuild.amazonaws.com");
        assertThat(buildTrust.at("/Statement/0/Condition/ArnLike/aws:SourceArn").asText())
                .endsWith(":project/bedrock-agentcore-demo-builder");
        assertThat(cloud.rolePolicies.get(names.codeBuildRole()).get("CodeBuildExecutionPolicy"))
                .contains("arn:aws:s3:::" + names.bucket() + "/demo/*").doesNotContain("{{");
    }

    @Test
    void localBuildDeploysAPushedImageThroughTheSameRuntimeSteps() {
        String repoUri = service().ensureRepository(null);
        String image = repoUri + ":v1";

        LaunchResult result = service().deployImage(LaunchOptions.defaults(null), image);

        assertThat(repoUri).endsWith("/bedrock-agentcore-demo");
        assertThat(result.runtimeStatus()).isEqualTo("READY");
        assertThat(cloud.mutatingCalls()).noneMatch(c -> c.startsWith("CodeBuild.") || c.startsWith("S3."));
        assertThat(cloud.runtimeSpecs.get(result.agentId()).containerUri()).isEqualTo(image);
        assertThat(agent().get("bedrock_agentcore", "image_uri")).isEqualTo(image);
    }

    @Test
    void bareModelIdsAndAMissingDockerfileAreWarnedAboutBeforeBuilding() throws IOException {
        write("agent.py", "MODEL = 'anthropic.claude-haiku-4-5-20251001-v1:0'\n");
        Files.delete(dir.resolve("Dockerfile"));

        LaunchPlan plan = service().plan(LaunchOptions.defaults(null));

        assertThat(progress.warnings).anyMatch(w -> w.contains("us.anthropic.claude-haiku-4-5-20251001-v1:0"))
                .anyMatch(w -> w.contains("no Dockerfile"));
        assertThat(plan.warnings()).hasSize(2);
    }

    @Test
    void theGeneratedDockerfileIsAddedAtTheZipRootWhenTheContextHasNone() throws IOException {
        Files.delete(dir.resolve("Dockerfile"));
        Path generated = dir.resolve(".bedrock_agentcore/demo/Dockerfile");
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, "FROM python:3.11\n");

        LaunchPlan plan = service().plan(LaunchOptions.defaults(null));

        assertThat(plan.bundle().files()).contains("Dockerfile");
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void aMissingDefaultEndpointIsReportedNotFatal() {
        dev.agentcore.core.cloud.Cloud withoutEndpoints = new dev.agentcore.core.cloud.Cloud() {
            public String region() { return cloud.region(); }
            public dev.agentcore.core.cloud.AccountService account() { return cloud.account(); }
            public dev.agentcore.core.cloud.ContainerRegistry registry() { return cloud.registry(); }
            public dev.agentcore.core.cloud.RoleService roles() { return cloud.roles(); }
            public dev.agentcore.core.cloud.ObjectStore objects() { return cloud.objects(); }
            public dev.agentcore.core.cloud.BuildService builds() { return cloud.builds(); }
            public dev.agentcore.core.cloud.LogService logs() { return cloud.logs(); }
            public RuntimeService runtimes() {
                RuntimeService real = cloud.runtimes();
                return new RuntimeService() {
                    public AgentRuntime create(RuntimeSpec spec) { return real.create(spec); }
                    public AgentRuntime update(String id, RuntimeSpec spec) { return real.update(id, spec); }
                    public java.util.Optional<AgentRuntime> get(String id) { return real.get(id); }
                    public java.util.Optional<Endpoint> getEndpoint(String id, String name) {
                        return java.util.Optional.empty();
                    }
                    public java.util.Optional<AgentRuntime> findByName(String name) { return real.findByName(name); }
                    public Map<String, String> tags(String arn) { return real.tags(arn); }
                    public boolean delete(String id) { return real.delete(id); }
                };
            }
        };

        LaunchResult result = new LaunchService(withoutEndpoints, dir, progress, time.poller(), Runnable::run)
                .launch(LaunchOptions.defaults(null));

        assertThat(result.runtimeStatus()).isEqualTo("READY");
        assertThat(result.endpointStatus()).isNull();
        assertThat(progress.warnings).anyMatch(w -> w.contains("no DEFAULT endpoint"));
        assertThat(time.slept()).isLessThanOrEqualTo(Duration.ofSeconds(121));
    }

    @Test
    void resourcesTaggedAsOursButNotRecordedAreAdoptedNotCreatedAgain() {
        // what a launch leaves when the create call succeeded but the answer never arrived
        cloud.roles().createRole(names.runtimeRole(), "{}", "d", names.tags());
        cloud.registry().createRepository(names.repository(), names.tags());
        int before = cloud.mutatingCalls().size();

        launch();

        List<String> calls = cloud.mutatingCalls().subList(before, cloud.mutatingCalls().size());
        assertThat(calls).noneMatch(c -> c.startsWith("ECR.CreateRepository") || c.equals("IAM.CreateRole "
                + names.runtimeRole()));
        assertThat(calls).contains("IAM.PutRolePolicy " + names.runtimeRole() + "/" + names.runtimePolicy());
        assertThat(agent().createdResource("execution_role")).isEqualTo(names.runtimeRole());
        assertThat(agent().createdResource("ecr_repository")).isEqualTo(names.repository());
    }

    @Test
    void aSameNamedRoleMadeBySomeoneElseIsUsedButNeitherChangedNorRecorded() {
        cloud.roles().createRole(names.runtimeRole(), "{}", "made by the Python tool", Map.of());
        int before = cloud.mutatingCalls().size();

        launch();

        List<String> calls = cloud.mutatingCalls().subList(before, cloud.mutatingCalls().size());
        assertThat(calls).noneMatch(c -> c.contains(names.runtimeRole()));
        assertThat(agent().createdResource("execution_role")).isNull();
        assertThat(agent().executionRole()).endsWith(":role/" + names.runtimeRole());
    }
}
