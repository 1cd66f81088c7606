package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;

class AwsErrorsTest {

    static AwsServiceException error(String code, int status, String message) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void errorCodesDecideTheKindAndTheServiceMessageIsKept() {
        CloudException e = AwsErrors.translate("IAM", error("NoSuchEntity", 404, "The role with name x cannot be found."));
        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("The role with name x cannot be found.");
        assertThat(e.service()).isEqualTo("IAM");
        assertThat(e.errorCode()).isEqualTo("NoSuchEntity");
        assertThat(e.statusCode()).isEqualTo(404);

        assertThat(AwsErrors.translate("ECR", error("RepositoryAlreadyExistsException", 400, "m")).kind())
                .isEqualTo(Kind.ALREADY_EXISTS);
        assertThat(AwsErrors.translate("AgentCore", error("ConflictException", 409, "m")).kind())
                .isEqualTo(Kind.CONFLICT);
        assertThat(AwsErrors.translate("AgentCore", error("ValidationException", 400, "m")).kind())
                .isEqualTo(Kind.VALIDATION);
        assertThat(AwsErrors.translate("STS", error("Throttling", 400, "Rate exceeded")).kind())
                .isEqualTo(Kind.THROTTLED);
        assertThat(AwsErrors.translate("S3", error("AccessDenied", 403, "Access Denied")).kind())
                .isEqualTo(Kind.ACCESS_DENIED);
    }

    @Test
    void statusDecidesWhenTheBodyHasNoCode() {
        // S3 HEAD answers carry no body
        assertThat(AwsErrors.translate("S3", error(null, 404, null)).kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(AwsErrors.translate("S3", error(null, 403, null)).kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(AwsErrors.translate("S3", error(null, 500, null)).kind()).isEqualTo(Kind.OTHER);
        assertThat(AwsErrors.translate("S3", error(null, 500, null)).getMessage()).contains("S3").contains("500");
    }

    @Test
    void rejectedOrMissingCredentialsSayWhatToDo() {
        CloudException expired = AwsErrors.translate("STS", error("ExpiredToken", 400,
                "The security token included in the request is expired"));
        assertThat(expired.kind()).isEqualTo(Kind.CREDENTIALS);
        assertThat(expired.getMessage()).contains("is expired").contains("aws sso login");

        CloudException none = AwsErrors.translate("ECR", SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain"));
        assertThat(none.kind()).isEqualTo(Kind.CREDENTIALS);
        assertThat(none.getMessage()).contains("aws configure");

        CloudException network = AwsErrors.translate("ECR", SdkClientException.create("Connection refused"));
        assertThat(network.kind()).isEqualTo(Kind.OTHER);
        assertThat(network.getMessage()).contains("ECR").contains("Connection refused");
    }
}
