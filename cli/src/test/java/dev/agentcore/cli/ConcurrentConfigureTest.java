package dev.agentcore.cli;

import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.config.ProjectConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real processes configure two agents of one project at the same moment: both must land in the file (the lock
 * serialises read-change-write), the file must stay valid YAML (atomic replace), and no temporary file may be left.
 */
class ConcurrentConfigureTest {

    static final int ROUNDS = 3;

    @TempDir
    Path tmp;

    @Test
    void bothAgentsLandAndTheFileStaysWhole() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path dir = Files.createDirectories(tmp.resolve("round" + round).resolve("proj"));
            Path logs = Files.createDirectories(tmp.resolve("round" + round).resolve("logs"));
            Files.writeString(dir.resolve("agent_one.py"), "from bedrock_agentcore import BedrockAgentCoreApp\n");
            Files.writeString(dir.resolve("agent_two.py"), "from bedrock_agentcore import BedrockAgentCoreApp\n");
            Files.writeString(dir.resolve("requirements.txt"), "bedrock-agentcore\n");
            Map<String, String> env = CliProcess.isolatedEnv(tmp.resolve("round" + round).resolve("home"));
            env.put("AWS_REGION", "us-west-2");

            CliProcess one = CliProcess.start(dir, env, logs, "configure", "-e", "agent_one.py", "-n", "one", "-ni");
            CliProcess two = CliProcess.start(dir, env, logs, "configure", "-e", "agent_two.py", "-n", "two", "-ni");
            one.await(60).expectExit(0);
            two.await(60).expectExit(0);

            String yaml = Files.readString(dir.resolve(ProjectConfig.FILE_NAME), StandardCharsets.UTF_8);
            ProjectConfig config = ConfigStore.parse(yaml);
            assertThat(config.agentNames()).as("round %d:%n%s", round, yaml).containsExactlyInAnyOrder("one", "two");
            assertThat(config.defaultAgent()).as("round %d", round).hasValueSatisfying(
                    name -> assertThat(name).isIn("one", "two"));
            assertThat(config.agent("one").orElseThrow().entrypoint()).endsWith("/agent_one.py");
            assertThat(config.agent("two").orElseThrow().entrypoint()).endsWith("/agent_two.py");
            assertThat(dir.resolve(".bedrock_agentcore/one/Dockerfile")).isRegularFile();
            assertThat(dir.resolve(".bedrock_agentcore/two/Dockerfile")).isRegularFile();
            try (Stream<Path> files = Files.walk(dir)) {
                List<String> leftovers = files.map(p -> dir.relativize(p).toString())
                        .filter(name -> name.endsWith(".tmp")).toList();
                assertThat(leftovers).as("temporary files left in round %d", round).isEmpty();
            }
        }
    }
}
