package dev.agentcore.core.configure;

import dev.agentcore.core.AgentCoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntrypointTest {

    @TempDir
    Path tmp;

    private Path file(Path dir, String rel) throws IOException {
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "");
        return f;
    }

    @Test
    void aFileIsUsedAndNamedAfterItsPath() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("proj"));
        file(dir, "agents/writer/main.py");
        Entrypoint e = Entrypoint.resolve(dir, "agents/writer/main.py");
        assertThat(e.relative()).isEqualTo("agents/writer/main.py");
        assertThat(e.inferName().name()).isEqualTo("agents_writer_main");
        assertThat(e.inferName().note()).isNull();
        file(dir, "my-agent v2.py");
        assertThat(Entrypoint.resolve(dir, "my-agent v2.py").inferName().name()).isEqualTo("my_agent_v2");
    }

    @Test
    void aGenericRootFileIsNamedAfterTheProjectDirectory() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("weather-bot"));
        file(dir, "__main__.py");
        Entrypoint.InferredName name = Entrypoint.resolve(dir, "__main__.py").inferName();
        assertThat(name.name()).isEqualTo("weather_bot");
        assertThat(name.note()).contains("generic");
    }

    @Test
    void anInvalidInferredNameIsRepaired() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        file(dir, "1st.py");
        assertThat(Entrypoint.resolve(dir, "1st.py").inferName().name()).isEqualTo("agent_1st");
    }

    @Test
    void aDirectoryNeedsExactlyOneCandidate() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        assertThatThrownBy(() -> Entrypoint.resolve(dir, ".")).hasMessageContaining("No entrypoint file found");
        file(dir, "app.py");
        assertThat(Entrypoint.resolve(dir, "").relative()).isEqualTo("app.py");
        file(dir, "agent.py");
        assertThatThrownBy(() -> Entrypoint.resolve(dir, null))
                .hasMessageContaining("Multiple entrypoint files found in .: agent.py, app.py");
    }

    @Test
    void pathsOutsideMissingOrNotPythonAreRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        file(tmp, "outside.py");
        file(dir, "run.sh");
        Files.createSymbolicLink(dir.resolve("link.py"), tmp.resolve("outside.py"));
        assertThatThrownBy(() -> Entrypoint.resolve(dir, "../outside.py"))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("Path must be within the current directory");
        assertThatThrownBy(() -> Entrypoint.resolve(dir, "link.py")).hasMessageContaining("within the current directory");
        assertThatThrownBy(() -> Entrypoint.resolve(dir, "nope.py")).hasMessageContaining("Path not found: nope.py");
        assertThatThrownBy(() -> Entrypoint.resolve(dir, "run.sh")).hasMessageContaining("not a Python file");
    }
}
