package dev.agentcore.core.invoke;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcore.model.StopRuntimeSessionRequest;
import software.amazon.awssdk.services.bedrockagentcore.model.StopRuntimeSessionResponse;

import java.util.function.Supplier;

/**
 * The data plane through the SDK (SigV4). The answer is handed over as a {@link ResponseInputStream}, so a streamed
 * answer is read as the runtime sends it rather than after it ends.
 */
public final class SdkDataPlane implements DataPlane {

    private final Supplier<BedrockAgentCoreClient> client;

    /** The client is asked for only when a call is made, so building it costs nothing until then. */
    public SdkDataPlane(Supplier<BedrockAgentCoreClient> client) {
        this.client = client;
    }

    @Override
    public AgentResponse invoke(InvocationRequest request) {
        AwsRequestOverrideConfiguration.Builder override = AwsRequestOverrideConfiguration.builder();
        request.headers().values().forEach(override::putHeader);
        InvokeAgentRuntimeRequest.Builder call = InvokeAgentRuntimeRequest.builder()
                .agentRuntimeArn(request.agentArn())
                .qualifier(request.qualifier())
                .runtimeSessionId(request.sessionId())
                .contentType("application/json")
                .accept(InvocationRequest.ACCEPT)
                .payload(SdkBytes.fromUtf8String(request.payload().json()))
                .overrideConfiguration(override.build());
        if (request.userId() != null) {
            call.runtimeUserId(request.userId());
        }
        ResponseInputStream<InvokeAgentRuntimeResponse> stream = call(() -> client.get().invokeAgentRuntime(call.build()));
        InvokeAgentRuntimeResponse response = stream.response();
        int status = response.statusCode() == null ? 200 : response.statusCode();
        String session = response.runtimeSessionId() == null ? request.sessionId() : response.runtimeSessionId();
        return new AgentResponse(status, response.contentType(), session, stream);
    }

    @Override
    public int stopSession(String agentArn, String qualifier, String sessionId) {
        StopRuntimeSessionResponse response = call(() -> client.get().stopRuntimeSession(StopRuntimeSessionRequest
                .builder().agentRuntimeArn(agentArn).qualifier(qualifier).runtimeSessionId(sessionId).build()));
        return response.statusCode() == null ? 200 : response.statusCode();
    }

    private static <T> T call(Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                    ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new DataPlaneException(e.statusCode(), code == null ? "ServiceError" : code, message, e);
        } catch (SdkClientException e) {
            throw new DataPlaneException(0, DataPlaneException.CLIENT_ERROR, e.getMessage(), e);
        }
    }
}
