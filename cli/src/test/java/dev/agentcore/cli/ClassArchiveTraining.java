package dev.agentcore.cli;

import dev.agentcore.core.aws.AwsClients;
import dev.agentcore.core.aws.AwsSettings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Not a test: the workload that scripts/cds-archive runs under {@code -XX:DumpLoadedClassList} so the class-data
 * archive holds the classes real runs load. It runs command lines in-process as a user would type them, then makes
 * one call with each SDK client (the commands build them lazily, so a command not yet wired to AWS would otherwise
 * leave the SDK out of the archive). Failures are expected and ignored: against an emulator some calls are not
 * implemented, and without one every call is refused; the classes are loaded either way.
 *
 * <p>Usage: {@code ClassArchiveTraining <endpoint-url>}.
 */
public final class ClassArchiveTraining {

    private static final List<List<String>> COMMAND_LINES = List.of(
            List.of("--help"),
            List.of("--version"),
            List.of("configure", "list"),
            List.of("configure", "--help"),
            List.of("launch", "--help"),
            List.of("status"),
            List.of("status", "--output", "json"),
            List.of("invoke", "{\"prompt\": \"hi\"}"),
            List.of("destroy", "--dry-run"),
            List.of("completion", "bash"),
            List.of("status", "--bogus"));

    private ClassArchiveTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ClassArchiveTraining <endpoint-url>");
            System.exit(2);
        }
        Map<String, String> env = Map.of(
                "AWS_ENDPOINT_URL", args[0],
                "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_REGION", "us-west-2",
                "NO_COLOR", "1");
        Path project = Files.createTempDirectory("agentcore-cds-training");
        try {
            for (List<String> line : COMMAND_LINES) {
                runCommandLine(project, env, line);
            }
            callEveryClient(new AwsSettings(null, null, null, env));
        } finally {
            deleteTree(project);
        }
    }

    private static void runCommandLine(Path project, Map<String, String> env, List<String> line) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        AppContext context = new AppContext(sink, sink, new ByteArrayInputStream(new byte[0]), project, env, false);
        try {
            Main.run(context, line.toArray(String[]::new));
        } catch (RuntimeException e) {
            // a command that is not built yet or fails still loaded what it loads
        }
    }

    private static void callEveryClient(AwsSettings settings) {
        try (AwsClients aws = new AwsClients(settings)) {
            List<Runnable> calls = List.of(
                    () -> aws.sts().getCallerIdentity(),
                    () -> aws.s3().listBuckets(),
                    () -> aws.ecr().describeRepositories(),
                    () -> aws.iam().getRole(b -> b.roleName("agentcore-cds-training")),
                    () -> aws.codeBuild().batchGetProjects(b -> b.names("agentcore-cds-training")),
                    () -> aws.logs().describeLogGroups(b -> b.logGroupNamePrefix("/aws/bedrock-agentcore")),
                    () -> aws.agentCoreControl().listAgentRuntimes(b -> b.maxResults(1)));
            for (Runnable call : calls) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    // an unimplemented or refused call still loaded the client, marshallers and error path
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
