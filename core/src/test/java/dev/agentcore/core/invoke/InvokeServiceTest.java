package dev.agentcore.core.invoke;

import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.local.LocalRunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The choices invoke makes before any byte is sent: which client, which port, which region. */
class InvokeServiceTest {

    static final String ARN = "arn:aws:bedrock-agentcore:eu-central-1:123456789012:runtime/my_agent-AbC123";

    @TempDir
    Path dir;
    final List<String> calls = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    final InvokeConnections recording = new InvokeConnections() {
        @Override
        public DataPlane dataPlane(String region) {
            return new DataPlane() {
                @Override
                public AgentResponse invoke(InvocationRequest request) {
                    calls.add("sigv4 " + region + " " + request.agentArn());
                    return answer();
                }

                @Override
                public int stopSession(String agentArn, String qualifier, String sessionId) {
                    calls.add("stop " + region);
                    return 200;
                }
            };
        }

        @Override
        public AgentInvoker bearer(String region, String token) {
            return request -> {
                calls.add("bearer " + region);
                return answer();
            };
        }

        @Override
        public AgentInvoker local(int port) {
            return request -> {
                calls.add("local " + port);
                return answer();
            };
        }
    };

    static AgentResponse answer() {
        return new AgentResponse(200, "application/json", "s",
                new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
    }

    InvokeService service() {
        return new InvokeService(new ConfigStore(dir), recording, notes::add);
    }

    InvokeService.InvokeOptions options(boolean local, Integer port, String region) {
        return new InvokeService.InvokeOptions(null, null, InvokePayload.of("hi"), null, null, CustomHeaders.none(),
                "DEFAULT", null, local, port, region);
    }

    void agent(String region, String arn) {
        new ConfigStore(dir).update(cfg -> {
            AgentConfig a = AgentConfig.newContainerAgent("my_agent", "agent.py", ".");
            a.setRegion(region);
            a.setAgentArn(arn);
            cfg.putAgent(a);
            return null;
        });
    }

    ResponseRenderer renderer() {
        return new ResponseRenderer(new StringWriter(), OutputMode.PLAIN);
    }

    @Test
    void localGoesToTheGivenPortElseTheRecordedRunElse8080() {
        service().invoke(options(true, null, null), renderer());
        agent(null, null);
        service().invoke(options(true, null, null), renderer());
        new LocalRunState("my_agent", LocalRunState.MODE_CONTAINER, 0, null, "docker", "c", 9123, null).save(dir);
        service().invoke(options(true, null, null), renderer());
        service().invoke(options(true, 7000, null), renderer());
        assertThat(calls).containsExactly("local 8080", "local 8080", "local 9123", "local 7000");
    }

    @Test
    void theRegionIsTheFlagElseTheConfiguredElseTheArns() {
        agent("us-east-1", ARN);
        service().invoke(options(false, null, "ap-south-1"), renderer());
        service().invoke(options(false, null, null), renderer());
        agent("", ARN);
        new ConfigStore(dir).update(cfg -> {
            cfg.select(null).setRegion(null);
            return null;
        });
        service().invoke(options(false, null, null), renderer());
        assertThat(calls).containsExactly("sigv4 ap-south-1 " + ARN, "sigv4 us-east-1 " + ARN,
                "sigv4 eu-central-1 " + ARN);
    }
}
