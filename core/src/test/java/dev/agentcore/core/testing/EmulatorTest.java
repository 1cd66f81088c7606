package dev.agentcore.core.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeArtifact;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ContainerConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.Tag;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The emulator as the Java SDK sees it: each call our flow makes unmarshals, and the behaviours moto lacked (real
 * builds, runtime states, validation) are there. Raw SDK calls on purpose: this checks the emulator, not our code.
 */
class EmulatorTest {

    /** Not LaunchBuildspec: the push is in the ${VAR} form, which the emulator must expand as well. */
    static final String BUILDSPEC = """
            version: 0.2
            phases:
              pre_build:
                commands:
                  - aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $REPOSITORY_URI
              build:
                on-failure: ABORT
                commands:
                  - docker build --platform linux/arm64 -t $IMAGE_URI -f Dockerfile .
              post_build:
                commands:
                  - docker push ${IMAGE_URI}
            """;

    @RegisterExtension
    static final EmulatedAccount account = new EmulatedAccount();

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void buildReadsItsSourcePushesTheImageAndLogs() throws IOException {
        String bucket = unique("src-");
        String repo = unique("repo-");
        String project = unique("proj-");
        account.s3().createBucket(b -> b.bucket(bucket)
                .createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
        account.s3().putObject(b -> b.bucket(bucket).key("a/source.zip").expectedBucketOwner(Emulator.ACCOUNT),
                RequestBody.fromBytes(zip("Dockerfile", "FROM python:3.11\n", "app.py", "print(1)\n")));
        String repoUri = account.ecr().createRepository(b -> b.repositoryName(repo)
                .tags(Tag.builder().key("agentcore:agent").value("x").build())).repository().repositoryUri();
        createProject(project, bucket + "/a/source.zip", repoUri + ":first");
        // the update carries the tag the build must push
        account.codeBuild().updateProject(b -> b.name(project).environment(e -> e.type(EnvironmentType.ARM_CONTAINER)
                .image("aws/codebuild/amazonlinux2-aarch64-standard:3.0").computeType(ComputeType.BUILD_GENERAL1_MEDIUM)
                .privilegedMode(true).environmentVariables(
                        EnvironmentVariable.builder().name("IMAGE_URI").value(repoUri + ":second").build(),
                        EnvironmentVariable.builder().name("REPOSITORY_URI").value(repoUri).build())));

        Build started = account.codeBuild().startBuild(b -> b.projectName(project)
                .sourceLocationOverride(bucket + "/a/source.zip")).build();
        assertThat(started.startTime()).isNotNull();
        Build first = account.codeBuild().batchGetBuilds(b -> b.ids(started.id())).builds().get(0);
        assertThat(first.buildStatusAsString()).isEqualTo("IN_PROGRESS");
        Build done = account.codeBuild().batchGetBuilds(b -> b.ids(started.id())).builds().get(0);
        Build again = account.codeBuild().batchGetBuilds(b -> b.ids(started.id())).builds().get(0);
        assertThat(done.buildStatusAsString()).isEqualTo("SUCCEEDED");
        assertThat(again.phases()).hasSameSizeAs(done.phases());
        assertThat(done.phases()).extracting(p -> p.phaseTypeAsString()).doesNotHaveDuplicates()
                .contains("DOWNLOAD_SOURCE", "BUILD", "POST_BUILD", "COMPLETED");
        assertThat(done.endTime()).isAfterOrEqualTo(done.startTime());

        var images = account.ecr().listImages(b -> b.repositoryName(repo)).imageIds();
        assertThat(images).extracting(ImageIdentifier::imageTag).containsExactly("second");
        var described = account.ecr().describeImages(b -> b.repositoryName(repo)
                .imageIds(ImageIdentifier.builder().imageTag("second").build())).imageDetails();
        assertThat(described).hasSize(1);

        String stream = started.id().substring(started.id().indexOf(':') + 1);
        var events = account.logs().getLogEvents(b -> b.logGroupName("/aws/codebuild/" + project).logStreamName(stream)
                .startFromHead(true)).events();
        assertThat(events).anySatisfy(e -> assertThat(e.message()).contains("docker push"));

        assertThat(account.codeBuild().listBuildsForProject(b -> b.projectName(project)).ids())
                .containsExactly(started.id());
        assertThat(account.ecr().listTagsForResource(b -> b.resourceArn(
                account.ecr().describeRepositories(d -> d.repositoryNames(repo)).repositories().get(0).repositoryArn()))
                .tags()).extracting(Tag::key).containsExactly("agentcore:agent");
        account.ecr().batchDeleteImage(b -> b.repositoryName(repo)
                .imageIds(ImageIdentifier.builder().imageTag("second").build()));
        assertThat(account.ecr().listImages(b -> b.repositoryName(repo)).imageIds()).isEmpty();
        account.codeBuild().deleteProject(b -> b.name(project));
        assertThat(account.codeBuild().batchGetProjects(b -> b.names(project)).projects()).isEmpty();
    }

    @Test
    void buildFailsWithoutItsSourceOrWithoutDockerfile() throws IOException {
        String bucket = unique("src-");
        String project = unique("proj-");
        account.s3().createBucket(b -> b.bucket(bucket)
                .createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
        account.s3().putObject(b -> b.bucket(bucket).key("nodocker.zip"), RequestBody.fromBytes(zip("app.py", "x")));
        createProject(project, bucket + "/missing.zip", Emulator.ACCOUNT + ".dkr.ecr.us-west-2.amazonaws.com/none:t");

        Build missing = finish(account.codeBuild().startBuild(b -> b.projectName(project)).build().id());
        assertThat(missing.buildStatusAsString()).isEqualTo("FAILED");
        assertThat(missing.phases()).anySatisfy(p -> {
            assertThat(p.phaseTypeAsString()).isEqualTo("DOWNLOAD_SOURCE");
            assertThat(p.phaseStatusAsString()).isNotEqualTo("SUCCEEDED");
        });

        Build noDockerfile = finish(account.codeBuild().startBuild(b -> b.projectName(project)
                .sourceLocationOverride(bucket + "/nodocker.zip")).build().id());
        assertThat(noDockerfile.buildStatusAsString()).isEqualTo("FAILED");
        assertThat(noDockerfile.phases()).anySatisfy(p -> {
            assertThat(p.phaseTypeAsString()).isEqualTo("BUILD");
            assertThat(p.phaseStatusAsString()).isEqualTo("FAILED");
        });
        assertThat(noDockerfile.phases()).noneSatisfy(p -> assertThat(p.phaseTypeAsString()).isEqualTo("POST_BUILD"));
    }

    @Test
    void pushToAMissingRepositoryFailsPostBuild() throws IOException {
        String bucket = unique("src-");
        String project = unique("proj-");
        account.s3().createBucket(b -> b.bucket(bucket)
                .createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
        account.s3().putObject(b -> b.bucket(bucket).key("s.zip"),
                RequestBody.fromBytes(zip("Dockerfile", "FROM x\n")));
        createProject(project, bucket + "/s.zip",
                Emulator.ACCOUNT + ".dkr.ecr.us-west-2.amazonaws.com/" + unique("gone-") + ":t");
        Build build = finish(account.codeBuild().startBuild(b -> b.projectName(project)).build().id());
        assertThat(build.buildStatusAsString()).isEqualTo("FAILED");
        assertThat(build.phases()).anySatisfy(p -> {
            assertThat(p.phaseTypeAsString()).isEqualTo("POST_BUILD");
            assertThat(p.phaseStatusAsString()).isEqualTo("FAILED");
        });
    }

    @Test
    void runtimeIsValidatedGetsAnEndpointAndSettles() {
        String role = createRole(unique("rt-"), "bedrock-agentcore.amazonaws.com");
        String wrongTrust = createRole(unique("rt-"), "ec2.amazonaws.com");
        String repo = unique("repo-");
        String uri = account.ecr().createRepository(b -> b.repositoryName(repo)).repository().repositoryUri();
        account.ecr().putImage(b -> b.repositoryName(repo).imageTag("v1").imageManifest(
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                        + "\"config\":{\"digest\":\"sha256:aa\",\"size\":1},\"layers\":[{\"digest\":\"sha256:"
                        + repo + "\",\"size\":1}]}"));
        String name = unique("agent_");

        assertThatThrownBy(() -> createRuntime("bad-name", uri + ":v1", role)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> createRuntime(name, uri + ":v1", wrongTrust)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Role validation failed").hasMessageContaining(wrongTrust);
        String missingRole = "arn:aws:iam::" + Emulator.ACCOUNT + ":role/" + unique("none-");
        assertThatThrownBy(() -> createRuntime(name, uri + ":v1", missingRole))
                .hasMessageContaining("Role validation failed").hasMessageContaining(missingRole);

        CreateAgentRuntimeResponse created = createRuntime(name, uri + ":v1", role);
        String id = created.agentRuntimeId();
        assertThatThrownBy(() -> createRuntime(name, uri + ":v1", role)).isInstanceOf(ConflictException.class);
        var control = account.agentCoreControl();
        assertThat(control.getAgentRuntimeEndpoint(b -> b.agentRuntimeId(id).endpointName("DEFAULT")).statusAsString())
                .isEqualTo("CREATING");
        assertThat(control.getAgentRuntimeEndpoint(b -> b.agentRuntimeId(id).endpointName("DEFAULT")).statusAsString())
                .isEqualTo("READY");

        control.updateAgentRuntime(b -> b.agentRuntimeId(id).roleArn(role)
                .agentRuntimeArtifact(artifact(uri + ":v1")).networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC)));
        control.getAgentRuntime(b -> b.agentRuntimeId(id));
        assertThat(control.getAgentRuntime(b -> b.agentRuntimeId(id)).statusAsString()).isEqualTo("READY");

        control.updateAgentRuntime(b -> b.agentRuntimeId(id).roleArn(role)
                .agentRuntimeArtifact(artifact(uri + ":nope")).networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC)));
        control.getAgentRuntimeEndpoint(b -> b.agentRuntimeId(id).endpointName("DEFAULT"));
        var failed = control.getAgentRuntimeEndpoint(b -> b.agentRuntimeId(id).endpointName("DEFAULT"));
        assertThat(failed.statusAsString()).isEqualTo("UPDATE_FAILED");
        assertThat(failed.failureReason()).contains(":nope");

        control.deleteAgentRuntime(b -> b.agentRuntimeId(id));
        assertThat(account.stateTree().get("agentcore").toString()).doesNotContain(id);
    }

    @Test
    void stateShowsWhatExistsAndIgnoresReads() {
        String role = unique("st-");
        createRole(role, "codebuild.amazonaws.com");
        account.iam().tagRole(b -> b.roleName(role).tags(software.amazon.awssdk.services.iam.model.Tag.builder()
                .key("agentcore:managed-by").value("agentcore-java").build()));
        String before = account.state();
        account.iam().getRole(b -> b.roleName(role));
        assertThat(account.ecr().getAuthorizationToken().authorizationData().get(0).expiresAt())
                .isAfter(java.time.Instant.now().plusSeconds(3600));
        account.sts().getCallerIdentity();
        assertThat(account.state()).isEqualTo(before);
        assertThat(account.stateTree().get("iam").get(Emulator.ACCOUNT + "/" + role).get("tags")
                .get("agentcore:managed-by").asText()).isEqualTo("agentcore-java");
    }

    static Build finish(String id) {
        Build build = null;
        for (int i = 0; i < 10; i++) {
            build = account.codeBuild().batchGetBuilds(b -> b.ids(id)).builds().get(0);
            if (!"IN_PROGRESS".equals(build.buildStatusAsString())) {
                return build;
            }
        }
        throw new AssertionError("build never finished: " + build);
    }

    static void createProject(String project, String location, String imageUri) {
        String repoUri = imageUri.substring(0, imageUri.lastIndexOf(':'));
        account.codeBuild().createProject(b -> b.name(project)
                .source(s -> s.type(SourceType.S3).location(location).buildspec(BUILDSPEC))
                .artifacts(a -> a.type(ArtifactsType.NO_ARTIFACTS))
                .environment(e -> e.type(EnvironmentType.ARM_CONTAINER)
                        .image("aws/codebuild/amazonlinux2-aarch64-standard:3.0")
                        .computeType(ComputeType.BUILD_GENERAL1_MEDIUM).privilegedMode(true)
                        .environmentVariables(
                                EnvironmentVariable.builder().name("IMAGE_URI").value(imageUri).build(),
                                EnvironmentVariable.builder().name("REPOSITORY_URI").value(repoUri).build()))
                .serviceRole("arn:aws:iam::" + Emulator.ACCOUNT + ":role/cb"));
    }

    static String createRole(String name, String service) {
        return account.iam().createRole(b -> b.roleName(name).assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                        + service + "\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
    }

    static AgentRuntimeArtifact artifact(String uri) {
        return AgentRuntimeArtifact.fromContainerConfiguration(ContainerConfiguration.builder().containerUri(uri).build());
    }

    static CreateAgentRuntimeResponse createRuntime(String name, String uri, String role) {
        return account.agentCoreControl().createAgentRuntime(b -> b.agentRuntimeName(name).roleArn(role)
                .agentRuntimeArtifact(artifact(uri)).networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC)));
    }

    @Test
    void resetForgetsEverything() {
        String bucket = unique("reset-");
        account.s3().createBucket(b -> b.bucket(bucket)
                .createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
        assertThat(account.stateTree().get("s3").has(Emulator.ACCOUNT + "/" + bucket)).isTrue();
        account.reset();
        assertThat(account.stateTree().get("s3").has(Emulator.ACCOUNT + "/" + bucket)).isFalse();
    }
}
