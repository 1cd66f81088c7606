package dev.agentcore.core.local;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.cloud.ContainerRegistry;
import dev.agentcore.core.config.AgentConfig;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/**
 * The local half of {@code launch --local-build}: build the image with this machine's engine, make sure the ECR
 * repository exists, log in (the token goes on the engine's stdin only), tag and push. Deploying the pushed image to
 * the runtime (and creating the repository) are the cloud launch's own steps, so both paths deploy the same way.
 */
public final class LocalBuild {

    /** The pushed image and its repository. */
    public record Pushed(String localImage, String imageUri, String repositoryUri) { }

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

    /** The local steps, in order, as --dry-run shows them (the cloud deploy's own plan follows them). */
    public List<String> plan(AgentConfig agent, String engine, String tag) {
        return List.of(
                engine + " build -t " + image(agent.name(), tag) + " --platform " + agent.platform() + " (Dockerfile "
                        + new LocalRun(projectDir, runner, progress, null).dockerfileOrExpected(agent.name()) + ")",
                "ECR repository of '" + agent.name() + "' (created when missing, as 'agentcore launch' does)",
                "ECR.GetAuthorizationToken",
                engine + " login --username AWS --password-stdin <registry>",
                engine + " tag " + image(agent.name(), tag) + " <repository-uri>:" + tag,
                engine + " push <repository-uri>:" + tag);
    }

    /**
     * Builds the image, gets the repository from {@code ensureRepository} (the cloud launch's own step, which
     * creates and records it when missing), logs in and pushes. Returns the pushed image URI.
     */
    public Pushed buildAndPush(AgentConfig agent, ContainerEngine engine, ContainerRegistry registry, String tag,
                               Supplier<String> ensureRepository) {
        String name = agent.name();
        Path dockerfile = new LocalRun(projectDir, runner, progress, null).dockerfile(name);
        Path context = agent.sourcePath() != null ? projectDir.resolve(agent.sourcePath()).normalize() : projectDir;
        String image = image(name, tag);
        progress.println("Building " + image + " with " + engine.name() + " (platform " + agent.platform() + ")...");
        LocalRun.hostArchNote(agent.platform()).ifPresent(progress::println);
        progress.flush();
        engine.build(image, dockerfile, context, agent.platform());

        String repositoryUri = ensureRepository.get();
        ContainerRegistry.Login login = registry.login();
        progress.println("Logging in to " + login.endpoint().replaceFirst("^https?://", "") + "...");
        engine.login(login.endpoint(), login.username(), login.password());
        String imageUri = repositoryUri + ":" + tag;
        engine.tag(image, imageUri);
        progress.println("Pushing " + imageUri + "...");
        progress.flush();
        engine.push(imageUri);
        return new Pushed(image, imageUri, repositoryUri);
    }

    private static String image(String agent, String tag) {
        return LocalRun.localImage(agent).replace(":latest", ":" + tag);
    }
}
