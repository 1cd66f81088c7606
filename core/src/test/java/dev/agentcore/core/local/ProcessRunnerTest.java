package dev.agentcore.core.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessRunnerTest {

    @TempDir
    Path dir;

    private final StringWriter progress = new StringWriter();

    @Test
    void childrenGetTheCommandsEnvironmentNotTheJvms() throws Exception {
        FakeEngine fake = FakeEngine.in(dir);
        ProcessRunner runner = new ProcessRunner(Map.of("PATH", fake.path(), "ONLY_THIS", "1"),
                new PrintWriter(progress, true));
        ProcessRunner.Result r = runner.run(ProcessRunner.Call.of(List.of("env")).withEnv(Map.of("EXTRA", "x")));
        assertThat(r.ok()).isTrue();
        assertThat(r.tail()).containsExactlyInAnyOrder("PATH=" + fake.path(), "ONLY_THIS=1", "EXTRA=x");
        assertThat(runner.find("docker")).isEmpty();
        assertThat(runner.find("python3")).hasValue(fake.bin().resolve("python3"));
    }

    @Test
    void outputIsUtf8StreamedWithAPrefixAndItsTailKept() throws Exception {
        FakeEngine fake = FakeEngine.in(dir);
        ProcessRunner runner = new ProcessRunner(Map.of("PATH", fake.path()), new PrintWriter(progress, true));
        ProcessRunner.Result r = runner.run(ProcessRunner.Call.of(List.of("python3", "-c",
                "import sys\nfor i in range(60): print('línea', i)\nsys.exit(4)")).streamedAs("[x] "));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.tail()).hasSize(ProcessRunner.TAIL_LINES).endsWith("línea 59");
        assertThat(progress.toString()).contains("[x] línea 0", "[x] línea 59");
    }

    @Test
    void aProgramPastItsTimeLimitIsKilledWithItsChildren() throws Exception {
        FakeEngine fake = FakeEngine.in(dir);
        ProcessRunner runner = new ProcessRunner(Map.of("PATH", fake.path()), new PrintWriter(progress, true));
        String script = "import subprocess, sys, time\n"
                + "c = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)'])\n"
                + "print(c.pid, flush=True)\ntime.sleep(120)";
        ProcessRunner.Result r = runner.run(ProcessRunner.Call.of(List.of("python3", "-c", script))
                .withTimeout(Duration.ofSeconds(3)));
        assertThat(r.timedOut()).isTrue();
        long child = Long.parseLong(r.tail().get(0).trim());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void stdinCarriesTextThatNeverAppearsInArgv() throws Exception {
        FakeEngine fake = FakeEngine.in(dir);
        ProcessRunner runner = new ProcessRunner(Map.of("PATH", fake.path()), new PrintWriter(progress, true));
        ProcessRunner.Result r = runner.run(ProcessRunner.Call.of(List.of("python3", "-c",
                "import sys; print(len(sys.stdin.read()))")).withStdin("token-value"));
        assertThat(r.tail()).containsExactly("11");
    }
}
