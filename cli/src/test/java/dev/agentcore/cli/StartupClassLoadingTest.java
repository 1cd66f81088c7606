package dev.agentcore.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands that never talk to AWS must not load the SDK: its classes are most of the start-up cost. Checked in a
 * fresh JVM (the test JVM has long loaded whatever other tests needed), on the same class path as the tests, with
 * the JVM's own class-load log.
 */
class StartupClassLoadingTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"--help", "completion bash"})
    void commandsThatDoNotCallAwsLoadNoSdkClass(String commandLine) throws Exception {
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xlog:class+load=info:file=" + log,
                "-cp", testClassPath(),
                Main.class.getName()));
        command.addAll(List.of(commandLine.split(" ")));
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("agentcore " + commandLine + " did not finish");
        }
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();

        List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(loaded).as("the class-load log").anyMatch(line -> line.contains("dev.agentcore.cli.Main "));
        List<String> sdkClasses = loaded.stream().filter(line -> line.contains("software.amazon.awssdk."))
                .map(line -> line.replaceAll("^.*\\[class,load\\] (\\S+) source:.*$", "$1")).toList();
        assertThat(sdkClasses).as("SDK classes loaded").isEmpty();
    }

    /** Surefire runs tests through a manifest-only jar; the real class path is in its own property. */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path", "") + File.pathSeparator;
    }
}
