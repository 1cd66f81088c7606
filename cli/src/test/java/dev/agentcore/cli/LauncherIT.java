package dev.agentcore.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * scripts/agentcore, what users run, on the packaged jar (after Maven's package phase, so the class-data archives
 * exist): it starts the CLI from another directory and maps the archive made for the command line's group, whose
 * classes must then come from it. The JVM's CDS log goes to a file through AGENTCORE_JAVA_OPTS; on stdout it stays
 * off, where it would corrupt --output json.
 */
class LauncherIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "--help                                    | agentcore.jsa",
            "--version                                 | agentcore.jsa",
            "configure list                            | agentcore.jsa",
            "status --help                             | agentcore.jsa",
            "status                                    | agentcore-status.jsa",
            "--output json status                      | agentcore-status.jsa",
            "invoke {} --local --port 9                | agentcore-local-agent.jsa",
            "launch -l --stop                          | agentcore-local-agent.jsa",
            "launch --dry-run                          | agentcore-aws.jsa",
            "--region us-east-1 destroy --dry-run      | agentcore-aws.jsa",
            "invoke {}                                 | agentcore-aws.jsa"})
    void eachCommandLineStartsWithTheArchiveOfItsGroup(String commandLine, String archive) throws Exception {
        assumeFalse(Boolean.getBoolean("agentcore.cds.skip"), "built with -Dagentcore.cds.skip=true: no archives");
        Path cdsLog = dir.resolve("cds.log");
        Path classLog = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("scripts/agentcore").toString()));
        command.addAll(List.of(commandLine.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("AGENTCORE_"));
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9"); // nothing listens: no call may leave this machine
        env.put("AGENTCORE_JAVA_OPTS", "-Xlog:cds=info:file=" + cdsLog + " -Xlog:class+load=info:file=" + classLog);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("agentcore " + commandLine + " did not finish");
        }

        String log = Files.readString(cdsLog);
        Matcher opened = Pattern.compile("Opened archive (\\S+)\\.\\s").matcher(log);
        assertThat(opened.find()).as("an archive was opened:%n%s", log).isTrue();
        assertThat(Path.of(opened.group(1)).getFileName().toString()).isEqualTo(archive);
        String main = Files.readAllLines(classLog).stream()
                .filter(line -> line.contains(" dev.agentcore.cli.Main ")).findFirst().orElseThrow();
        assertThat(main).as("the CLI's own classes come from the archive").contains("source: shared objects file");
        assertThat(Files.readString(dir.resolve("err.txt"))).doesNotContain("Exception", "at dev.agentcore");
    }
}
