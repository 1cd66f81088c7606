package dev.agentcore.core.aws;

import dev.agentcore.core.Redaction;
import dev.agentcore.core.cloud.CloudException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** AWS echoes the expected canonical request, session token included, when a signature does not match. */
class SignatureMismatchRedactionTest {

    static final String TOKEN = "IQoJb3JpZ2luX2VjEHardeningToken/abc+def==";

    /** The shape of AWS's answer (SignatureDoesNotMatch / InvalidSignatureException). */
    public static String awsMessage(String token) {
        return "The request signature we calculated does not match the signature you provided. Check your AWS "
                + "Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                + "The Canonical String for this request should have been\n'POST\n/\n\n"
                + "content-type:application/x-www-form-urlencoded\nhost:sts.us-west-2.amazonaws.com\n"
                + "x-amz-date:20261125T170000Z\nx-amz-security-token:" + token + "\n\n"
                + "content-type;host;x-amz-date;x-amz-security-token\n" + "e3b0c442".repeat(8) + "'\n\n"
                + "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20261125T170000Z\n...'\n";
    }

    @Test
    void theSessionTokenInACanonicalRequestIsHidden() {
        String redacted = Redaction.secrets(awsMessage(TOKEN));
        assertThat(redacted).doesNotContain(TOKEN).contains("x-amz-security-token:<redacted>\n")
                .contains("The request signature we calculated does not match");
    }

    @Test
    void bearerTokensAndSecretKeysAreHiddenAndOrdinaryTextIsKept() {
        assertThat(Redaction.secrets("Authorization: Bearer eyJhbGciOi.payload.sig rejected"))
                .isEqualTo("Authorization: Bearer <redacted> rejected");
        assertThat(Redaction.secrets("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG"))
                .isEqualTo("aws_secret_access_key = <redacted>");
        assertThat(Redaction.secrets("?X-Amz-Security-Token=abc%2Bdef&X-Amz-Date=1"))
                .isEqualTo("?X-Amz-Security-Token=<redacted>&X-Amz-Date=1");
        assertThat(Redaction.secrets("Your bearer token may be expired; Bearer abc is short"))
                .isEqualTo("Your bearer token may be expired; Bearer abc is short");
        assertThat(Redaction.secrets("Role validation failed for role x"))
                .isEqualTo("Role validation failed for role x");
        assertThat(Redaction.secrets(null)).isNull();
    }

    @Test
    void cloudExceptionsCarryTheRedactedMessage() {
        CloudException e = AwsErrors.translate("STS", AwsErrorsTest.error("SignatureDoesNotMatch", 403,
                awsMessage(TOKEN)));
        assertThat(e.kind()).isEqualTo(CloudException.Kind.CREDENTIALS);
        assertThat(e.getMessage()).doesNotContain(TOKEN).contains("SignatureDoesNotMatch");
    }
}
