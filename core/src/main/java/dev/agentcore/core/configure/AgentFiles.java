package dev.agentcore.core.configure;

import dev.agentcore.core.config.AgentConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where an agent's generated files live, shared by configure and launch. */
public final class AgentFiles {

    public static final String DIRECTORY = ".bedrock_agentcore";

    private AgentFiles() {
    }

    /** {@code <project>/.bedrock_agentcore/<agent>/Dockerfile}: where configure writes the generated Dockerfile. */
    public static Path generatedDockerfile(Path projectDir, String agentName) {
        return projectDir.resolve(DIRECTORY).resolve(agentName).resolve("Dockerfile");
    }

    /** The build context: {@code source_path}, else the project directory. */
    public static Path buildContext(Path projectDir, AgentConfig agent) {
        return agent.sourcePath() == null ? projectDir : Path.of(agent.sourcePath());
    }

    /**
     * The Dockerfile a build uses: the build context's own {@code Dockerfile} when it has one (a user's file is
     * never replaced), else the generated one.
     */
    public static Path dockerfile(Path projectDir, AgentConfig agent) {
        Path own = buildContext(projectDir, agent).resolve("Dockerfile");
        return Files.isRegularFile(own) ? own : generatedDockerfile(projectDir, agent.name());
    }
}
