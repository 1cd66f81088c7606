package dev.agentcore.core.destroy;

import dev.agentcore.core.cloud.BuildService;
import dev.agentcore.core.cloud.ContainerRegistry;
import dev.agentcore.core.cloud.RoleService;
import dev.agentcore.core.cloud.RuntimeService;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.fake.FakeCloud;
import dev.agentcore.core.naming.AgentName;
import dev.agentcore.core.testing.LaunchBuildspec;

import dev.agentcore.core.cloud.Cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Puts into a cloud (the {@link FakeCloud}, or the emulator through the SDK implementation) and the project's YAML
 * what a CodeBuild launch leaves behind, following the shared name/tag/{@code created_resources} contract, so
 * status and destroy can be tested without the launch flow. On a FakeCloud the image is pushed directly; elsewhere
 * a real CodeBuild build with the contract's buildspec pushes it, and the fixture waits for the build and the
 * runtime like launch does.
 */
public final class LaunchFixture {

    public static final String IMAGE_TAG = "a".repeat(64);

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"logs:PutLogEvents\",\"Resource\":\"*\"}]}";

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Cloud cloud;
    private final Path dir;
    private String executionRoleArn;
    private String repositoryUri;

    private LaunchFixture(Cloud cloud, Path dir) {
        this.cloud = cloud;
        this.dir = dir;
    }

    public static LaunchFixture in(Cloud cloud, Path dir) {
        return new LaunchFixture(cloud, dir);
    }

    public static String trustPolicy(String service) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + service + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    /** Use this existing role (the user's) instead of creating one. */
    public LaunchFixture withExecutionRole(String arn) {
        this.executionRoleArn = arn;
        return this;
    }

    /** Push to this existing repository (the user's) instead of creating one. */
    public LaunchFixture withRepository(String uri) {
        this.repositoryUri = uri;
        return this;
    }

    public static Map<String, String> tags(String agent) {
        return Map.of("agentcore:managed-by", "agentcore-java", "agentcore:agent", agent);
    }

    public static String hash(String agent) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(agent.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 10);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String repositoryName(String agent) {
        return "bedrock-agentcore-" + AgentName.ecrRepositoryName(agent);
    }

    public static String executionRoleName(String agent, String region) {
        return "AmazonBedrockAgentCoreSDKRuntime-" + region + "-" + hash(agent);
    }

    public static String codeBuildRoleName(String agent, String region) {
        return "AmazonBedrockAgentCoreSDKCodeBuild-" + region + "-" + hash(agent);
    }

    /** Creates the resources, records them in the YAML and returns the agent as written. */
    public AgentConfig launch(String agent) {
        String region = cloud.region();
        String account = cloud.account().callerIdentity().account();
        Map<String, String> tags = tags(agent);
        AgentConfig cfg = AgentConfig.newContainerAgent(agent, "agent.py", ".");
        cfg.setRegion(region);
        cfg.setAccount(account);

        String repoName;
        if (repositoryUri == null) {
            repoName = repositoryName(agent);
            ContainerRegistry.Repository repo = cloud.registry().createRepository(repoName, tags);
            cfg.setEcrRepository(repo.uri());
            cfg.setCreatedResource("ecr_repository", repoName);
        } else {
            repoName = repositoryUri.substring(repositoryUri.indexOf('/') + 1);
            cfg.setEcrRepository(repositoryUri);
        }
        String repoUri = cfg.ecrRepository();

        if (executionRoleArn == null) {
            String name = executionRoleName(agent, region);
            RoleService.Role role = cloud.roles().createRole(name, trustPolicy("bedrock-agentcore.amazonaws.com"),
                    "Execution role", tags);
            cloud.roles().putRolePolicy(name, "BedrockAgentCoreRuntimeExecutionPolicy-" + agent, POLICY);
            cfg.setExecutionRole(role.arn());
            cfg.setCreatedResource("execution_role", name);
        } else {
            cfg.setExecutionRole(executionRoleArn);
        }
        cfg.setExecutionRoleAutoCreate(false);

        String cbName = codeBuildRoleName(agent, region);
        RoleService.Role cbRole = cloud.roles().createRole(cbName, trustPolicy("codebuild.amazonaws.com"),
                "CodeBuild role", tags);
        cloud.roles().putRolePolicy(cbName, "CodeBuildExecutionPolicy", POLICY);
        cfg.setCodeBuildRole(cbRole.arn());
        cfg.setCreatedResource("codebuild_role", cbName);

        String bucket = "bedrock-agentcore-codebuild-sources-" + account + "-" + region;
        String key = agent + "/source.zip";
        if (!cloud.objects().bucketExists(bucket, account)) {
            cloud.objects().createBucket(bucket, region, account);
        }
        cloud.objects().putObject(bucket, key, sourceZip(), account);
        cfg.setSourceBucket(bucket);
        cfg.setCreatedResource("source_object", bucket + "/" + key);

        String project = repositoryName(agent) + "-builder";
        cloud.builds().createProject(new BuildService.ProjectSpec(project, bucket + "/" + key, LaunchBuildspec.YAML,
                "ARM_CONTAINER", "aws/codebuild/amazonlinux2-aarch64-standard:3.0", "BUILD_GENERAL1_MEDIUM", true,
                cbRole.arn(), Map.of("IMAGE_URI", repoUri + ":" + IMAGE_TAG, "REPOSITORY_URI", repoUri,
                "IMAGE_TAG", IMAGE_TAG), tags));
        cfg.setCodeBuildProject(project);
        cfg.setCreatedResource("codebuild_project", project);
        String buildId = cloud.builds().startBuild(project, bucket + "/" + key);
        if (cloud instanceof FakeCloud fake) {
            // a FakeCloud build may push IMAGE_URI itself; push only when it did not
            if (fake.images.getOrDefault(repoName, List.of()).stream().noneMatch(i -> IMAGE_TAG.equals(i.tag()))) {
                fake.pushImage(repoName, IMAGE_TAG);
            }
        } else {
            BuildService.Build build = await(() -> cloud.builds().getBuild(buildId), BuildService.Build::finished);
            if (!"SUCCEEDED".equals(build.status())) {
                throw new IllegalStateException("fixture build " + build.status() + " in " + build.currentPhase());
            }
        }

        String imageUri = repoUri + ":" + IMAGE_TAG;
        RuntimeService.AgentRuntime created = cloud.runtimes().create(new RuntimeService.RuntimeSpec(agent, imageUri,
                cfg.executionRole(), "PUBLIC", null, null, "HTTP", Map.of(), null, null, null, null, null, tags));
        String runtimeId = created.id();
        RuntimeService.AgentRuntime runtime = cloud instanceof FakeCloud ? created
                : await(() -> cloud.runtimes().get(runtimeId).orElseThrow(), r -> !r.status().endsWith("ING"));
        if (!(cloud instanceof FakeCloud)) { // launch waits for the DEFAULT endpoint too
            await(() -> cloud.runtimes().getEndpoint(runtimeId, "DEFAULT"),
                    e -> e.isPresent() && !e.get().status().endsWith("ING"));
        }
        if (cloud instanceof FakeCloud fake) { // the services make these on AWS
            fake.logGroups.add("/aws/codebuild/" + project);
            fake.logGroups.add("/aws/bedrock-agentcore/runtimes/" + runtime.id() + "-DEFAULT");
        }
        cfg.setAgentId(runtime.id());
        cfg.setAgentArn(runtime.arn());
        cfg.set(imageUri, "bedrock_agentcore", "image_uri");

        new ConfigStore(dir).update(p -> {
            p.putAgent(cfg);
            return null;
        });
        return cfg;
    }

    private Path sourceZip() {
        try {
            Path zip = Files.createTempFile("fixture-source", ".zip");
            zip.toFile().deleteOnExit();
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("Dockerfile"));
                out.write("FROM python:3.11-slim\nCOPY . .\nCMD [\"python\", \"agent.py\"]\n"
                        .getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                out.putNextEntry(new ZipEntry("agent.py"));
                out.write("print('hello')\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until the value satisfies the condition, at most {@link #WAIT}. */
    private static <T> T await(Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T value = read.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fixture gave up waiting; last seen: " + value);
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    /** Only configures (no cloud resources), as configure would. */
    public static AgentConfig configureOnly(Path dir, String agent, String region) {
        AgentConfig cfg = AgentConfig.newContainerAgent(agent, "agent.py", ".");
        cfg.setRegion(region);
        cfg.setAccount(FakeCloud.ACCOUNT);
        new ConfigStore(dir).update(p -> {
            p.putAgent(cfg);
            return null;
        });
        return cfg;
    }

    /** What the account holds, to compare before and after. */
    public static List<Object> snapshot(FakeCloud cloud) {
        Map<String, List<ContainerRegistry.Image>> images = new java.util.TreeMap<>();
        synchronized (cloud.images) {
            cloud.images.forEach((k, v) -> images.put(k, List.copyOf(v)));
        }
        return List.of(Map.copyOf(cloud.repositories), images, Map.copyOf(cloud.roles),
                List.copyOf(cloud.buckets), Map.copyOf(cloud.objects), Map.copyOf(cloud.projects),
                Map.copyOf(cloud.runtimes));
    }
}
