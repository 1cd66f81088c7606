package dev.agentcore.cli.command;

import dev.agentcore.core.testing.FakeDataPlane;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error class the data plane returns becomes one line, a hint and exit 1; never a stack trace. */
class InvokeErrorCommandTest extends DeployedAgentOnFakeDataPlane {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400|ValidationException|Invalid payload|Error: Invalid request: Invalid payload|session id",
            "404|ResourceNotFoundException|No endpoint DEFAULT|Error: Not found: No endpoint DEFAULT|agentcore launch",
            "403|AccessDeniedException|User is not authorized|Error: Access denied: User is not authorized|log in again",
            "429|ThrottlingException|Rate exceeded|Error: Throttled by AgentCore: Rate exceeded|Wait a moment",
            "402|ServiceQuotaExceededException|Too many sessions|Error: Service quota exceeded: Too many sessions|quota",
            "409|ConflictException|Session busy|Error: Conflict: Session busy|session",
            "500|InternalServerException|Boom|Error: AgentCore service error (HTTP 500): Boom|Retry",
            "424|RuntimeClientError|Received error (500) from runtime|Error: The agent failed (HTTP 424): Received "
                    + "error (500) from runtime|aws logs tail /aws/bedrock-agentcore/runtimes/my_agent-AbCdEf1234-DEFAULT"
                    + " --since 1h --region us-west-2",
            "400|ValidationException|Invocation of model ID anthropic.claude-haiku-4-5-20251001-v1:0 with on-demand "
                    + "throughput isn't supported.|Error: Invalid request: Invocation of model ID|prefix (e.g. us. or eu.)",
            "424|RuntimeClientError|AccessDeniedException: You don't have access to the model with the specified model"
                    + " ID.|Error: The agent failed (HTTP 424)|request access to the model",
    })
    void serviceErrorsAreOneClearLine(int status, String type, String message, String expectedLine,
                                      String expectedHint) {
        // the SDK retries throttling and server errors: the same answer every time
        fake.thenRepeatedly(4, FakeDataPlane.error(status, type, message));
        var r = cli.run("invoke", "hi");
        r.expectExit(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(expectedLine).containsIgnoringCase("Hint: ")
                .doesNotContain("\tat ", "Exception:" + " " + "software");
        assertThat(r.err().toLowerCase()).contains(expectedHint.toLowerCase());
    }
}
