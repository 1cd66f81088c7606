package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.BuildService;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.LogsLocation;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.Tag;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CodeBuild: the ARM64 builder project and its builds. */
final class CodeBuildBuilds implements BuildService {

    private static final String SERVICE = "CodeBuild";

    private final CodeBuildClient codeBuild;

    CodeBuildBuilds(CodeBuildClient codeBuild) {
        this.codeBuild = codeBuild;
    }

    @Override
    public boolean projectExists(String name) {
        return !AwsErrors.call(SERVICE, () -> codeBuild.batchGetProjects(b -> b.names(name))).projects().isEmpty();
    }

    @Override
    public void createProject(ProjectSpec spec) {
        AwsErrors.run(SERVICE, () -> codeBuild.createProject(b -> b.name(spec.name()).source(source(spec))
                .artifacts(noArtifacts()).environment(environment(spec)).serviceRole(spec.serviceRoleArn())
                .tags(tags(spec.tags()))));
    }

    @Override
    public void updateProject(ProjectSpec spec) {
        AwsErrors.run(SERVICE, () -> codeBuild.updateProject(b -> b.name(spec.name()).source(source(spec))
                .artifacts(noArtifacts()).environment(environment(spec)).serviceRole(spec.serviceRoleArn())
                .tags(tags(spec.tags()))));
    }

    @Override
    public String startBuild(String projectName, String sourceLocation) {
        return AwsErrors.call(SERVICE, () -> codeBuild.startBuild(b -> {
            b.projectName(projectName);
            if (sourceLocation != null) {
                b.sourceLocationOverride(sourceLocation);
            }
        })).build().id();
    }

    @Override
    public Build getBuild(String buildId) {
        var r = AwsErrors.call(SERVICE, () -> codeBuild.batchGetBuilds(b -> b.ids(buildId)));
        return r.builds().stream().findFirst().map(CodeBuildBuilds::build).orElseThrow(() ->
                CloudException.of(Kind.NOT_FOUND, SERVICE, "CodeBuild build " + buildId + " not found"));
    }

    @Override
    public Optional<Build> lastBuild(String projectName) {
        try {
            List<String> ids = AwsErrors.call(SERVICE, () -> codeBuild.listBuildsForProject(b -> b
                    .projectName(projectName).sortOrder(SortOrderType.DESCENDING))).ids();
            return ids.isEmpty() ? Optional.empty() : Optional.of(getBuild(ids.get(0)));
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean deleteProject(String name) {
        // DeleteProject succeeds for a missing project too: ask first to tell the caller
        if (!projectExists(name)) {
            return false;
        }
        AwsErrors.run(SERVICE, () -> codeBuild.deleteProject(b -> b.name(name)));
        return true;
    }

    private static Build build(software.amazon.awssdk.services.codebuild.model.Build b) {
        List<Phase> phases = b.phases().stream()
                .map(p -> new Phase(p.phaseTypeAsString(), p.phaseStatusAsString(), p.durationInSeconds()))
                .toList();
        LogsLocation logs = b.logs();
        return new Build(b.id(), b.buildStatusAsString(), b.currentPhase(), phases,
                logs == null ? null : logs.groupName(), logs == null ? null : logs.streamName(),
                b.startTime(), b.endTime());
    }

    private static ProjectSource source(ProjectSpec spec) {
        return ProjectSource.builder().type(SourceType.S3).location(spec.sourceLocation())
                .buildspec(spec.buildspec()).build();
    }

    private static ProjectArtifacts noArtifacts() {
        return ProjectArtifacts.builder().type(ArtifactsType.NO_ARTIFACTS).build();
    }

    private static ProjectEnvironment environment(ProjectSpec spec) {
        Map<String, String> vars = spec.environmentVariables() == null ? Map.of() : spec.environmentVariables();
        return ProjectEnvironment.builder().type(spec.environmentType()).image(spec.image())
                .computeType(spec.computeType()).privilegedMode(spec.privilegedMode())
                .environmentVariables(vars.entrySet().stream().map(e -> EnvironmentVariable.builder()
                        .name(e.getKey()).value(e.getValue()).type(EnvironmentVariableType.PLAINTEXT).build())
                        .toList())
                .build();
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags == null ? List.of() : tags.entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }
}
