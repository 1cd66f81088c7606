package dev.agentcore.core.local;

import dev.agentcore.core.AgentCoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineDetectorTest {

    @TempDir
    Path dir;

    private EngineDetector detector(FakeEngine fake) {
        return new EngineDetector(new ProcessRunner(Map.of("PATH", fake.path()), new PrintWriter(new StringWriter())));
    }

    @Test
    void nothingInstalledReportsEachEngineAsNotInstalled() throws Exception {
        FakeEngine fake = FakeEngine.in(dir);
        EngineDetector.Detection d = detector(fake).detect(null);
        assertThat(d.engine()).isEmpty();
        assertThat(d.probes()).extracting(EngineDetector.Probe::engine).containsExactly("finch", "docker", "podman");
        assertThat(d.probes()).allMatch(p -> p.status() == EngineDetector.Status.NOT_INSTALLED);
        assertThat(d.summary()).isEqualTo("finch: not installed; docker: not installed; podman: not installed");
        assertThat(EngineDetector.fixFor(d)).contains("https://docs.docker.com/get-docker/");
    }

    @Test
    void finchIsPreferredOverDockerAndOnlyProbedUntilOneWorks() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "finch", "docker", "podman");
        EngineDetector.Detection d = detector(fake).detect(null);
        assertThat(d.engine()).map(ContainerEngine::name).contains("finch");
        assertThat(fake.calls()).containsExactly("finch version");
    }

    @Test
    void theConfiguredEngineIsTriedFirst() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "finch", "docker", "podman");
        EngineDetector.Detection d = detector(fake).detect("podman");
        assertThat(d.engine()).map(ContainerEngine::name).contains("podman");
        assertThat(fake.calls()).containsExactly("podman version");
    }

    @Test
    void aStoppedDaemonIsReportedAsSuchNotAsMissing() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "docker").on("docker", "version", 1, """
                Client:
                 Version:           27.3.1
                 Context:           default
                Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?""");
        EngineDetector.Detection d = detector(fake).detect(null);
        assertThat(d.engine()).isEmpty();
        EngineDetector.Probe docker = d.probes().get(1);
        assertThat(docker.status()).isEqualTo(EngineDetector.Status.DAEMON_NOT_RUNNING);
        assertThat(d.summary()).contains("docker: installed, but its daemon/VM is not running (Cannot connect to "
                + "the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running? (exit 1))");
        assertThat(EngineDetector.fixFor(d)).contains("Docker Desktop").contains("systemctl start docker");
    }

    @Test
    void permissionDeniedIsNamedWithItsFix() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "docker").on("docker", "version", 1, "permission denied while trying "
                + "to connect to the Docker daemon socket at unix:///var/run/docker.sock");
        EngineDetector.Detection d = detector(fake).detectOnly("docker");
        assertThat(d.probes()).singleElement().extracting(EngineDetector.Probe::status)
                .isEqualTo(EngineDetector.Status.PERMISSION_DENIED);
        assertThat(EngineDetector.fixFor(d)).contains("usermod -aG docker");
    }

    @Test
    void aStoppedFinchVmAndOtherFailuresAreReported() throws Exception {
        FakeEngine fake = FakeEngine.in(dir, "finch", "podman")
                .on("finch", "version", 1, "FATA[0000] finch vm is not running")
                .on("podman", "version", 125, "Error: something odd happened");
        EngineDetector.Detection d = detector(fake).detect(null);
        assertThat(d.engine()).isEmpty();
        assertThat(d.probes().get(0).status()).isEqualTo(EngineDetector.Status.DAEMON_NOT_RUNNING);
        assertThat(d.probes().get(2).status()).isEqualTo(EngineDetector.Status.FAILED);
        assertThat(d.probes().get(2).describe()).contains("Error: something odd happened").contains("exit 125");
        assertThat(EngineDetector.fixFor(d)).contains("finch vm start");
    }

    @Test
    void unknownRuntimeNamesAreInvalidInput() {
        assertThat(EngineDetector.requireKnown("Docker")).isEqualTo("docker");
        assertThat(EngineDetector.requireKnown("none")).isEqualTo("none");
        assertThatThrownBy(() -> EngineDetector.requireKnown("lxc"))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("Unsupported container runtime 'lxc'");
                });
    }
}
