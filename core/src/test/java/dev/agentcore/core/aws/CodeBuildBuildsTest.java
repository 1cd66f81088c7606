package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.BuildService;
import dev.agentcore.core.cloud.BuildService.Build;
import dev.agentcore.core.cloud.BuildService.Phase;
import dev.agentcore.core.cloud.BuildService.ProjectSpec;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.cloud.Cloud;
import dev.agentcore.core.testing.Emulator;
import dev.agentcore.core.testing.LaunchBuildspec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** CodeBuild through our SDK layer, with builds that really read their source and push to ECR. */
class CodeBuildBuildsTest {

    static final String ROLE = "arn:aws:iam::" + Emulator.ACCOUNT + ":role/codebuild";

    final Cloud cloud = EmulatedAws.cloud();
    final BuildService builds = cloud.builds();

    @TempDir
    Path dir;

    record Setup(String project, String bucket, String repo, String repoUri) { }

    Setup setup(String... zipEntries) {
        String bucket = EmulatedAws.unique("sources-");
        String repo = EmulatedAws.unique("bedrock-agentcore-");
        String project = repo + "-builder";
        cloud.objects().createBucket(bucket, "us-west-2", Emulator.ACCOUNT);
        if (zipEntries.length > 0) {
            cloud.objects().putObject(bucket, "agent/source.zip", EmulatedAws.zip(dir, zipEntries), Emulator.ACCOUNT);
        }
        String repoUri = cloud.registry().createRepository(repo, Map.of()).uri();
        return new Setup(project, bucket, repo, repoUri);
    }

    static ProjectSpec spec(Setup s, String tag) {
        return new ProjectSpec(s.project(), s.bucket() + "/agent/source.zip", LaunchBuildspec.YAML, "ARM_CONTAINER",
                "aws/codebuild/amazonlinux2-aarch64-standard:3.0", "BUILD_GENERAL1_MEDIUM", true, ROLE,
                Map.of("IMAGE_URI", s.repoUri() + ":" + tag, "REPOSITORY_URI", s.repoUri(), "IMAGE_TAG", tag),
                Map.of("agentcore:managed-by", "agentcore-java"));
    }

    /** Polls like the launch flow does, bounded. */
    Build finish(String id) {
        for (int i = 0; i < 20; i++) {
            Build b = builds.getBuild(id);
            if (b.finished()) {
                return b;
            }
        }
        throw new AssertionError("build " + id + " never finished");
    }

    static Phase phase(Build b, String type) {
        return b.phases().stream().filter(p -> p.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no phase " + type + " in " + b.phases()));
    }

    @Test
    void projectIsCreatedUpdatedAndItsBuildPushesTheImage() {
        Setup s = setup("Dockerfile", "FROM public.ecr.aws/docker/library/python:3.11-slim\n", "app.py", "x = 1\n");
        assertThat(builds.projectExists(s.project())).isFalse();
        builds.createProject(spec(s, "old"));
        assertThat(builds.projectExists(s.project())).isTrue();
        CloudException again = catchThrowableOfType(CloudException.class, () -> builds.createProject(spec(s, "old")));
        assertThat(again.kind()).isEqualTo(Kind.ALREADY_EXISTS);
        String tag = "a".repeat(64);
        builds.updateProject(spec(s, tag));

        String id = builds.startBuild(s.project(), s.bucket() + "/agent/source.zip");
        Build first = builds.getBuild(id);
        assertThat(first.status()).isEqualTo("IN_PROGRESS");
        assertThat(first.finished()).isFalse();
        Build done = finish(id);
        assertThat(done.status()).isEqualTo("SUCCEEDED");
        assertThat(done.phases()).extracting(Phase::type).doesNotHaveDuplicates();
        assertThat(phase(done, "POST_BUILD").status()).isEqualTo("SUCCEEDED");
        assertThat(done.logGroup()).isEqualTo("/aws/codebuild/" + s.project());
        assertThat(done.logStream()).isEqualTo(id.substring(id.indexOf(':') + 1));
        assertThat(done.startTime()).isNotNull();
        assertThat(done.endTime()).isAfterOrEqualTo(done.startTime());

        // the updated project's tag landed, not the original one
        assertThat(cloud.registry().imageTagExists(s.repo(), tag)).isTrue();
        assertThat(cloud.registry().imageTagExists(s.repo(), "old")).isFalse();
        assertThat(cloud.logs().lastLines(done.logGroup(), done.logStream(), 50))
                .contains("The push refers to repository [" + s.repoUri() + "]")
                .anySatisfy(l -> assertThat(l).startsWith(tag + ": digest: sha256:"));
        assertThat(builds.lastBuild(s.project())).map(Build::id).contains(id);
    }

    @Test
    void missingSourceFailsInDownloadSource() {
        Setup s = setup();
        builds.createProject(spec(s, "t"));
        Build done = finish(builds.startBuild(s.project(), null));
        assertThat(done.status()).isEqualTo("FAILED");
        assertThat(phase(done, "DOWNLOAD_SOURCE").status()).isNotEqualTo("SUCCEEDED");
        assertThat(done.phases()).extracting(Phase::type).doesNotContain("BUILD");
    }

    @Test
    void noDockerfileFailsInBuildWithReadableLog() {
        Setup s = setup("app.py", "print('no dockerfile here')\n");
        builds.createProject(spec(s, "t"));
        Build done = finish(builds.startBuild(s.project(), s.bucket() + "/agent/source.zip"));
        assertThat(done.status()).isEqualTo("FAILED");
        assertThat(phase(done, "BUILD").status()).isEqualTo("FAILED");
        assertThat(done.phases()).extracting(Phase::type).doesNotContain("POST_BUILD");
        assertThat(cloud.logs().lastLines(done.logGroup(), done.logStream(), 5))
                .anySatisfy(l -> assertThat(l).contains("Dockerfile"));
        assertThat(cloud.registry().listImages(s.repo())).isEmpty();
    }

    @Test
    void pushToAMissingRepositoryFailsInPostBuild() {
        Setup s = setup("Dockerfile", "FROM scratch\n");
        cloud.registry().deleteRepository(s.repo());
        builds.createProject(spec(s, "t"));
        Build done = finish(builds.startBuild(s.project(), null));
        assertThat(done.status()).isEqualTo("FAILED");
        assertThat(phase(done, "POST_BUILD").status()).isEqualTo("FAILED");
        assertThat(cloud.logs().lastLines(done.logGroup(), done.logStream(), 5))
                .anySatisfy(l -> assertThat(l).contains("does not exist"));
    }

    @Test
    void aProjectWithoutItsImageVariablesFailsInBuild() {
        Setup s = setup("Dockerfile", "FROM scratch\n");
        ProjectSpec full = spec(s, "t");
        builds.createProject(new ProjectSpec(full.name(), full.sourceLocation(), full.buildspec(),
                full.environmentType(), full.image(), full.computeType(), true, full.serviceRoleArn(), Map.of(),
                Map.of()));
        Build done = finish(builds.startBuild(s.project(), null));
        assertThat(done.status()).isEqualTo("FAILED");
        assertThat(phase(done, "BUILD").status()).isEqualTo("FAILED");
        assertThat(cloud.logs().lastLines(done.logGroup(), done.logStream(), 5))
                .anySatisfy(l -> assertThat(l).contains("invalid reference format"));
    }

    @Test
    void unknownThingsAreNotFoundOrFalse() {
        String project = EmulatedAws.unique("nothing-");
        assertThat(builds.lastBuild(project)).isEmpty();
        assertThat(builds.deleteProject(project)).isFalse();
        CloudException e = catchThrowableOfType(CloudException.class, () -> builds.getBuild(project + ":123"));
        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(cloud.logs().lastLines("/aws/codebuild/" + project, "nope", 10)).isEmpty();
        CloudException start = catchThrowableOfType(CloudException.class, () -> builds.startBuild(project, null));
        assertThat(start.kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void deleteProjectRemovesIt() {
        Setup s = setup();
        builds.createProject(spec(s, "t"));
        assertThat(builds.deleteProject(s.project())).isTrue();
        assertThat(builds.projectExists(s.project())).isFalse();
    }
}
