package dev.agentcore.cli;

import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.testing.Emulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row per way a user (or a script) can get the input wrong. Each row starts from a fresh project, runs the CLI
 * in-process and checks the exit code, that stderr says what is wrong, that no stack trace and no result is
 * printed, and that not one byte under the project changed. Rows that would reach AWS point at a port where
 * nothing listens, so they can only fail, and must say why.
 */
class BadInputTest {

    static final String ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-AbCdEf1234";
    static final String SESSION = "0c2f1f4e-1111-4222-8333-444455556666";
    static final String NOWHERE = "http://127.0.0.1:9";

    /** The project each row starts from. */
    enum Setup {
        /** An agent folder, not configured (decoys: a file outside, folders with no and with two entrypoints). */
        FILES,
        /** FILES, configured by the real configure command as 'my_agent'. */
        CONFIGURED,
        /** CONFIGURED, with a runtime recorded (as launch leaves it) and a stored session. */
        DEPLOYED,
        /** agent.py without any dependency file. */
        NO_DEPS,
        /** FILES plus a YAML with a syntax error (an unclosed flow mapping). */
        BROKEN_YAML,
        /** FILES plus a YAML whose 'agents' is a list. */
        AGENTS_LIST,
        /** FILES plus a YAML whose agent entry is a plain string. */
        AGENT_SCALAR,
        /** FILES plus link.py, a symbolic link to a Python file outside the project. */
        ESCAPING_LINK,
        /** FILES plus a YAML whose agent has no settings at all. */
        EMPTY_AGENT,
        /** FILES plus a YAML whose agent has settings of the wrong types. */
        WRONG_TYPES;

        void apply(Path tmp, Path dir) throws IOException {
            Files.writeString(tmp.resolve("outside.py"), "print('outside')\n");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("agent.py"), "from bedrock_agentcore import BedrockAgentCoreApp\n");
            if (this == NO_DEPS) {
                return;
            }
            Files.writeString(dir.resolve("requirements.txt"), "bedrock-agentcore\n");
            Files.writeString(dir.resolve("deps.cfg"), "[deps]\n");
            Files.writeString(dir.resolve("payload.json"), "{\"prompt\": \"hi\"}\n");
            Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("util.py"), "X = 1\n");
            Files.writeString(Files.createDirectories(dir.resolve("multi")).resolve("agent.py"), "A = 1\n");
            Files.writeString(dir.resolve("multi/app.py"), "B = 1\n");
            switch (this) {
                case CONFIGURED, DEPLOYED -> {
                    CliHarness.in(dir).runOk("configure", "-e", "agent.py", "-n", "my_agent", "-ni");
                    if (this == DEPLOYED) {
                        new ConfigStore(dir).update(cfg -> {
                            AgentConfig a = cfg.select("my_agent");
                            a.setAgentArn(ARN);
                            a.setAgentId("my_agent-AbCdEf1234");
                            a.setSessionId(SESSION);
                            return null;
                        });
                    }
                }
                case BROKEN_YAML -> Files.writeString(dir.resolve(".bedrock_agentcore.yaml"),
                        "default_agent: my_agent\nagents:\n  my_agent: {name: my_agent, entrypoint: agent.py\n");
                case AGENTS_LIST -> Files.writeString(dir.resolve(".bedrock_agentcore.yaml"),
                        "default_agent: my_agent\nagents:\n- my_agent\n");
                case AGENT_SCALAR -> Files.writeString(dir.resolve(".bedrock_agentcore.yaml"),
                        "default_agent: my_agent\nagents:\n  my_agent: oops\n");
                case EMPTY_AGENT -> Files.writeString(dir.resolve(".bedrock_agentcore.yaml"),
                        "default_agent: my_agent\nagents:\n  my_agent: {}\n");
                case WRONG_TYPES -> Files.writeString(dir.resolve(".bedrock_agentcore.yaml"),
                        "default_agent: my_agent\nagents:\n  my_agent: {name: my_agent, entrypoint: 42, aws: nope, "
                                + "bedrock_agentcore: [1], source_path: {a: b}}\n");
                case ESCAPING_LINK -> Files.createSymbolicLink(dir.resolve("link.py"), tmp.resolve("outside.py"));
                default -> {
                }
            }
        }
    }

    /** {@code process}: run as a real process with no AWS credentials or config reachable (see {@link CliProcess}). */
    record Row(String name, Setup setup, List<String> args, int exit, String message, Map<String, String> env,
               boolean process, boolean emulator, boolean report) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Row row(String name, Setup setup, int exit, String message, String... args) {
        return new Row(name, setup, List.of(args), exit, message, Map.of(), false, false, false);
    }

    /**
     * A row whose command reports rather than errs: status shows what it could not read (exit 0), destroy lists
     * each step it could not take, and a destroy of an agent that is not there is a no-op (exit 0, for reruns).
     * The message may be on either stream; still no stack trace and nothing changed.
     */
    static Row report(Row row) {
        return new Row(row.name(), row.setup(), row.args(), row.exit(), row.message(), row.env(), row.process(),
                row.emulator(), true);
    }

    /** A row against the emulated account: its state must not change either. */
    static Row rowCloud(String name, Setup setup, int exit, String message, String... args) {
        return new Row(name, setup, List.of(args), exit, message, Map.of(), false, true, false);
    }

    static Row rowEnv(String name, Setup setup, int exit, String message, Map<String, String> env, String... args) {
        return new Row(name, setup, List.of(args), exit, message, env, false, false, false);
    }

    static Row rowProcess(String name, Setup setup, int exit, String message, String... args) {
        return new Row(name, setup, List.of(args), exit, message, Map.of("AWS_REGION", "us-west-2"), true, false,
                false);
    }

    static final Setup F = Setup.FILES;
    static final Setup C = Setup.CONFIGURED;
    static final Setup D = Setup.DEPLOYED;

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // ---- configure: names
        rows.add(row("name with a hyphen", F, 2, "Invalid agent name 'my-agent'",
                "configure", "-e", "agent.py", "-n", "my-agent", "-ni"));
        rows.add(row("name with a leading digit", F, 2, "Invalid agent name '1agent'",
                "configure", "-e", "agent.py", "-n", "1agent", "-ni"));
        rows.add(row("name of 49 characters", F, 2, "49 characters long",
                "configure", "-e", "agent.py", "-n", "a".repeat(49), "-ni"));
        rows.add(row("empty name", F, 2, "Invalid agent name ''",
                "configure", "-e", "agent.py", "-n", "", "-ni"));
        // ---- configure: entrypoint
        rows.add(row("entrypoint outside the project", F, 2, "Path must be within the current directory",
                "configure", "-e", "../outside.py", "-ni"));
        rows.add(row("missing entrypoint", F, 2, "Path not found: nope.py",
                "configure", "-e", "nope.py", "-ni"));
        rows.add(row("directory without a candidate", F, 2, "No entrypoint file found in src",
                "configure", "-e", "src", "-ni"));
        rows.add(row("directory with two candidates", F, 2, "Multiple entrypoint files found in multi",
                "configure", "-e", "multi", "-ni"));
        rows.add(row("entrypoint that is not Python", F, 2, "is not a Python file",
                "configure", "-e", "requirements.txt", "-ni"));
        // ---- configure: dependencies
        rows.add(row("no dependency file", Setup.NO_DEPS, 2, "No requirements file specified and none found",
                "configure", "-e", "agent.py", "-ni"));
        rows.add(row("missing requirements file", F, 2, "File not found: nope.txt",
                "configure", "-e", "agent.py", "-rf", "nope.txt", "-ni"));
        rows.add(row("unsupported requirements file", F, 2, "'deps.cfg' is not a supported dependency file",
                "configure", "-e", "agent.py", "-rf", "deps.cfg", "-ni"));
        rows.add(row("requirements file outside the project", F, 2, "must be within project directory",
                "configure", "-e", "agent.py", "-rf", "../outside.py", "-ni"));
        // ---- configure: authorizer and headers
        rows.add(row("authorizer config that is not JSON", F, 2, "Invalid JSON in --authorizer-config",
                "configure", "-e", "agent.py", "-ac", "{customJWTAuthorizer:", "-ni"));
        rows.add(row("authorizer config that is a list", F, 2, "--authorizer-config must be a JSON object",
                "configure", "-e", "agent.py", "-ac", "[1, 2]", "-ni"));
        rows.add(row("authorizer without a discovery URL", F, 2, "discoveryUrl must end with",
                "configure", "-e", "agent.py", "-ac", "{\"customJWTAuthorizer\": {\"discoveryUrl\": \"x\"}}", "-ni"));
        rows.add(row("empty header allowlist", F, 2, "Empty request header allowlist",
                "configure", "-e", "agent.py", "-rha", " , ", "-ni"));
        rows.add(row("header allowlist with a space in a name", F, 2, "Invalid header name in the allowlist",
                "configure", "-e", "agent.py", "-rha", "Authorization,Bad Header", "-ni"));
        // ---- configure: lifecycle
        rows.add(row("idle timeout above max lifetime", F, 2, "--idle-timeout (3600s) must be <= --max-lifetime",
                "configure", "-e", "agent.py", "--idle-timeout", "3600", "--max-lifetime", "600", "-ni"));
        rows.add(row("idle timeout below 60", F, 2, "--idle-timeout must be between 60 and 28800",
                "configure", "-e", "agent.py", "--idle-timeout", "59", "-ni"));
        rows.add(row("max lifetime above 28800", F, 2, "--max-lifetime must be between 60 and 28800",
                "configure", "-e", "agent.py", "--max-lifetime", "28801", "-ni"));
        rows.add(row("timeout that is not a number", F, 2, "Invalid value for option '--idle-timeout'",
                "configure", "-e", "agent.py", "--idle-timeout", "ten", "-ni"));
        // ---- configure: network, protocol, runtime, region, role, ecr
        rows.add(row("--vpc without ids", F, 2, "VPC mode requires both --subnets and --security-groups",
                "configure", "-e", "agent.py", "--vpc", "-ni"));
        rows.add(row("subnet id without prefix", F, 2, "Subnet IDs must start with 'subnet-'",
                "configure", "-e", "agent.py", "--vpc", "--subnets", "abc12345", "--security-groups",
                "sg-0abc1234", "-ni"));
        rows.add(row("security group id too short", F, 2, "Invalid security group ID: sg-1",
                "configure", "-e", "agent.py", "--vpc", "--subnets", "subnet-0abc1234", "--security-groups",
                "sg-1", "-ni"));
        rows.add(row("--subnets without --vpc", F, 2, "require --vpc",
                "configure", "-e", "agent.py", "--subnets", "subnet-0abc1234", "-ni"));
        rows.add(row("unknown protocol", F, 2, "--protocol must be one of HTTP, MCP, A2A or AGUI",
                "configure", "-e", "agent.py", "-p", "SOAP", "-ni"));
        rows.add(row("unknown container runtime in configure", F, 2, "Unknown container runtime 'rocket'",
                "configure", "-e", "agent.py", "-ctr", "rocket", "-ni"));
        rows.add(row("region that is not a region", F, 2, "'mars' does not look like an AWS region",
                "configure", "-e", "agent.py", "-r", "mars", "-ni"));
        rows.add(row("execution role ARN with a short account", F, 2, "Invalid role ARN for --execution-role",
                "configure", "-e", "agent.py", "-er", "arn:aws:iam::123:role/x", "-ni"));
        rows.add(row("ECR repository with capitals", F, 2, "Invalid ECR repository 'My Repo'",
                "configure", "-e", "agent.py", "-ecr", "My Repo", "-ni"));
        rows.add(row("configure without a terminal nor --non-interactive", F, 2, "no terminal to ask on",
                "configure", "-e", "agent.py"));
        // ---- malformed or hand-broken YAML, for each command that reads it
        rows.add(row("configure on broken YAML", Setup.BROKEN_YAML, 2, "is not valid YAML at line",
                "configure", "-e", "agent.py", "-ni"));
        rows.add(row("configure on 'agents' as a list", Setup.AGENTS_LIST, 2, "'agents' must be a mapping",
                "configure", "-e", "agent.py", "-ni"));
        rows.add(row("configure list on broken YAML", Setup.BROKEN_YAML, 2, "is not valid YAML",
                "configure", "list"));
        rows.add(row("set-default on an agent that is a string", Setup.AGENT_SCALAR, 2,
                "agent 'my_agent' must be a mapping", "configure", "set-default", "my_agent"));
        rows.add(row("invoke on broken YAML", Setup.BROKEN_YAML, 2, "is not valid YAML", "invoke", "hi"));
        rows.add(row("invoke --local on broken YAML", Setup.BROKEN_YAML, 2, "is not valid YAML",
                "invoke", "--local", "--port", "9", "hi"));
        rows.add(row("stop-session on 'agents' as a list", Setup.AGENTS_LIST, 2, "'agents' must be a mapping",
                "stop-session"));
        rows.add(row("launch --local on broken YAML", Setup.BROKEN_YAML, 2, "is not valid YAML",
                "launch", "--local"));
        // ---- unknown agent, for each command taking --agent
        rows.add(row("set-default unknown agent", C, 2, "Agent 'ghost' not found",
                "configure", "set-default", "ghost"));
        rows.add(row("set-default without a project", F, 2, "No .bedrock_agentcore.yaml",
                "configure", "set-default", "my_agent"));
        rows.add(row("invoke unknown agent", C, 2, "Agent 'ghost' not found", "invoke", "-a", "ghost", "hi"));
        rows.add(row("stop-session unknown agent", D, 2, "Agent 'ghost' not found", "stop-session", "-a", "ghost"));
        rows.add(row("launch --local unknown agent", C, 2, "Agent 'ghost' not found",
                "launch", "--local", "-a", "ghost"));
        // ---- invoke
        rows.add(row("invoke without a project", F, 1, "No agent is configured", "invoke", "hi"));
        rows.add(row("invoke an agent not deployed", C, 1, "Agent 'my_agent' is not deployed", "invoke", "hi"));
        rows.add(row("invoke header without a colon", D, 2, "Invalid header format: 'Tenant'",
                "invoke", "--headers", "Tenant", "hi"));
        rows.add(row("invoke header with a space in its name", D, 2, "Invalid header name: 'Bad Name'",
                "invoke", "--headers", "Bad Name:v", "hi"));
        rows.add(row("invoke header with an empty name", D, 2, "Empty header name",
                "invoke", "--headers", ":v", "hi"));
        rows.add(row("invoke session id too short", D, 2, "Session id must be 33 to 256 characters long (got 5)",
                "invoke", "-s", "short", "hi"));
        rows.add(row("invoke payload file missing", D, 2, "Payload file not found",
                "invoke", "--payload-file", "nope.json"));
        rows.add(row("invoke payload as argument and file", D, 2, "not both",
                "invoke", "hi", "--payload-file", "payload.json"));
        rows.add(row("invoke without a payload", D, 2, "No payload given", "invoke"));
        rows.add(row("invoke empty payload", D, 2, "The payload is empty", "invoke", " "));
        rows.add(row("invoke a malformed runtime ARN", F, 2, "Not an agent runtime ARN",
                "invoke", "--agent-arn", "arn:aws:lambda:us-west-2:1:function/x", "hi"));
        rows.add(row("invoke --local with nothing listening", D, 1, "Nothing is listening at http://localhost:9/",
                "invoke", "--local", "--port", "9", "hi"));
        rows.add(row("invoke a deployed agent, AWS unreachable", D, 1, "Cannot call AgentCore: Unable to execute HTTP "
                + "request: Connection refused",
                "invoke", "--endpoint-url", NOWHERE, "hi"));
        // ---- credentials and region
        rowsAdd(rows);
        cloudRows(rows);
        rows.add(row("invoke --local on a port out of range", D, 2, "Invalid --port 70000",
                "invoke", "--local", "--port", "70000", "hi"));
        // no session stored yet: a new one must not be written for a call that never starts
        rows.add(row("invoke --local on a port out of range, no session yet", C, 2, "Invalid --port 70000",
                "invoke", "--local", "--port", "70000", "hi"));
        rows.add(row("invoke payload file that is a folder", D, 2, "src: Is a directory",
                "invoke", "--payload-file", "src"));
        rows.add(row("name with a non-ASCII letter", F, 2, "Invalid agent name 'agént'",
                "configure", "-e", "agent.py", "-n", "agént", "-ni"));
        rows.add(row("entrypoint through a symlink out of the project", Setup.ESCAPING_LINK, 2,
                "Path must be within the current directory", "configure", "-e", "link.py", "-ni"));
        rows.add(row("stop-session a malformed runtime ARN", F, 2, "Not an agent runtime ARN",
                "stop-session", "--agent-arn", "runtime/x", "-s", SESSION));
        // ---- hand-written agents: no settings at all, or settings of the wrong types (the key names the agent)
        Setup e = Setup.EMPTY_AGENT;
        Setup w = Setup.WRONG_TYPES;
        rows.add(report(row("configure list on an empty agent", e, 0, "my_agent (default) - Config only",
                "configure", "list")));
        rows.add(row("invoke an empty agent", e, 1, "Agent 'my_agent' is not deployed.", "invoke", "hi"));
        rows.add(row("stop-session on an empty agent", e, 1, "Agent 'my_agent' is not deployed.", "stop-session"));
        rows.add(rowCloud("launch --dry-run on an empty agent", e, 2,
                "Agent 'my_agent' cannot be launched; its config lacks: entrypoint", "launch", "--dry-run"));
        rows.add(row("launch --local on an empty agent", e, 2, "Agent 'my_agent' has no entrypoint.",
                "launch", "--local", "--port", "39517"));
        rows.add(report(rowCloud("status on an empty agent", e, 0, "Agent 'my_agent': NOT_LAUNCHED", "status")));
        rows.add(report(rowCloud("destroy --dry-run on an empty agent", e, 0, "the agent was never launched",
                "destroy", "--dry-run")));
        rows.add(report(row("configure list on wrong types", w, 0, "Entrypoint: 42", "configure", "list")));
        rows.add(row("invoke on wrong types", w, 1, "Agent 'my_agent' is not deployed.", "invoke", "hi"));
        rows.add(rowCloud("launch --dry-run on wrong types", w, 2, "is not a directory)", "launch", "--dry-run"));
        rows.add(row("launch --local on wrong types", w, 2, "/42 not found.", "launch", "--local", "--port", "39517"));
        rows.add(report(rowCloud("status on wrong types", w, 0, "Entrypoint: 42", "status")));
        rows.add(report(rowCloud("destroy --dry-run on wrong types", w, 0, "the agent was never launched",
                "destroy", "--dry-run")));
        // ---- stop-session
        rows.add(row("stop-session an agent not deployed", C, 1, "is not deployed", "stop-session"));
        rows.add(row("stop-session id too short", D, 2, "Session id must be 33 to 256", "stop-session", "-s", "x"));
        rows.add(row("stop-session --agent-arn without --session-id", F, 2, "--agent-arn needs --session-id",
                "stop-session", "--agent-arn", ARN));
        // ---- launch
        rows.add(row("launch --env without '='", C, 2, "Invalid environment variable format: NOEQUALS",
                "launch", "--local", "--port", "39517", "--env", "NOEQUALS"));
        rows.add(row("launch --env with an invalid key", C, 2, "Invalid environment variable format: 1X=",
                "launch", "--local", "--port", "39517", "--env", "1X=secret"));
        rows.add(row("launch --local with --local-build", C, 2, "--local and --local-build cannot be used together",
                "launch", "--local", "--local-build"));
        rows.add(row("launch unknown container runtime", C, 2, "Unsupported container runtime 'rocket'",
                "launch", "--local", "--port", "39517", "-ctr", "rocket"));
        rows.add(row("launch --local --port 0", C, 2, "Invalid --port 0", "launch", "--local", "--port", "0"));
        rows.add(row("launch --local-build --stop", C, 2, "--stop and --detach go with --local, not --local-build",
                "launch", "--local-build", "--stop"));
        rows.add(rowCloud("launch --local-build unknown agent", C, 2, "Agent 'ghost' not found",
                "launch", "--local-build", "-a", "ghost"));
        rows.add(row("launch --stop unknown agent", C, 2, "Agent 'ghost' not found", "launch", "--stop", "-a", "ghost"));
        // ---- create
        rows.add(row("create with a hyphenated name", F, 2, "Invalid agent name 'my-agent'",
                "create", "my-agent"));
        rows.add(row("create into an existing folder", F, 2, "already exists; not overwriting it", "create", "src"));
        rows.add(row("create with an unknown template", F, 2, "Unknown template 'fancy'",
                "create", "fresh", "--template", "fancy"));
        rows.add(row("create without a name", F, 2, "Missing required parameter", "create"));
        // ---- usage errors
        rows.add(row("unknown flag on configure", C, 2, "Unknown option: '--bogus'", "configure", "--bogus"));
        rows.add(row("unknown flag on invoke", D, 2, "Unknown option: '--promt'", "invoke", "--promt", "hi"));
        rows.add(row("unknown subcommand", C, 2, "Unmatched argument at index 0: 'frobnicate'", "frobnicate"));
        rows.add(row("unknown configure subcommand", C, 2, "'lst'", "configure", "lst"));
        rows.add(row("--output yaml", D, 2, "Invalid value for option '--output'", "invoke", "--output", "yaml", "hi"));
        rows.add(row("set-default without a name", C, 2, "Missing required parameter", "configure", "set-default"));
        rows.add(row("option missing its value", C, 2, "Missing required parameter for option '--agent'",
                "invoke", "hi", "--agent"));
        return rows;
    }

    private static void rowsAdd(List<Row> rows) {
        rows.add(rowProcess("missing credentials", D, 1, "Error: No AWS credentials found (tried environment variables",
                "invoke", "--endpoint-url", NOWHERE, "hi"));
        rows.add(rowProcess("profile that does not exist", D, 1, "Error: No AWS credentials found: the profile "
                + "file has no credentials for profile 'no_such_profile'.",
                "invoke", "--profile", "no_such_profile", "--endpoint-url", NOWHERE, "hi"));
        rows.add(row("region that is not a region, on invoke", D, 2, "'us west 2' does not look like an AWS region",
                "invoke", "--region", "us west 2", "--endpoint-url", NOWHERE, "hi"));
        rows.add(rowEnv("AWS_REGION that is not a region, on configure", F, 2, "does not look like an AWS region",
                Map.of("AWS_REGION", "Oregon"), "configure", "-e", "agent.py", "-ni"));
    }

    private static void cloudRows(List<Row> rows) {
        rows.add(rowCloud("launch --env without '=' (cloud)", C, 2, "Invalid environment variable format: NOEQUALS",
                "launch", "--env", "NOEQUALS"));
        rows.add(rowCloud("launch unknown agent (cloud)", C, 2, "Agent 'ghost' not found", "launch", "-a", "ghost"));
        rows.add(rowCloud("launch on broken YAML (cloud)", Setup.BROKEN_YAML, 2, "is not valid YAML", "launch"));
        rows.add(rowCloud("launch without a project", F, 2, ".bedrock_agentcore.yaml not found", "launch"));
        rows.add(rowCloud("launch --dry-run with a region that is not a region", C, 2,
                "'x y' does not look like an AWS region", "launch", "--dry-run", "--region", "x y"));
        rows.add(rowCloud("launch image tag with a space", C, 2, "Invalid --image-tag 'v 1'",
                "launch", "--image-tag", "v 1"));
        rows.add(rowCloud("launch --local-build --detach", C, 2, "--stop and --detach go with --local",
                "launch", "--local-build", "--detach"));
        rows.add(row("launch, AWS unreachable", C, 1, "STS: Could not complete the STS call: Unable to execute HTTP "
                + "request: Connection refused", "launch", "--endpoint-url", NOWHERE));
        rows.add(rowProcess("launch --dry-run, missing credentials", C, 1, "AWS_SECRET_ACCESS_KEY. "
                + "(Unable to load credentials from any of the providers)", "launch", "--dry-run",
                "--endpoint-url", NOWHERE));
        // ---- status and destroy
        rows.add(rowCloud("destroy without a terminal nor --force", D, 2, "Pass --force", "destroy"));
        rows.add(report(rowCloud("destroy unknown agent", D, 0, "Nothing to destroy: agent 'ghost' is not in "
                + ".bedrock_agentcore.yaml (already destroyed?). Configured agents: [my_agent]",
                "destroy", "-a", "ghost", "--force")));
        rows.add(report(rowCloud("destroy --dry-run unknown agent", D, 0, "Nothing to destroy: agent 'ghost'",
                "destroy", "-a", "ghost", "--dry-run")));
        rows.add(rowCloud("destroy on broken YAML", Setup.BROKEN_YAML, 2, "is not valid YAML", "destroy", "--force"));
        rows.add(rowCloud("destroy unknown flag", D, 2, "Unknown option: '--yes'", "destroy", "--yes"));
        rows.add(rowCloud("status unknown agent", D, 2, "Agent 'ghost' not found. Available agents: [my_agent]",
                "status", "-a", "ghost"));
        rows.add(rowCloud("status on broken YAML", Setup.BROKEN_YAML, 2, "is not valid YAML", "status"));
        rows.add(rowCloud("status on an agent that is a string", Setup.AGENT_SCALAR, 2, "must be a mapping",
                "status"));
        rows.add(rowCloud("status with a region that is not a region", D, 2, "does not look like an AWS region",
                "status", "--region", "west"));
        rows.add(report(row("status, AWS unreachable", D, 0, "Error:      Could not complete the AgentCore call: "
                + "Unable to execute HTTP request: Connection refused", "status", "--endpoint-url", NOWHERE)));
        rows.add(report(row("destroy, AWS unreachable", D, 1, "FAILED AgentCore.DeleteAgentRuntime "
                + "my_agent-AbCdEf1234: "
                + "AgentCore ClientError: Could not complete the AgentCore call: Unable to execute HTTP request: "
                + "Connection refused", "destroy", "--force", "--endpoint-url", NOWHERE)));
        rows.add(report(rowProcess("destroy, missing credentials", D, 1, "FAILED AgentCore.DeleteAgentRuntime "
                + "my_agent-AbCdEf1234: AgentCore NoCredentials: No usable AWS credentials were found.",
                "destroy", "--force", "--endpoint-url", NOWHERE)));
    }

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedCleanlyAndNothingChanged(Row row) throws Exception {
        Path dir = tmp.resolve("proj");
        row.setup().apply(tmp, dir);
        ProjectSnapshot before = ProjectSnapshot.of(dir);
        Emulator emulator = row.emulator() ? Emulator.shared() : null;
        String stateBefore = emulator == null ? null : emulator.state();
        CliHarness.Result r;
        if (row.process()) {
            Map<String, String> env = CliProcess.isolatedEnv(tmp.resolve("home"));
            env.putAll(row.env());
            r = CliProcess.start(dir, env, tmp, row.args().toArray(String[]::new)).await(60);
        } else {
            CliHarness cli = CliHarness.in(dir).withEnv(emulator == null ? Map.of() : emulator.env())
                    .withEnv(row.env());
            r = cli.run(row.args().toArray(String[]::new));
        }

        r.expectExit(row.exit());
        if (row.report()) {
            assertThat(r.out() + r.err()).as("stdout and stderr").contains(row.message());
            assertThat(r.out() + r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        } else {
            assertThat(r.err()).as("stderr").contains(row.message());
            assertThat(r.err()).as("an error line").containsPattern("(?m)^Error: ");
            assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(r.out()).as("stdout").isEmpty();
        }
        assertThat(ProjectSnapshot.of(dir).entries()).as("files under the project")
                .isEqualTo(before.entries());
        if (emulator != null) {
            assertThat(emulator.state()).as("the emulated account").isEqualTo(stateBefore);
        }
    }

    /** The previews a cautious operator runs first: they print a plan and change nothing, here or in the account. */
    @Test
    void dryRunsChangeNothing() throws Exception {
        Emulator emulator = Emulator.shared();
        Path dir = tmp.resolve("proj");
        Setup.FILES.apply(tmp, dir);
        CliHarness cli = CliHarness.in(dir).withEnv(emulator.env());
        String name = "dry_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        cli.runOk("configure", "-e", "agent.py", "-n", name, "-ni");
        ProjectSnapshot files = ProjectSnapshot.of(dir);
        String state = emulator.state();

        CliHarness.Result launch = cli.runOk("launch", "--dry-run");
        CliHarness.Result launchJson = cli.runOk("launch", "--dry-run", "--output", "json");
        CliHarness.Result destroy = cli.runOk("destroy", "--dry-run");

        assertThat(launch.out()).contains("CreateAgentRuntime");
        assertThat(launchJson.out()).startsWith("{");
        assertThat(destroy.out() + destroy.err()).isNotBlank();
        assertThat(emulator.state()).as("the emulated account").isEqualTo(state);
        assertThat(ProjectSnapshot.of(dir).entries()).as("files under the project").isEqualTo(files.entries());
    }
}
