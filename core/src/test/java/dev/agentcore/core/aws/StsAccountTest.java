package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CallerIdentity;
import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.testing.Emulator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StsAccountTest {

    @Test
    void callerIdentityNamesTheAccount() {
        CallerIdentity me = EmulatedAws.cloud().account().callerIdentity();
        assertThat(me.account()).isEqualTo(Emulator.ACCOUNT);
        assertThat(me.partition()).isEqualTo("aws");
    }

    @Test
    void missingCredentialsAreACredentialsProblemWithAHint() {
        Map<String, String> env = new HashMap<>(Emulator.shared().env());
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");
        // a profile that exists nowhere: the SDK finds no credentials for it
        try (AwsClients clients = new AwsClients(new AwsSettings(null, "agentcore-no-such-profile", null, env))) {
            CloudException e = catchThrowableOfType(CloudException.class,
                    () -> new AwsCloud(clients).account().callerIdentity());
            assertThat(e.kind()).isEqualTo(Kind.CREDENTIALS);
            assertThat(e.getMessage()).contains("credentials").contains("aws configure");
        }
    }
}
