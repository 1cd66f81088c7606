package dev.agentcore.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.testing.FakeDataPlane;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StopSessionCommandTest extends DeployedAgentOnFakeDataPlane {

    static final String SESSION = InvokeCommandTest.SESSION;

    void storeSession(String id) {
        new ConfigStore(dir).update(cfg -> {
            cfg.select("my_agent").setSessionId(id);
            return null;
        });
    }

    String stored() {
        return new ConfigStore(dir).require().select(null).sessionId();
    }

    @Test
    void stopsTheStoredSessionAndForgetsIt() {
        storeSession(SESSION);
        var r = cli.runOk("stop-session");
        assertThat(r.out()).contains("Session stopped: " + SESSION);
        FakeDataPlane.Request req = fake.lastRequest();
        assertThat(req.operation()).isEqualTo("stopruntimesession");
        assertThat(req.arn()).isEqualTo(ARN);
        assertThat(req.header(FakeDataPlane.SESSION_HEADER)).isEqualTo(SESSION);
        assertThat(stored()).isNull();
    }

    @Test
    void aSessionThatIsAlreadyGoneIsStillForgotten() throws Exception {
        storeSession(SESSION);
        fake.then(FakeDataPlane.error(404, "ResourceNotFoundException", "Session not found"));
        var r = cli.runOk("stop-session", "--output", "json");
        var json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("message").asText()).isEqualTo("Session not found (may have already been terminated)");
        assertThat(json.get("statusCode").asInt()).isEqualTo(404);
        assertThat(json.get("storedSessionCleared").asBoolean()).isTrue();
        assertThat(stored()).isNull();
    }

    @Test
    void anotherSessionIdLeavesTheStoredOneAlone() {
        storeSession(SESSION);
        String other = "99999999-8888-7777-6666-555555555555-y";
        cli.runOk("stop-session", "--session-id", other);
        assertThat(fake.lastRequest().header(FakeDataPlane.SESSION_HEADER)).isEqualTo(other);
        assertThat(stored()).isEqualTo(SESSION);
    }

    @Test
    void noSessionOrNoDeploymentIsAClearFailure() {
        var none = cli.run("stop-session");
        none.expectExit(1);
        assertThat(none.err()).contains("No active session found").contains("--session-id");
        new ConfigStore(dir).update(cfg -> {
            cfg.select("my_agent").setAgentArn(null);
            return null;
        });
        var undeployed = cli.run("stop-session", "--session-id", SESSION);
        undeployed.expectExit(1);
        assertThat(undeployed.err()).contains("Agent 'my_agent' is not deployed");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void otherErrorsFailAndKeepTheStoredSession() {
        storeSession(SESSION);
        fake.then(FakeDataPlane.error(403, "AccessDeniedException", "not allowed"));
        var r = cli.run("stop-session");
        r.expectExit(1);
        assertThat(r.err()).contains("Error: Access denied: not allowed");
        assertThat(stored()).isEqualTo(SESSION);
    }

    @Test
    void invokeThenStopThenInvokeStartsANewSession() {
        cli.runOk("invoke", "hi");
        String first = stored();
        cli.runOk("stop-session");
        assertThat(stored()).isNull();
        cli.runOk("invoke", "hi again");
        assertThat(stored()).isNotNull().isNotEqualTo(first);
    }
}
