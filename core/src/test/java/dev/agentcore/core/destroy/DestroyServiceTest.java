package dev.agentcore.core.destroy;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.RoleService;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.config.ProjectConfig;
import dev.agentcore.core.destroy.DestroyResult.Status;
import dev.agentcore.core.destroy.DestroyStep.Action;
import dev.agentcore.core.destroy.DestroyStep.Found;
import dev.agentcore.core.destroy.DestroyStep.Kind;
import dev.agentcore.core.fake.FakeCloud;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DestroyServiceTest {

    @TempDir
    Path dir;

    FakeCloud cloud;
    ConfigStore store;
    DestroyService service;

    @BeforeEach
    void setUp() {
        cloud = new FakeCloud();
        store = new ConfigStore(dir);
        service = new DestroyService(store, region -> cloud);
    }

    private DestroyPlan plan(String agent, boolean deleteRepo) {
        return service.plan(agent, deleteRepo).orElseThrow();
    }

    private List<String> newMutatingCalls(int since) {
        List<String> all = cloud.mutatingCalls();
        return all.subList(since, all.size());
    }

    @Test
    void dryRunPlanListsEveryStepInDependencyOrderAndChangesNothing() {
        LaunchFixture.in(cloud, dir).launch("demo");
        int before = cloud.mutatingCalls().size();
        List<Object> state = LaunchFixture.snapshot(cloud);
        String yaml = read();

        DestroyPlan plan = plan(null, false);

        assertThat(plan.steps()).extracting(DestroyStep::kind).containsExactly(Kind.ENDPOINT, Kind.RUNTIME,
                Kind.IMAGES, Kind.REPOSITORY, Kind.BUILD_PROJECT, Kind.SOURCE_OBJECT, Kind.CODEBUILD_ROLE,
                Kind.EXECUTION_ROLE, Kind.LOG_GROUP, Kind.LOG_GROUP, Kind.CONFIG_ENTRY);
        assertThat(plan.steps()).filteredOn(DestroyStep::deletes).extracting(DestroyStep::operation)
                .containsExactly("DeleteAgentRuntime", "BatchDeleteImage", "DeleteProject", "DeleteObject",
                        "DeleteRole", "DeleteRole", "DeleteLogGroup", "DeleteLogGroup", "RemoveAgent");
        assertThat(plan.step(Kind.REPOSITORY).action()).isEqualTo(Action.KEEP);
        assertThat(plan.step(Kind.REPOSITORY).note()).contains("--delete-ecr-repo");
        assertThat(plan.step(Kind.IMAGES).note()).contains("all 1 image");
        assertThat(newMutatingCalls(before)).isEmpty();
        assertThat(LaunchFixture.snapshot(cloud)).isEqualTo(state);
        assertThat(read()).isEqualTo(yaml);
    }

    @Test
    void realRunDeletesInOrderAndRemovesTheConfigFileWhenNoAgentIsLeft() {
        LaunchFixture.in(cloud, dir).launch("demo");
        int before = cloud.mutatingCalls().size();

        DestroyResult result = service.execute(plan(null, false));

        assertThat(result.succeeded()).isTrue();
        String exec = LaunchFixture.executionRoleName("demo", "us-west-2");
        String cb = LaunchFixture.codeBuildRoleName("demo", "us-west-2");
        assertThat(newMutatingCalls(before)).containsExactly(
                "AgentCore.DeleteAgentRuntime demo-0000000002",
                "ECR.BatchDeleteImage bedrock-agentcore-demo",
                "CodeBuild.DeleteProject bedrock-agentcore-demo-builder",
                "S3.DeleteObject bedrock-agentcore-codebuild-sources-123456789012-us-west-2/demo/source.zip",
                "IAM.DeleteRole " + cb,
                "IAM.DeleteRole " + exec,
                "Logs.DeleteLogGroup /aws/bedrock-agentcore/runtimes/demo-0000000002-DEFAULT",
                "Logs.DeleteLogGroup /aws/codebuild/bedrock-agentcore-demo-builder");
        assertThat(cloud.logGroups).isEmpty();
        assertThat(cloud.runtimes).isEmpty();
        assertThat(cloud.roles).isEmpty();
        assertThat(cloud.projects).isEmpty();
        assertThat(cloud.objects).isEmpty();
        assertThat(cloud.images.get("bedrock-agentcore-demo")).isEmpty();
        assertThat(cloud.repositories).containsKey("bedrock-agentcore-demo");
        assertThat(cloud.buckets).hasSize(1);
        assertThat(store.exists()).isFalse();
        assertThat(result.outcomes()).filteredOn(o -> o.step().kind() == Kind.ENDPOINT)
                .extracting(DestroyResult.Outcome::status).containsExactly(Status.DELETED);
    }

    @Test
    void deleteEcrRepoAlsoDeletesTheRepositoryTheToolCreatedButNeverAnUnrelatedOne() {
        LaunchFixture.in(cloud, dir).launch("demo");
        cloud.registry().createRepository("my-other-repo", Map.of());
        cloud.pushImage("my-other-repo", "v1");

        DestroyResult result = service.execute(plan(null, true));

        assertThat(result.succeeded()).isTrue();
        assertThat(cloud.repositories).containsOnlyKeys("my-other-repo");
        assertThat(cloud.images.get("my-other-repo")).hasSize(1);
        assertThat(cloud.calls()).noneMatch(c -> c.contains("my-other-repo") && !c.contains("CreateRepository"));
    }

    @Test
    void aRoleTheUserSuppliedIsNeverDeleted() {
        RoleService.Role mine = cloud.roles().createRole("MyOwnAgentRole", "{}", "mine", Map.of());
        LaunchFixture.in(cloud, dir).withExecutionRole(mine.arn()).launch("demo");

        DestroyPlan plan = plan(null, false);
        DestroyResult result = service.execute(plan);

        assertThat(plan.step(Kind.EXECUTION_ROLE).action()).isEqualTo(Action.KEEP);
        assertThat(plan.step(Kind.EXECUTION_ROLE).note()).contains("supplied by you");
        assertThat(result.succeeded()).isTrue();
        assertThat(cloud.roles).containsOnlyKeys("MyOwnAgentRole");
        assertThat(cloud.calls()).doesNotContain("IAM.DeleteRole MyOwnAgentRole");
    }

    @Test
    void aRoleAnotherAgentAlsoUsesIsKeptAndTheReasonNamesThatAgent() {
        AgentConfig a = LaunchFixture.in(cloud, dir).launch("alpha");
        LaunchFixture.in(cloud, dir).withExecutionRole(a.executionRole()).launch("beta");

        DestroyPlan plan = plan("alpha", false);
        DestroyResult result = service.execute(plan);

        assertThat(plan.step(Kind.EXECUTION_ROLE).action()).isEqualTo(Action.KEEP);
        assertThat(plan.step(Kind.EXECUTION_ROLE).note()).contains("beta");
        assertThat(result.succeeded()).isTrue();
        assertThat(cloud.roles).containsKey(LaunchFixture.executionRoleName("alpha", "us-west-2"));
        assertThat(cloud.roles).doesNotContainKey(LaunchFixture.codeBuildRoleName("alpha", "us-west-2"));
        ProjectConfig left = store.require();
        assertThat(left.agentNames()).containsExactly("beta");
        assertThat(left.defaultAgent()).contains("beta");
    }

    @Test
    void aRecordedRoleWhoseTagsNameAnotherAgentIsKept() {
        LaunchFixture.in(cloud, dir).launch("demo");
        String exec = LaunchFixture.executionRoleName("demo", "us-west-2");
        RoleService.Role r = cloud.roles.get(exec);
        cloud.roles.put(exec, new RoleService.Role(r.name(), r.arn(), r.trustPolicyJson(), LaunchFixture.tags("other")));

        DestroyPlan plan = plan(null, false);

        assertThat(plan.step(Kind.EXECUTION_ROLE).action()).isEqualTo(Action.KEEP);
        assertThat(plan.step(Kind.EXECUTION_ROLE).note()).contains("tagged for agent 'other'");
    }

    @Test
    void aRepositoryTheUserSuppliedKeepsItAndItsOtherImagesEvenWithDeleteEcrRepo() {
        var repo = cloud.registry().createRepository("team-images", Map.of());
        cloud.pushImage("team-images", "someone-elses");
        LaunchFixture.in(cloud, dir).withRepository(repo.uri()).launch("demo");

        DestroyPlan plan = plan(null, true);
        DestroyResult result = service.execute(plan);

        assertThat(plan.step(Kind.IMAGES).resource()).isEqualTo("team-images:" + LaunchFixture.IMAGE_TAG);
        assertThat(plan.step(Kind.REPOSITORY).action()).isEqualTo(Action.KEEP);
        assertThat(result.succeeded()).isTrue();
        assertThat(cloud.repositories).containsKey("team-images");
        assertThat(cloud.images.get("team-images")).extracting(i -> i.tag()).containsExactly("someone-elses");
    }

    @Test
    void aFailedStepIsReportedTheRestRunsWhereSafeAndARerunFinishesTheJob() {
        LaunchFixture.in(cloud, dir).launch("demo");
        cloud.failWhen(c -> c.startsWith("AgentCore.DeleteAgentRuntime"),
                CloudException.of(CloudException.Kind.ACCESS_DENIED, "AgentCore", "not allowed"));

        DestroyResult first = service.execute(plan(null, false));

        assertThat(first.succeeded()).isFalse();
        Map<Kind, Status> byKind = new java.util.EnumMap<>(Kind.class);
        first.outcomes().forEach(o -> byKind.put(o.step().kind(), o.status()));
        assertThat(byKind).containsEntry(Kind.RUNTIME, Status.FAILED)
                .containsEntry(Kind.ENDPOINT, Status.SKIPPED)
                .containsEntry(Kind.IMAGES, Status.DELETED)
                .containsEntry(Kind.BUILD_PROJECT, Status.DELETED)
                .containsEntry(Kind.CODEBUILD_ROLE, Status.DELETED)
                .containsEntry(Kind.EXECUTION_ROLE, Status.SKIPPED)
                .containsEntry(Kind.CONFIG_ENTRY, Status.SKIPPED);
        assertThat(cloud.roles).containsOnlyKeys(LaunchFixture.executionRoleName("demo", "us-west-2"));
        assertThat(store.exists()).isTrue();

        cloud.clearFailures();
        DestroyPlan rerun = plan(null, false);
        assertThat(rerun.step(Kind.IMAGES).found()).isEqualTo(Found.GONE);
        assertThat(rerun.step(Kind.BUILD_PROJECT).action()).isEqualTo(Action.NONE);
        DestroyResult second = service.execute(rerun);

        assertThat(second.succeeded()).isTrue();
        assertThat(cloud.runtimes).isEmpty();
        assertThat(cloud.roles).isEmpty();
        assertThat(store.exists()).isFalse();
    }

    @Test
    void aSecondDestroyHasNothingToDo() {
        LaunchFixture.in(cloud, dir).launch("demo");
        service.execute(plan(null, false));
        int before = cloud.calls().size();

        assertThat(service.plan(null, false)).isEmpty();
        assertThat(service.plan("demo", false)).isEmpty();
        assertThat(cloud.calls()).hasSize(before);
    }

    @Test
    void resourcesAlreadyGoneAreReportedAndSkipped() {
        LaunchFixture.in(cloud, dir).launch("demo");
        cloud.runtimes.clear();
        cloud.projects.clear();
        int before = cloud.mutatingCalls().size();

        DestroyPlan plan = plan(null, false);
        DestroyResult result = service.execute(plan);

        assertThat(plan.step(Kind.RUNTIME).found()).isEqualTo(Found.GONE);
        assertThat(plan.step(Kind.ENDPOINT).found()).isEqualTo(Found.GONE);
        assertThat(result.succeeded()).isTrue();
        assertThat(newMutatingCalls(before)).noneMatch(c -> c.contains("DeleteAgentRuntime") || c.contains("DeleteProject"));
        assertThat(result.outcomes()).filteredOn(o -> o.step().kind() == Kind.RUNTIME)
                .extracting(DestroyResult.Outcome::status).containsExactly(Status.ALREADY_GONE);
    }

    @Test
    void destroyingTheDefaultAgentMovesTheDefaultToAnotherAndKeepsTheFile() {
        LaunchFixture.in(cloud, dir).launch("alpha");
        LaunchFixture.in(cloud, dir).launch("beta");
        store.update(p -> {
            p.setDefaultAgent("beta");
            return null;
        });

        DestroyPlan plan = plan(null, false);
        assertThat(plan.agent()).isEqualTo("beta");
        assertThat(plan.step(Kind.CONFIG_ENTRY).note()).contains("'alpha'");
        service.execute(plan);

        ProjectConfig left = store.require();
        assertThat(left.agentNames()).containsExactly("alpha");
        assertThat(left.defaultAgent()).contains("alpha");
        assertThat(cloud.runtimes.values()).extracting(r -> r.name()).containsExactly("alpha");
        assertThat(cloud.roles).containsOnlyKeys(LaunchFixture.executionRoleName("alpha", "us-west-2"),
                LaunchFixture.codeBuildRoleName("alpha", "us-west-2"));
    }

    @Test
    void anAgentNeverLaunchedOnlyLosesItsConfigEntry() {
        LaunchFixture.configureOnly(dir, "demo", "us-west-2");

        DestroyPlan plan = plan(null, false);
        DestroyResult result = service.execute(plan);

        assertThat(plan.steps()).filteredOn(DestroyStep::deletes).extracting(DestroyStep::kind)
                .containsExactly(Kind.CONFIG_ENTRY);
        assertThat(result.succeeded()).isTrue();
        assertThat(cloud.mutatingCalls()).isEmpty();
        assertThat(store.exists()).isFalse();
    }

    @Test
    void aLookupThatIsDeniedShowsAsUnknownInThePlan() {
        LaunchFixture.in(cloud, dir).launch("demo");
        cloud.failWhen(c -> c.startsWith("CodeBuild.BatchGetProjects"),
                CloudException.of(CloudException.Kind.ACCESS_DENIED, "CodeBuild", "denied"));

        DestroyPlan plan = plan(null, false);

        assertThat(plan.step(Kind.BUILD_PROJECT).found()).isEqualTo(Found.UNKNOWN);
        assertThat(plan.step(Kind.BUILD_PROJECT).note()).contains("access denied");
    }

    private String read() {
        try {
            return Files.readString(store.file());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRuntimeAlreadyBeingDeletedIsNotDeletedAgain() {
        AgentConfig cfg = LaunchFixture.in(cloud, dir).launch("demo");
        var r = cloud.runtimes.get(cfg.agentId());
        cloud.runtimes.put(r.id(), new dev.agentcore.core.cloud.RuntimeService.AgentRuntime(r.id(), r.arn(), r.name(),
                "DELETING", r.version(), r.containerUri(), r.roleArn(), r.createdAt(), r.lastUpdatedAt(), null,
                Map.of()));

        DestroyPlan plan = plan(null, false);
        DestroyResult result = service.execute(plan);

        assertThat(plan.step(Kind.RUNTIME).action()).isEqualTo(Action.NONE);
        assertThat(result.succeeded()).isTrue();
        assertThat(cloud.calls()).noneMatch(c -> c.startsWith("AgentCore.DeleteAgentRuntime"));
    }

    @Test
    void keepLogsLeavesTheLogGroupsAndTheirRemovalCommandIsInThePlan() {
        LaunchFixture.in(cloud, dir).launch("demo");

        DestroyPlan plan = service.plan(null, false, true).orElseThrow();
        DestroyResult result = service.execute(plan);

        assertThat(plan.steps()).filteredOn(s -> s.kind() == Kind.LOG_GROUP)
                .allSatisfy(s -> assertThat(s.note()).contains("aws logs delete-log-group --log-group-name"))
                .extracting(DestroyStep::action).containsOnly(Action.KEEP);
        assertThat(result.succeeded()).isTrue();
        assertThat(cloud.logGroups).hasSize(2);
        assertThat(cloud.calls()).noneMatch(c -> c.startsWith("Logs.DeleteLogGroup"));
    }

    @Test
    void theRuntimeLogGroupStaysWhileTheRuntimeCouldNotBeDeleted() {
        LaunchFixture.in(cloud, dir).launch("demo");
        cloud.failWhen(c -> c.startsWith("AgentCore.DeleteAgentRuntime"),
                CloudException.of(CloudException.Kind.THROTTLED, "AgentCore", "slow down"));

        DestroyResult result = service.execute(plan(null, false));

        assertThat(result.outcomes()).filteredOn(o -> o.step().kind() == Kind.LOG_GROUP)
                .extracting(o -> o.step().resource().startsWith("/aws/codebuild/") + "=" + o.status())
                .containsExactly("false=SKIPPED", "true=DELETED");
        assertThat(cloud.logGroups).containsExactly("/aws/bedrock-agentcore/runtimes/demo-0000000002-DEFAULT");
    }
}
