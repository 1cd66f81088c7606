package dev.agentcore.cli.command;

import dev.agentcore.cli.CliHarness;
import dev.agentcore.core.local.FakeEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CreateCommandTest {

    @TempDir
    Path dir;

    @Test
    void basicTemplateWritesACompilingEntrypointRequirementsAndReadme() throws Exception {
        CliHarness.Result r = CliHarness.in(dir).runOk("create", "my_agent");
        Path folder = dir.resolve("my_agent");
        assertThat(r.out().trim()).isEqualTo(folder.toString());
        String agent = Files.readString(folder.resolve("agent.py"));
        assertThat(agent).contains("from bedrock_agentcore.runtime import BedrockAgentCoreApp", "@app.entrypoint",
                "return {\"result\": ", "my_agent").doesNotContain("{{");
        assertThat(Files.readString(folder.resolve("requirements.txt"))).contains("bedrock-agentcore");
        assertThat(Files.readString(folder.resolve("README.md"))).contains("# my_agent",
                "agentcore configure --entrypoint agent.py --name my_agent", "agentcore launch --local",
                "agentcore invoke");
        assertThat(r.err()).contains("Next:", "agentcore launch --local");
        assertCompiles(folder.resolve("agent.py"));
    }

    @Test
    void streamingTemplateHasAnAsyncEntrypointThatYields() throws Exception {
        CliHarness.in(dir).runOk("create", "Streamer1", "--template", "streaming");
        Path agent = dir.resolve("Streamer1").resolve("agent.py");
        assertThat(Files.readString(agent)).contains("@app.entrypoint\nasync def invoke(payload, context):",
                "yield chunk");
        assertCompiles(agent);
    }

    @Test
    void anExistingFolderIsNeverOverwritten() throws Exception {
        Files.createDirectories(dir.resolve("taken"));
        Files.writeString(dir.resolve("taken").resolve("agent.py"), "mine");
        CliHarness.Result r = CliHarness.in(dir).run("create", "taken").expectExit(2);
        assertThat(r.err()).contains("already exists; not overwriting it");
        assertThat(Files.readString(dir.resolve("taken").resolve("agent.py"))).isEqualTo("mine");
    }

    @Test
    void invalidNamesAndTemplatesAreRefused() {
        CliHarness.Result r = CliHarness.in(dir).run("create", "my-agent").expectExit(2);
        assertThat(r.err()).contains("Invalid agent name 'my-agent'").contains("my_agent");
        CliHarness.in(dir).run("create", "ok_name", "--template", "fancy").expectExit(2);
        assertThat(dir.resolve("ok_name")).doesNotExist();
        assertThat(dir.resolve("my-agent")).doesNotExist();
    }

    private static void assertCompiles(Path file) throws Exception {
        Path python = FakeEngine.realPython();
        Process p = new ProcessBuilder(python.toString(), "-c",
                "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)",
                file.toString(), file.resolveSibling("compiled.pyc").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
