package dev.agentcore.core.configure;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.config.ProjectConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigureServiceTest {

    @TempDir
    Path tmp;

    private Path project() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("proj"));
        Files.writeString(dir.resolve("my_agent.py"), "from bedrock_agentcore import BedrockAgentCoreApp\n");
        Files.writeString(dir.resolve("requirements.txt"), "bedrock-agentcore\nstrands-agents\n");
        return dir;
    }

    private ConfigureRequest.Builder request(Path dir) {
        return ConfigureRequest.builder(dir).entrypoint("my_agent.py").region("us-west-2");
    }

    @Test
    void writesThePythonToolsSchemaInItsOrderWithoutTouchingAws() throws IOException {
        Path dir = project();
        ConfigureResult result = new ConfigureService(dir).configure(request(dir).build());

        assertThat(result.agentName()).isEqualTo("my_agent");
        String yaml = Files.readString(dir.resolve(".bedrock_agentcore.yaml"));
        assertThat(yaml).startsWith("default_agent: my_agent\nagents:\n  my_agent:\n    name: my_agent\n"
                + "    language: python\n    node_version: null\n    entrypoint: " + dir.toRealPath() + "/my_agent.py\n"
                + "    deployment_type: container\n");
        AgentConfig agent = new ConfigStore(dir).require().select(null);
        assertThat(agent.sourcePath()).isEqualTo(dir.toRealPath().toString());
        assertThat(agent.region()).isEqualTo("us-west-2");
        assertThat(agent.account()).isNull();
        assertThat(agent.containerRuntime()).isNull();
        assertThat(agent.executionRoleAutoCreate()).isTrue();
        assertThat(agent.ecrAutoCreate()).isTrue();
        assertThat(agent.get("memory", "mode")).isEqualTo("NO_MEMORY");
        assertThat(agent.platform()).isEqualTo("linux/arm64");
        // every key in the Python example (spec 3.2) is present
        assertThat(agent.toMap()).containsKeys("runtime_type", "aws", "bedrock_agentcore", "codebuild", "memory",
                "identity", "aws_jwt", "authorizer_configuration", "request_header_configuration",
                "oauth_configuration", "api_key_env_var_name", "is_generated_by_agentcore_create");
    }

    @Test
    void generatesDockerfileAndDockerignoreFromTheTemplates() throws IOException {
        Path dir = project();
        ConfigureResult result = new ConfigureService(dir).configure(request(dir).build());

        Path dockerfile = dir.resolve(".bedrock_agentcore/my_agent/Dockerfile");
        assertThat(result.dockerfile()).isEqualTo(dockerfile);
        assertThat(result.dockerfileAction()).isEqualTo(ConfigureResult.DockerfileAction.GENERATED);
        String text = Files.readString(dockerfile);
        assertThat(text).contains("FROM ghcr.io/astral-sh/uv:python3.11-bookworm-slim",
                "COPY requirements.txt requirements.txt\nRUN uv pip install -r requirements.txt",
                "RUN uv pip install aws-opentelemetry-distro==0.12.2", "AWS_REGION=us-west-2",
                "USER bedrock_agentcore", "EXPOSE 8080", "EXPOSE 8000", "EXPOSE 9000",
                "CMD [\"opentelemetry-instrument\", \"python\", \"-m\", \"my_agent\"]");
        assertThat(text).doesNotContain("{{");
        assertThat(Files.readString(dir.resolve(".dockerignore"))).contains(".bedrock_agentcore/", "**/.venv/");
        assertThat(result.dockerignoreCreated()).isTrue();
    }

    @Test
    void disableOtelAndPyprojectInASubfolderChangeTheDockerfile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("p2"));
        Files.createDirectories(dir.resolve("src/agents"));
        Files.writeString(dir.resolve("src/agents/writer.py"), "x = 1\n");
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname='x'\n");
        ConfigureResult result = new ConfigureService(dir).configure(ConfigureRequest.builder(dir)
                .entrypoint("src/agents/writer.py").region("eu-west-1").disableOtel(true).build());
        assertThat(result.agentName()).isEqualTo("src_agents_writer");
        String text = Files.readString(result.dockerfile());
        assertThat(text).contains("COPY . .\nRUN cd . && uv pip install .", "CMD [\"python\", \"-m\", \"src.agents.writer\"]")
                .doesNotContain("opentelemetry");
        assertThat(result.agent().get("source_path")).isEqualTo(dir.toRealPath().toString());
        assertThat(new ConfigStore(dir).require().select(null).observabilityEnabled()).isFalse();
    }

    @Test
    void aUsersDockerfileIsRespectedAndAnEditedGeneratedOneKept() throws IOException {
        Path dir = project();
        ConfigureService service = new ConfigureService(dir);
        ConfigureResult first = service.configure(request(dir).build());
        Files.writeString(first.dockerfile(), Files.readString(first.dockerfile()) + "RUN echo mine\n");
        ConfigureResult second = service.configure(request(dir).disableOtel(true).build());
        assertThat(second.dockerfileAction()).isEqualTo(ConfigureResult.DockerfileAction.KEPT_EDITED);
        assertThat(Files.readString(second.dockerfile())).contains("RUN echo mine");

        Files.delete(first.dockerfile());
        service.configure(request(dir).build());
        ConfigureResult regenerated = service.configure(request(dir).disableOtel(true).build());
        assertThat(regenerated.dockerfileAction()).isEqualTo(ConfigureResult.DockerfileAction.GENERATED);
        assertThat(Files.readString(regenerated.dockerfile())).doesNotContain("opentelemetry");

        Files.writeString(dir.resolve("Dockerfile"), "FROM mine\n");
        ConfigureResult user = service.configure(request(dir).build());
        assertThat(user.dockerfileAction()).isEqualTo(ConfigureResult.DockerfileAction.USER_DOCKERFILE);
        assertThat(Files.readString(dir.resolve("Dockerfile"))).isEqualTo("FROM mine\n");
    }

    @Test
    void reconfiguringAPythonToolFileKeepsDeploymentStateUnknownKeysAndOtherAgents() throws IOException {
        Path dir = project();
        Path file = dir.resolve(".bedrock_agentcore.yaml");
        try (InputStream in = getClass().getResourceAsStream("/configure/python-tool.yaml")) {
            Files.write(file, in.readAllBytes());
        }
        new ConfigureService(dir).configure(request(dir).name("my_agent").protocol("mcp").build());

        ProjectConfig config = new ConfigStore(dir).require();
        assertThat(config.defaultAgent()).contains("my_agent");
        assertThat(config.agentNames()).containsExactly("my_agent", "other_agent");
        AgentConfig agent = config.agent("my_agent").orElseThrow();
        assertThat(agent.agentId()).isEqualTo("my_agent-AbCdEf1234");
        assertThat(agent.sessionId()).isEqualTo("0b8c6a1e-9d3f-4f7a-8e2b-5c1d4e6f7a8b9c0d");
        assertThat(agent.serverProtocol()).isEqualTo("MCP");
        assertThat(agent.get("a_future_agent_key", "nested")).isEqualTo(List.of(1, 2));
        assertThat(agent.get("aws", "future_aws_setting")).isEqualTo("keep-me");
        assertThat(agent.get("memory", "memory_id")).isEqualTo("my_agent_mem-XyZ");
        assertThat(agent.entrypoint()).isEqualTo(dir.toRealPath() + "/my_agent.py");
        assertThat(config.agent("other_agent").orElseThrow().region()).isEqualTo("eu-west-1");
        String yaml = Files.readString(file);
        assertThat(yaml).contains("telemetry_opt_in: true");
    }

    @Test
    void aMalformedFileIsNamedByLineAndNeverOverwritten() throws IOException {
        Path dir = project();
        Path file = dir.resolve(".bedrock_agentcore.yaml");
        String broken = "default_agent: a\nagents:\n  a: [unclosed\n";
        Files.writeString(file, broken);
        assertThatThrownBy(() -> new ConfigureService(dir).configure(request(dir).build()))
                .isInstanceOf(AgentCoreException.class).hasMessageContaining("line");
        assertThat(Files.readString(file)).isEqualTo(broken);
        assertThat(dir.resolve(".bedrock_agentcore")).doesNotExist();
    }

    @Test
    void badInputsLeaveEverythingUntouched() throws IOException {
        Path dir = project();
        ConfigureService service = new ConfigureService(dir);
        service.configure(request(dir).build());
        Path file = dir.resolve(".bedrock_agentcore.yaml");
        String before = Files.readString(file);
        List<ConfigureRequest> bad = List.of(
                request(dir).name("bad-name").build(),
                request(dir).entrypoint("../outside.py").build(),
                request(dir).entrypoint("missing.py").build(),
                request(dir).idleTimeout(900).maxLifetime(600).build(),
                request(dir).vpc(true).subnets("subnet-0abc1234").build(),
                request(dir).subnets("subnet-0abc1234").build(),
                request(dir).protocol("grpc").build(),
                request(dir).authorizerConfig("{nope").build(),
                request(dir).requestHeaderAllowlist(" , ").build(),
                request(dir).requirementsFile("setup.py").build(),
                request(dir).executionRole("arn:aws:iam::12:role/x").build(),
                request(dir).containerRuntime("lxc").build());
        Files.writeString(dir.resolve("setup.py"), "");
        for (ConfigureRequest r : bad) {
            assertThatThrownBy(() -> service.configure(r)).isInstanceOfSatisfying(AgentCoreException.class,
                    e -> assertThat(e.exitCode()).isEqualTo(2));
            assertThat(Files.readString(file)).isEqualTo(before);
        }
    }

    @Test
    void noDependencyFileIsAnError() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("nodeps"));
        Files.writeString(dir.resolve("agent.py"), "");
        assertThatThrownBy(() -> new ConfigureService(dir).configure(ConfigureRequest.builder(dir)
                .entrypoint("agent.py").region("us-west-2").build()))
                .hasMessageContaining("No requirements file specified and none found automatically");
        assertThat(dir.resolve(".bedrock_agentcore.yaml")).doesNotExist();
    }

    @Test
    void vpcSettingsAreStoredAndImmutableOnceDeployed() throws IOException {
        Path dir = project();
        ConfigureService service = new ConfigureService(dir);
        service.configure(request(dir).vpc(true).subnets("subnet-0abc1234def,subnet-0123456789a")
                .securityGroups("sg-0abc1234def").build());
        AgentConfig agent = new ConfigStore(dir).require().select(null);
        assertThat(agent.networkMode()).isEqualTo("VPC");
        assertThat(agent.subnets()).containsExactly("subnet-0abc1234def", "subnet-0123456789a");
        new ConfigStore(dir).update(c -> {
            c.select(null).setAgentId("my_agent-AbCdEf1234");
            return null;
        });
        assertThatThrownBy(() -> service.configure(request(dir).build()))
                .hasMessageContaining("Cannot change network mode from VPC to PUBLIC");
    }

    @Test
    void listAndSetDefault() throws IOException {
        Path dir = project();
        Files.writeString(dir.resolve("second.py"), "");
        ConfigureService service = new ConfigureService(dir);
        assertThat(service.list()).isEmpty();
        service.configure(request(dir).build());
        service.configure(request(dir).entrypoint("second.py").build());
        assertThat(service.list()).extracting(ConfigureService.AgentSummary::name, ConfigureService.AgentSummary::isDefault)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("my_agent", false),
                        org.assertj.core.groups.Tuple.tuple("second", true));
        service.setDefault("my_agent");
        assertThat(new ConfigStore(dir).require().defaultAgent()).contains("my_agent");
        String before = Files.readString(service.configFile());
        assertThatThrownBy(() -> service.setDefault("nope"))
                .isInstanceOfSatisfying(AgentCoreException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.hint()).contains("my_agent", "second");
                });
        assertThat(Files.readString(service.configFile())).isEqualTo(before);
    }

    @Test
    void warnsAboutABareClaudeIdAndIsSilentOnAProfileId() throws IOException {
        Path dir = project();
        Files.writeString(dir.resolve("my_agent.py"), "import x\nMODEL = \"anthropic.claude-haiku-4-5-20251001-v1:0\"\n",
                StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/ok.py"), "M = 'us.anthropic.claude-haiku-4-5-20251001-v1:0'\n");
        ConfigureResult result = new ConfigureService(dir).configure(request(dir).region("eu-central-1").build());
        assertThat(result.modelIdWarnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("my_agent.py");
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.suggestedId()).isEqualTo("eu.anthropic.claude-haiku-4-5-20251001-v1:0");
        });
        Map<String, Object> agent = result.agent();
        assertThat(agent.get("name")).isEqualTo("my_agent");
    }

    @Test
    void anEntrypointAlreadyConfiguredKeepsItsAgentName() throws IOException {
        Path dir = project();
        Files.writeString(dir.resolve("main.py"), "");
        Files.writeString(dir.resolve(".bedrock_agentcore.yaml"), "default_agent: main\nagents:\n  main:\n"
                + "    name: main\n    entrypoint: " + dir.toRealPath() + "/main.py\n");
        ConfigureResult result = new ConfigureService(dir).configure(request(dir).entrypoint("main.py").build());
        assertThat(result.agentName()).isEqualTo("main");
        assertThat(result.notes()).anyMatch(n -> n.contains("already configured"));
        assertThat(new ConfigStore(dir).require().agentNames()).containsExactly("main");
        // a new generic entrypoint elsewhere is named after the project directory
        Files.delete(dir.resolve(".bedrock_agentcore.yaml"));
        assertThat(new ConfigureService(dir).configure(request(dir).entrypoint("main.py").build()).agentName())
                .isEqualTo("proj");
    }

    @Test
    void thePlatformWarningIsAboutAContainerEngineSoOnlyWhenOneWouldRunTheImage() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Map<String, String> noEngine = Map.of("PATH", bin.toString());
        ConfigureService service = new ConfigureService(project(), noEngine);

        assertThat(service.platformWarning("amd64", null)).as("process mode: no image runs here").isEmpty();
        assertThat(service.platformWarning("aarch64", "docker")).isEmpty();
        assertThat(service.platformWarning("amd64", "podman")).hasValueSatisfying(w ->
                assertThat(w).contains("not linux/arm64", "with podman", "--container-runtime none"));

        Path docker = Files.writeString(bin.resolve("docker"), "#!/bin/sh\n");
        docker.toFile().setExecutable(true);
        assertThat(service.platformWarning("x86_64", null)).hasValueSatisfying(w -> assertThat(w).contains("with docker"));
        assertThat(service.platformWarning("x86_64", "none")).as("'none' means detect again")
                .hasValueSatisfying(w -> assertThat(w).contains("with docker"));
    }
}
