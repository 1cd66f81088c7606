package dev.agentcore.cli;

import com.sun.net.httpserver.HttpServer;
import dev.agentcore.core.aws.AwsClients;
import dev.agentcore.core.aws.AwsSettings;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
 * <p>Usage: {@code ClassArchiveTraining local|local-agent|aws|status <endpoint-url>}: {@code local} runs only the
 * command lines that need no AWS, for the small archive those start with; {@code local-agent} calls an agent on this
 * machine ('invoke --local'); {@code aws} runs the AWS commands and the SDK calls;
 * {@code status} only status, for an archive about 70% the size of the AWS one (the JVM pays for every mapped
 * page of an archive at start, used or not).
 */
public final class ClassArchiveTraining {

    private static final List<String> CONFIGURE = List.of("configure", "--entrypoint", "agent.py", "--non-interactive");

    /** What runs without AWS: help, version, completion, configure (offline), usage errors. */
    private static final List<List<String>> LOCAL_COMMAND_LINES = List.of(
            List.of("--help"),
            List.of("--version"),
            List.of("help", "launch"),
            CONFIGURE,
            List.of("configure", "list"),
            List.of("configure", "--help"),
            List.of("launch", "--help"),
            List.of("status", "--help"),
            List.of("completion", "bash"),
            List.of("status", "--bogus"));

    /** The commands that call AWS, on a launched agent (scripts/agentcore picks the archive made from these). */
    private static final List<List<String>> AWS_COMMAND_LINES = List.of(
            List.of("launch", "--dry-run"),
            List.of("status"),
            List.of("status", "--output", "json"),
            List.of("invoke", "{\"prompt\": \"hi\"}"),
            List.of("destroy", "--dry-run"));

    /** What the status archive is made from (scripts/agentcore uses it for status alone). */
    private static final List<List<String>> STATUS_COMMAND_LINES = List.of(
            List.of("status"),
            List.of("status", "--output", "json"));

    private ClassArchiveTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("local", "local-agent", "aws", "status").contains(args[0])) {
            System.err.println("usage: ClassArchiveTraining local|local-agent|aws|status <endpoint-url>");
            System.exit(2);
        }
        String mode = args[0];
        Map<String, String> env = Map.of(
                "AWS_ENDPOINT_URL", args[1],
                "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_REGION", "us-west-2",
                "NO_COLOR", "1");
        Path project = Files.createTempDirectory("agentcore-cds-training");
        try {
            Files.writeString(project.resolve("agent.py"), "def handler(payload):\n    return payload\n");
            Files.writeString(project.resolve("requirements.txt"), "bedrock-agentcore\n");
            if (mode.equals("aws") || mode.equals("status")) {
                AwsSettings settings = new AwsSettings(null, null, null, env);
                runCommandLine(project, env, CONFIGURE);
                markLaunched(project, settings, mode); // its STS and IAM classes are left out of the status archive
                if (mode.equals("aws")) {
                    callEveryClient(settings);
                }
            }
            List<List<String>> lines = switch (mode) {
                case "aws" -> AWS_COMMAND_LINES;
                case "status" -> STATUS_COMMAND_LINES;
                case "local-agent" -> List.of(CONFIGURE);
                default -> LOCAL_COMMAND_LINES;
            };
            for (List<String> line : lines) {
                runCommandLine(project, env, line);
            }
            if (mode.equals("local-agent")) {
                invokeLocally(project, env);
            }
        } finally {
            deleteTree(project);
        }
    }

    /**
     * 'invoke --local' needs no AWS but JSON and HTTP classes that would make the archive of --help larger (so
     * slower to map): it has an archive of its own, trained here against a stand-in agent answering once in JSON
     * and once as an event stream, the two shapes a local agent answers in.
     */
    private static void invokeLocally(Path project, Map<String, String> env) throws IOException {
        for (String type : List.of("application/json", "text/event-stream")) {
            byte[] body = (type.equals("application/json") ? "{\"result\": \"hi\"}" : "data: \"hi\"\n\n")
                    .getBytes(StandardCharsets.UTF_8);
            HttpServer agent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            agent.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            agent.start();
            try {
                runCommandLine(project, env, List.of("invoke", "{\"prompt\": \"hi\"}", "--local", "--port",
                        String.valueOf(agent.getAddress().getPort())));
            } finally {
                agent.stop(0);
            }
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

    /**
     * Creates a runtime in the emulator and records it in the agent's config, so status, invoke and destroy take the
     * path of a launched agent (reading real responses) rather than stopping at "not launched". The names carry the
     * mode: the training runs share one server, and a second role or runtime of the same name would be refused.
     */
    private static void markLaunched(Path project, AwsSettings settings, String mode) {
        try (AwsClients aws = new AwsClients(settings)) {
            String account = aws.sts().getCallerIdentity().account();
            String role = aws.iam().createRole(b -> b.roleName("agentcore-cds-training-" + mode)
                    .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"Service\":\"bedrock-agentcore.amazonaws.com\"},"
                            + "\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
            var runtime = aws.agentCoreControl().createAgentRuntime(b -> b.agentRuntimeName("agent_" + mode)
                    .roleArn(role)
                    .networkConfiguration(n -> n.networkMode("PUBLIC"))
                    .agentRuntimeArtifact(a -> a.containerConfiguration(c -> c.containerUri(
                            account + ".dkr.ecr.us-west-2.amazonaws.com/bedrock-agentcore-agent:latest"))));
            new ConfigStore(project).update(cfg -> {
                AgentConfig agent = cfg.select(null);
                agent.setAgentId(runtime.agentRuntimeId());
                agent.setAgentArn(runtime.agentRuntimeArn());
                agent.setCodeBuildProject("bedrock-agentcore-agent-builder");
                return null;
            });
        } catch (RuntimeException e) {
            // without an emulator the commands still run, down their error paths
        }
    }

    private static void callEveryClient(AwsSettings settings) {
        try (AwsClients aws = new AwsClients(settings)) {
            List<Runnable> calls = List.of(
                    () -> aws.sts().getCallerIdentity(),
                    () -> aws.s3().listBuckets(),
                    () -> aws.ecr().describeRepositories(),
                    () -> aws.iam().getRole(b -> b.roleName("agentcore-cds-training-aws")),
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
