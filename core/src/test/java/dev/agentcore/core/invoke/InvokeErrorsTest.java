package dev.agentcore.core.invoke;

import dev.agentcore.core.AgentCoreException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvokeErrorsTest {

    static final InvokeErrors.Target CLOUD = new InvokeErrors.Target("my_agent", "my_agent-AbC123", "DEFAULT",
            "eu-central-1", InvokeErrors.Target.Kind.SIGV4, null);

    static AgentCoreException explain(int status, String code, String message) {
        return InvokeErrors.explain(new DataPlaneException(status, code, message, null), CLOUD);
    }

    @Test
    void everyServiceErrorIsOneLineWithAHintAndExitOne() {
        String[][] cases = {
                {"400", "ValidationException", "Invalid request: bad", "payload"},
                {"404", "ResourceNotFoundException", "Not found: bad", "agentcore launch"},
                {"403", "AccessDeniedException", "Access denied: bad", "log in again"},
                {"429", "ThrottlingException", "Throttled by AgentCore: bad", "Wait a moment"},
                {"402", "ServiceQuotaExceededException", "Service quota exceeded: bad", "quota"},
                {"409", "ConflictException", "Conflict: bad", "session"},
                {"500", "InternalServerException", "AgentCore service error (HTTP 500): bad", "Retry"},
                {"424", "RuntimeClientError", "The agent failed (HTTP 424): bad", "aws logs tail"},
                {"0", "ClientError", "Cannot call AgentCore: bad", "credentials"},
        };
        for (String[] c : cases) {
            AgentCoreException e = explain(Integer.parseInt(c[0]), c[1], "bad\n  more");
            assertThat(e.exitCode()).as(c[1]).isEqualTo(1);
            assertThat(e.getMessage()).as(c[1]).isEqualTo(c[2] + " more");
            assertThat(e.hint()).as(c[1]).contains(c[3]);
        }
    }

    @Test
    void anAgentFailurePointsToItsLogGroupWithAReadyCommand() {
        AgentCoreException e = explain(424, "RuntimeClientError", "Received error (500) from runtime");
        assertThat(e.hint()).contains("/aws/bedrock-agentcore/runtimes/my_agent-AbC123-DEFAULT")
                .contains("aws logs tail /aws/bedrock-agentcore/runtimes/my_agent-AbC123-DEFAULT --since 1h "
                        + "--region eu-central-1");
    }

    @Test
    void modelErrorsGetTheFixPeopleSearchFor() {
        AgentCoreException profile = explain(400, "ValidationException", "Invocation of model ID "
                + "anthropic.claude-haiku-4-5-20251001-v1:0 with on-demand throughput isn't supported.");
        assertThat(profile.hint()).contains("inference profile").contains("us.");
        AgentCoreException wrapped = explain(424, "RuntimeClientError", "An error occurred (ValidationException) "
                + "when calling the Converse operation: The provided model identifier is invalid.");
        assertThat(wrapped.hint()).contains("us.");
        AgentCoreException access = explain(403, "AccessDeniedException",
                "You don't have access to the model with the specified model ID.");
        assertThat(access.hint()).contains("Bedrock console").contains("15 minutes");
        AgentCoreException notFound = explain(404, "ResourceNotFoundException", "Model use case details have not "
                + "been submitted for this account.");
        assertThat(notFound.hint()).contains("Model access");
        assertThat(explain(403, "AccessDeniedException", "User is not authorized").hint())
                .doesNotContain("Bedrock console");
    }

    @Test
    void bearerRejectionsSayTheTokenIsTheProblem() {
        var bearer = new InvokeErrors.Target("a", "a-1", "DEFAULT", "us-west-2", InvokeErrors.Target.Kind.BEARER, null);
        AgentCoreException e = InvokeErrors.explain(new DataPlaneException(401, "Http401", "Unauthorized", null), bearer);
        assertThat(e.getMessage()).isEqualTo("Not authorized (HTTP 401): Unauthorized");
        assertThat(e.hint()).contains("bearer token may be expired");
    }

    @Test
    void nothingListeningLocallySaysHowToStartIt() {
        var local = new InvokeErrors.Target(null, null, "DEFAULT", null, InvokeErrors.Target.Kind.LOCAL,
                "http://localhost:8080/invocations");
        AgentCoreException e = InvokeErrors.explain(new DataPlaneException(0, DataPlaneException.CONNECTION_FAILED,
                "Cannot connect", null), local);
        assertThat(e.getMessage()).isEqualTo("Nothing is listening at http://localhost:8080/invocations.");
        assertThat(e.hint()).contains("agentcore launch --local");
    }
}
