package dev.agentcore.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcore.core.aws.AwsClients;
import dev.agentcore.core.aws.AwsSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.Map;

/**
 * The JVM's shared {@link Emulator} as a test class sees the account behind it: raw SDK clients, to check what the
 * tool left there without going through the tool, and the emulator's state. Register it with
 * {@code @RegisterExtension static final EmulatedAccount account = new EmulatedAccount();}.
 *
 * <p>The clients are the class's own and closed after it; the emulator outlives them, later classes use it too.
 */
public final class EmulatedAccount implements BeforeAllCallback, AfterAllCallback {

    private Emulator emulator;
    private AwsClients aws;

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = Emulator.shared();
        aws = new AwsClients(new AwsSettings(null, null, null, emulator.env()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (aws != null) { // null when the emulator did not start: that failure is the one to report
            aws.close();
        }
    }

    public Map<String, String> env() {
        return emulator.env();
    }

    public String state() {
        return emulator.state();
    }

    public JsonNode stateTree() {
        return emulator.stateTree();
    }

    public void reset() {
        emulator.reset();
    }

    public StsClient sts() {
        return aws.sts();
    }

    public IamClient iam() {
        return aws.iam();
    }

    public EcrClient ecr() {
        return aws.ecr();
    }

    public S3Client s3() {
        return aws.s3();
    }

    public CodeBuildClient codeBuild() {
        return aws.codeBuild();
    }

    public CloudWatchLogsClient logs() {
        return aws.logs();
    }

    public BedrockAgentCoreControlClient agentCoreControl() {
        return aws.agentCoreControl();
    }
}
