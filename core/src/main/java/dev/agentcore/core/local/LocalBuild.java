package dev.agentcore.core.local;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.cloud.ContainerRegistry;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.naming.AgentName;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local half of {@code launch --local-build}: build the image with this machine's engine, make sure the ECR
 * repository exists, log in (the token goes on the engine's stdin only), tag and push. Deploying the pushed image to
 * the runtime is the cloud launch's own step, so both paths deploy the same way.
 */
public final class LocalBuild {

    /** The pushed image and its repository. */
    public record Pushed(String localImage, String imageUri, String repositoryName, String repositoryUri,
                         boolean repositoryCreated) { }

    private static final DateTimeFormatter TAG_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path projectDir;
    private final ProcessRunner runner;
    private final PrintWriter progress;

    public LocalBuild(Path projectDir, ProcessRunner runner, PrintWriter progress) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.runner = runner;
        this.progress = progress;
    }

    /** The engine to build with: --container-runtime, else the configured one, else the first usable one. */
    public ContainerEngine requireEngine(AgentConfig agent, String override) {
        EngineDetector detector = new EngineDetector(runner);
        EngineDetector.Detection d;
        if (override != null) {
            String wanted = EngineDetector.requireKnown(override);
            if (wanted.equals(EngineDetector.NONE)) {
                throw AgentCoreException.invalidInput("--local-build needs a container engine to build the image.",
                        "Use --container-runtime docker|finch|podman, or deploy with CodeBuild: agentcore launch");
            }
            d = detector.detectOnly(wanted);
        } else {
            d = detector.detect(agent.containerRuntime());
        }
        return d.engine().orElseThrow(() -> AgentCoreException.failure(
                "Cannot build locally: no usable container engine (" + d.summary() + ").",
                EngineDetector.fixFor(d) + " Or deploy with CodeBuild, which needs no engine: agentcore launch"));
    }

    /** --image-tag, else the Python tool's UTC timestamp tag. */
    public static String tagOrDefault(String imageTag) {
        if (imageTag != null && !imageTag.isBlank()) {
            if (!imageTag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
                throw AgentCoreException.invalidInput("Invalid image tag '" + imageTag + "'.",
                        "Use up to 128 letters, digits, '_', '.', '-' (not starting with '.' or '-').");
            }
            return imageTag;
        }
        return ZonedDateTime.now(ZoneOffset.UTC).format(TAG_TIME);
    }

    /** The repository: the configured one (URI or name), else bedrock-agentcore-&lt;agent&gt;. */
    public static String repositoryName(AgentConfig agent) {
        String configured = agent.ecrRepository();
        if (configured != null && !configured.isBlank()) {
            int slash = configured.indexOf('/');
            return slash >= 0 ? configured.substring(slash + 1) : configured;
        }
        return "bedrock-agentcore-" + AgentName.ecrRepositoryName(agent.name());
    }

    /** The steps, in order, as --dry-run shows them. */
    public List<String> plan(AgentConfig agent, String engine, String tag) {
        String repo = repositoryName(agent);
        return List.of(
                engine + " build -t " + LocalRun.localImage(agent.name()).replace(":latest", ":" + tag)
                        + " --platform " + agent.platform() + " (Dockerfile " + new LocalRun(projectDir, runner,
                        progress, null).dockerfileOrExpected(agent.name()) + ")",
                "ECR.DescribeRepositories " + repo + " (ECR.CreateRepository when missing)",
                "ECR.GetAuthorizationToken",
                engine + " login --username AWS --password-stdin <registry>",
                engine + " tag <image> <repository-uri>:" + tag,
                engine + " push <repository-uri>:" + tag,
                "deploy the image to the AgentCore runtime (as 'agentcore launch')");
    }

    /** Builds, pushes, and records the repository in the config; returns the pushed image URI. */
    public Pushed buildAndPush(AgentConfig agent, ContainerEngine engine, ContainerRegistry registry, String tag,
                               ConfigStore store) {
        String name = agent.name();
        Path dockerfile = new LocalRun(projectDir, runner, progress, null).dockerfile(name);
        Path context = agent.sourcePath() != null ? projectDir.resolve(agent.sourcePath()).normalize() : projectDir;
        String image = LocalRun.localImage(name).replace(":latest", ":" + tag);
        progress.println("Building " + image + " with " + engine.name() + " (platform " + agent.platform() + ")...");
        LocalRun.hostArchNote(agent.platform()).ifPresent(progress::println);
        progress.flush();
        engine.build(image, dockerfile, context, agent.platform());

        String repoName = repositoryName(agent);
        boolean created = false;
        ContainerRegistry.Repository repo = registry.findRepository(repoName).orElse(null);
        if (repo == null) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("agentcore:managed-by", "agentcore-java");
            tags.put("agentcore:agent", name);
            progress.println("Creating ECR repository " + repoName + "...");
            repo = registry.createRepository(repoName, tags);
            created = true;
        }
        ContainerRegistry.Repository finalRepo = repo;
        boolean recordCreated = created;
        store.update(cfg -> {
            AgentConfig a = cfg.select(name);
            a.setEcrRepository(finalRepo.uri());
            a.setEcrAutoCreate(false);
            if (recordCreated) {
                a.setCreatedResource("ecr_repository", finalRepo.name());
            }
            return null;
        });

        ContainerRegistry.Login login = registry.login();
        String registryHost = login.endpoint().replaceFirst("^https?://", "");
        progress.println("Logging in to " + registryHost + "...");
        engine.login(login.endpoint(), login.username(), login.password());
        String imageUri = repo.uri() + ":" + tag;
        engine.tag(image, imageUri);
        progress.println("Pushing " + imageUri + "...");
        progress.flush();
        engine.push(imageUri);
        return new Pushed(image, imageUri, repo.name(), repo.uri(), created);
    }
}
