package dev.agentcore.core.config;

import dev.agentcore.core.AgentCoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigStoreTest {

    @TempDir
    Path dir;

    /** A file in the Python tool's exact shape (spec 3.2), with keys neither tool knows. */
    private static final String PYTHON_FILE = """
            default_agent: my_agent
            agents:
              my_agent:
                name: my_agent
                language: python
                node_version: null
                entrypoint: /home/me/proj/my_agent.py
                deployment_type: container
                runtime_type: null
                platform: linux/arm64
                container_runtime: docker
                source_path: /home/me/proj
                aws:
                  execution_role: null
                  execution_role_auto_create: true
                  account: '123456789012'
                  region: us-west-2
                  ecr_repository: null
                  ecr_auto_create: true
                  s3_path: null
                  s3_auto_create: false
                  network_configuration:
                    network_mode: PUBLIC
                    network_mode_config: null
                  protocol_configuration:
                    server_protocol: HTTP
                  observability:
                    enabled: true
                  lifecycle_configuration:
                    idle_runtime_session_timeout: null
                    max_lifetime: null
                  future_aws_key: kept
                bedrock_agentcore:
                  agent_id: my_agent-abc1234567
                  agent_arn: arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-abc1234567
                  agent_session_id: null
                memory:
                  mode: STM_ONLY
                  memory_id: null
                  memory_arn: null
                  memory_name: my_agent_memory
                  event_expiry_days: 30
                  first_invoke_memory_check_done: false
                  was_created_by_toolkit: false
                some_future_key:
                  nested: [1, 2]
            top_level_unknown: yes
            """;

    @Test
    void pythonFileRoundTripsWithUnknownKeysKept() throws Exception {
        Files.writeString(dir.resolve(".bedrock_agentcore.yaml"), PYTHON_FILE);
        ConfigStore store = new ConfigStore(dir);
        AgentConfig agent = store.require().select(null);
        assertThat(agent.name()).isEqualTo("my_agent");
        assertThat(agent.account()).isEqualTo("123456789012");
        assertThat(agent.agentId()).isEqualTo("my_agent-abc1234567");

        store.update(c -> {
            c.select("my_agent").setSessionId("s".repeat(40));
            return null;
        });
        ProjectConfig again = store.require();
        AgentConfig reread = again.select("my_agent");
        assertThat(reread.sessionId()).hasSize(40);
        assertThat(reread.get("aws", "future_aws_key")).isEqualTo("kept");
        assertThat(reread.get("some_future_key", "nested")).asList().containsExactly(1, 2);
        String text = Files.readString(store.file());
        assertThat(text).contains("top_level_unknown: true").contains("account: '123456789012'");
        assertThat(text.indexOf("default_agent")).isLessThan(text.indexOf("agents:"));
    }

    @Test
    void reconfiguringKeepsDeploymentStateAndMakesTheAgentDefault() {
        ConfigStore store = new ConfigStore(dir);
        store.update(c -> {
            AgentConfig a = AgentConfig.newContainerAgent("one", "/p/one.py", "/p");
            a.setAgentId("one-1234567890");
            c.putAgent(a);
            c.putAgent(AgentConfig.newContainerAgent("two", "/p/two.py", "/p"));
            return null;
        });
        store.update(c -> {
            c.putAgent(AgentConfig.newContainerAgent("one", "/p/one_v2.py", "/p"));
            return null;
        });
        ProjectConfig c = store.require();
        assertThat(c.defaultAgent()).contains("one");
        assertThat(c.agentNames()).containsExactly("one", "two");
        assertThat(c.select("one").agentId()).isEqualTo("one-1234567890");
        assertThat(c.select("one").entrypoint()).isEqualTo("/p/one_v2.py");
    }

    @Test
    void newFileIsOwnerOnly() throws Exception {
        ConfigStore store = new ConfigStore(dir);
        store.update(c -> {
            c.putAgent(AgentConfig.newContainerAgent("one", "/p/one.py", "/p"));
            return null;
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void malformedFileIsReportedWithItsLineAndNeverOverwritten() throws Exception {
        String broken = "default_agent: a\nagents:\n  a:\n    name: a\n   bad: [unclosed\n";
        Files.writeString(dir.resolve(".bedrock_agentcore.yaml"), broken);
        ConfigStore store = new ConfigStore(dir);
        assertThatThrownBy(() -> store.update(c -> null))
                .isInstanceOf(AgentCoreException.class)
                .hasMessageContaining("line");
        assertThat(Files.readString(store.file())).isEqualTo(broken);
    }

    @Test
    void legacySingleAgentFileIsRead() {
        ProjectConfig c = ConfigStore.parse("name: test\nentrypoint: test.py\n");
        assertThat(c.select(null).entrypoint()).isEqualTo("test.py");
        assertThat(c.defaultAgent()).contains("test");
    }

    @Test
    void unknownAgentNamesTheAvailableOnes() {
        ProjectConfig c = ProjectConfig.empty();
        c.putAgent(AgentConfig.newContainerAgent("one", "/p/one.py", "/p"));
        assertThatThrownBy(() -> c.select("nope")).hasMessageContaining("Available agents: [one]");
    }
}
