package dev.agentcore.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.cli.CliHarness;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigureCommandTest {

    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void newUsersFolder() throws IOException {
        dir = Files.createDirectories(tmp.resolve("hello_agent"));
        Files.writeString(dir.resolve("agent.py"), "from bedrock_agentcore import BedrockAgentCoreApp\n");
        Files.writeString(dir.resolve("requirements.txt"), "bedrock-agentcore\n");
    }

    private AgentConfig agent() {
        return new ConfigStore(dir).require().select(null);
    }

    @Test
    void nonInteractiveWritesYamlDockerfileAndDockerignore() throws IOException {
        var r = CliHarness.in(dir).runOk("configure", "-e", "agent.py", "--non-interactive");
        assertThat(agent().name()).isEqualTo("agent");
        assertThat(agent().region()).isEqualTo("us-west-2");
        assertThat(Files.readString(dir.resolve(".bedrock_agentcore/agent/Dockerfile")))
                .contains("CMD [\"opentelemetry-instrument\", \"python\", \"-m\", \"agent\"]");
        assertThat(dir.resolve(".dockerignore")).exists();
        assertThat(r.out()).contains("Configured agent 'agent'", "Region:", "us-west-2", "auto-create at launch");
        assertThat(r.err()).contains("Agent name (inferred): agent", "Generated Dockerfile", "agentcore launch");
    }

    @Test
    void allTheFlagsLandInTheYaml() {
        CliHarness.in(dir).runOk("configure", "-e", "agent.py", "-n", "flags_agent", "-er", "MyRole",
                "-cber", "arn:aws:iam::123456789012:role/Cb", "-ecr", "my-repo", "-ctr", "Podman",
                "-rf", "requirements.txt", "-do", "-ac",
                "{\"customJWTAuthorizer\":{\"discoveryUrl\":\"https://i/.well-known/openid-configuration\",\"allowedClients\":[\"c\"]}}",
                "-rha", "Authorization,X-Custom", "--vpc", "--subnets", "subnet-0abc1234def", "--security-groups",
                "sg-0abc1234def", "--idle-timeout", "300", "--max-lifetime", "3600", "-r", "eu-central-1", "-p", "mcp",
                "-ni");
        AgentConfig a = agent();
        assertThat(a.name()).isEqualTo("flags_agent");
        assertThat(a.executionRole()).isEqualTo("MyRole");
        assertThat(a.executionRoleAutoCreate()).isFalse();
        assertThat(a.codeBuildRole()).isEqualTo("arn:aws:iam::123456789012:role/Cb");
        assertThat(a.ecrRepository()).isEqualTo("my-repo");
        assertThat(a.ecrAutoCreate()).isFalse();
        assertThat(a.containerRuntime()).isEqualTo("podman");
        assertThat(a.observabilityEnabled()).isFalse();
        assertThat(a.authorizerConfiguration()).containsKey("customJWTAuthorizer");
        assertThat(a.requestHeaderAllowlist()).containsExactly("Authorization", "X-Custom");
        assertThat(a.networkMode()).isEqualTo("VPC");
        assertThat(a.idleTimeout()).isEqualTo(300);
        assertThat(a.maxLifetime()).isEqualTo(3600);
        assertThat(a.region()).isEqualTo("eu-central-1");
        assertThat(a.serverProtocol()).isEqualTo("MCP");
    }

    @Test
    void regionComesFromTheGlobalFlagOrTheEnvironment() {
        CliHarness.in(dir).withEnv("AWS_REGION", "ap-south-1").runOk("configure", "-e", "agent.py", "-ni");
        assertThat(agent().region()).isEqualTo("ap-south-1");
        CliHarness.in(dir).runOk("configure", "-e", "agent.py", "-ni", "--region", "eu-west-3");
        assertThat(agent().region()).isEqualTo("eu-west-3");
    }

    @Test
    void withoutATerminalItAsksForNonInteractive() {
        var r = CliHarness.in(dir).run("configure", "-e", "agent.py");
        r.expectExit(2);
        assertThat(r.err()).contains("--non-interactive").doesNotContain("at dev.agentcore");
        assertThat(dir.resolve(".bedrock_agentcore.yaml")).doesNotExist();
        assertThat(dir.resolve(".bedrock_agentcore")).doesNotExist();
    }

    @Test
    void interactiveAsksTheQuestionsInOrderAndEnterTakesTheDefaults() {
        var r = CliHarness.in(dir).interactive(true).withStdin("\n\n\n\n\n\n\n").runOk("configure");
        String err = r.err();
        int entry = err.indexOf("Entrypoint [.]: ");
        int name = err.indexOf("Agent name [agent]: ");
        int deps = err.indexOf("Dependency file [requirements.txt]: ");
        int role = err.indexOf("Execution role ARN or name (Enter to auto-create): ");
        int ecr = err.indexOf("ECR repository URI or name (Enter to auto-create): ");
        int oauth = err.indexOf("Configure an OAuth authorizer instead of IAM? (yes/no) [no]: ");
        int headers = err.indexOf("Configure a request header allowlist? (yes/no) [no]: ");
        assertThat(new int[] {entry, name, deps, role, ecr, oauth, headers}).doesNotContain(-1).isSorted();
        assertThat(r.out()).doesNotContain("Entrypoint [");
        assertThat(agent().name()).isEqualTo("agent");
        assertThat(agent().executionRoleAutoCreate()).isTrue();
        assertThat(agent().authorizerConfiguration()).isNull();
    }

    @Test
    void interactiveReasksAfterInvalidAnswers() {
        String answers = String.join("\n", "missing.py", "agent.py", "bad-name", "my_bot", "setup.cfg", "",
                "arn:aws:iam::1:role/x", "", "Not A Repo", "", "maybe", "yes",
                "https://idp.example.com/.well-known/openid-configuration", "client1", "", "",
                "yes", "") + "\n";
        var r = CliHarness.in(dir).interactive(true).withStdin(answers).runOk("configure");
        assertThat(r.err()).contains("Path not found: missing.py", "Invalid agent name 'bad-name'",
                "File not found: setup.cfg", "Invalid role ARN", "Invalid ECR repository", "Please answer yes or no");
        AgentConfig a = agent();
        assertThat(a.name()).isEqualTo("my_bot");
        assertThat(a.authorizerConfiguration().toString()).contains("client1", "idp.example.com");
        assertThat(a.requestHeaderAllowlist()).containsExactly("Authorization", "X-Amzn-Bedrock-AgentCore-Runtime-Custom-*");
    }

    @Test
    void interactiveSkipsQuestionsWhoseFlagsAreGiven() {
        var r = CliHarness.in(dir).interactive(true).withStdin("\n\n\n\n").runOk("configure", "-e", "agent.py",
                "-n", "given", "-rf", "requirements.txt");
        assertThat(r.err()).doesNotContain("Entrypoint [", "Agent name [", "Dependency file [")
                .contains("Execution role ARN or name");
        assertThat(agent().name()).isEqualTo("given");
    }

    @Test
    void inputEndingEarlyWritesNothing() {
        var r = CliHarness.in(dir).interactive(true).withStdin("agent.py\n").run("configure");
        r.expectExit(1);
        assertThat(r.err()).contains("Input ended before configure finished", "--non-interactive");
        assertThat(dir.resolve(".bedrock_agentcore.yaml")).doesNotExist();
    }

    @Test
    void badInputsExitTwoWithAMessageAndLeaveTheFileUntouched() throws IOException {
        CliHarness.in(dir).runOk("configure", "-e", "agent.py", "-ni");
        Path file = dir.resolve(".bedrock_agentcore.yaml");
        String before = Files.readString(file);
        String[][] cases = {
                {"-n", "bad-name", "Invalid agent name 'bad-name'"},
                {"--idle-timeout", "900", "--max-lifetime", "600", "--idle-timeout (900s) must be <= --max-lifetime (600s)"},
                {"--vpc", "--subnets", "subnet-0abc1234def", "requires both --subnets and --security-groups"},
                {"--subnets", "subnet-0abc1234def", "require --vpc"},
                {"--vpc", "--subnets", "subnet-1", "--security-groups", "sg-0abc1234def", "Invalid subnet ID"},
                {"-ac", "{bad", "Invalid JSON in --authorizer-config"},
                {"-rha", ",", "Empty request header allowlist provided"},
                {"-p", "grpc", "--protocol must be one of"},
                {"-ctr", "lxc", "Unknown container runtime"},
                {"-rf", "nope.txt", "File not found: nope.txt"},
                {"-er", "arn:aws:iam::1:role/x", "Invalid role ARN"},
                {"-r", "mars", "does not look like an AWS region"},
                {"--idle-timeout", "10", "--idle-timeout must be between 60 and 28800"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length - 1 + 4];
            args[0] = "configure";
            args[1] = "-e";
            args[2] = "agent.py";
            args[3] = "-ni";
            System.arraycopy(c, 0, args, 4, c.length - 1);
            var r = CliHarness.in(dir).run(args);
            r.expectExit(2);
            assertThat(r.err()).as(String.join(" ", args)).contains(c[c.length - 1]).doesNotContain("Exception");
            assertThat(Files.readString(file)).isEqualTo(before);
        }
        var outside = CliHarness.in(dir).run("configure", "-e", "../x.py", "-ni");
        outside.expectExit(2);
        assertThat(outside.err()).contains("Path not found");
        Files.writeString(tmp.resolve("x.py"), "");
        assertThat(CliHarness.in(dir).run("configure", "-e", "../x.py", "-ni").expectExit(2).err())
                .contains("Path must be within the current directory");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aMalformedYamlIsReportedByLineAndKept() throws IOException {
        Path file = dir.resolve(".bedrock_agentcore.yaml");
        Files.writeString(file, "agents:\n  a: {name: a\n");
        var r = CliHarness.in(dir).interactive(true).withStdin("\n\n\n\n\n\n\n").run("configure");
        r.expectExit(2);
        assertThat(r.err()).contains("not valid YAML at line").doesNotContain("Entrypoint [");
        assertThat(Files.readString(file)).isEqualTo("agents:\n  a: {name: a\n");
    }

    @Test
    void jsonOutputIsTheAgentConfig() throws IOException {
        var r = CliHarness.in(dir).runOk("configure", "-e", "agent.py", "-ni", "--output", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("name").asText()).isEqualTo("agent");
        assertThat(json.at("/aws/region").asText()).isEqualTo("us-west-2");
        assertThat(json.at("/bedrock_agentcore/agent_id").isNull()).isTrue();
    }

    @Test
    void aBareClaudeIdIsWarnedAboutWithTheFixAndAProfileIdIsNot() throws IOException {
        Files.writeString(dir.resolve("agent.py"), "MODEL_ID = 'anthropic.claude-haiku-4-5-20251001-v1:0'\n");
        var r = CliHarness.in(dir).runOk("configure", "-e", "agent.py", "-ni");
        assertThat(r.err()).contains("Warning: agent.py:1: model id 'anthropic.claude-haiku-4-5-20251001-v1:0'",
                "'us.anthropic.claude-haiku-4-5-20251001-v1:0'");
        Files.writeString(dir.resolve("agent.py"), "MODEL_ID = 'us.anthropic.claude-haiku-4-5-20251001-v1:0'\n");
        assertThat(CliHarness.in(dir).runOk("configure", "-e", "agent.py", "-ni").err()).doesNotContain("model id");
    }

    @Test
    void listAndSetDefault() throws IOException {
        Files.writeString(dir.resolve("second.py"), "");
        assertThat(CliHarness.in(dir).runOk("configure", "list").err()).contains("No agents configured");
        CliHarness.in(dir).runOk("configure", "-e", "agent.py", "-ni");
        CliHarness.in(dir).runOk("configure", "-e", "second.py", "-ni");
        var list = CliHarness.in(dir).runOk("configure", "list");
        assertThat(list.out()).contains("Configured agents:", "  agent - Config only", "  second (default) - Config only",
                "Entrypoint: " + dir.toRealPath() + "/agent.py", "Region: us-west-2");
        JsonNode json = new ObjectMapper().readTree(CliHarness.in(dir).runOk("configure", "list", "--output", "json").out());
        assertThat(json.at("/agents/1/default").asBoolean()).isTrue();

        CliHarness.in(dir).runOk("configure", "set-default", "agent");
        assertThat(new ConfigStore(dir).require().defaultAgent()).contains("agent");
        String before = Files.readString(dir.resolve(".bedrock_agentcore.yaml"));
        var bad = CliHarness.in(dir).run("configure", "set-default", "nope");
        bad.expectExit(2);
        assertThat(bad.err()).contains("Agent 'nope' not found", "Hint: Configured agents: agent, second");
        assertThat(Files.readString(dir.resolve(".bedrock_agentcore.yaml"))).isEqualTo(before);
    }

    @Test
    void needsNeitherCredentialsNorNetwork() {
        var r = CliHarness.in(dir).withEnv("AWS_ACCESS_KEY_ID", null).withEnv("AWS_SECRET_ACCESS_KEY", null)
                .withEnv("AWS_PROFILE", "no_such_profile").withEnv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
                .runOk("configure", "-e", "agent.py", "-ni");
        assertThat(agent().account()).isNull();
        assertThat(r.err()).doesNotContain("credential", "Unable to");
    }
}
