package dev.agentcore.cli;

import dev.agentcore.core.local.EchoProject;
import dev.agentcore.core.local.FakeEngine;
import dev.agentcore.core.local.ProcessTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, scripts/demo, run for real with this build of the CLI (its classes, through the
 * script's AGENTCORE override): no AWS credentials, no container engine needed, nothing left running.
 */
class DemoScriptTest {

    @TempDir
    Path dir;

    @Test
    void theDemoConfiguresLaunchesInvokesAndStopsTheEchoAgent() throws Exception {
        Path repo = EchoProject.exampleDir().getParent().getParent();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int port = FakeEngine.freePort();
        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("scripts/demo").toString());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("HOME", dir.toString());
        env.put("TMPDIR", dir.toString());
        env.put("AGENTCORE_DEMO_PORT", String.valueOf(port));
        env.put("AGENTCORE", java + " -XX:TieredStopAtLevel=1 -cp " + System.getProperty("java.class.path")
                + " dev.agentcore.cli.Main");
        Path err = dir.resolve("demo.err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        if (!done) {
            ProcessTree.stop(p.toHandle(), Duration.ofSeconds(5));
        }
        String stderr = Files.readString(err);
        assertThat(done).as(stderr).isTrue();
        assertThat(p.exitValue()).as(stderr).isZero();
        assertThat(out).contains("Echo: Hello");
        assertThat(stderr).contains("== agentcore launch --local --stop", "Stopped local agent");
        // the temporary project is gone and nothing answers on the port any more
        try (var left = Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString()).toList())
                    .noneMatch(n -> n.startsWith("agentcore-demo."));
        }
        assertThat(new dev.agentcore.core.local.LocalEndpoint(port).portFree()).isTrue();
    }
}
