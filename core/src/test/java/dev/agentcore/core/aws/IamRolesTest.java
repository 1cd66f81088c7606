package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.cloud.RoleService;
import dev.agentcore.core.testing.Emulator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IamRolesTest {

    final RoleService iam = EmulatedAws.cloud().roles();

    @Test
    void createFindAndReuseATaggedRole() {
        String name = EmulatedAws.unique("AmazonBedrockAgentCoreSDKRuntime-");
        assertThat(iam.findRole(name)).isEmpty();
        String trust = EmulatedAws.trustPolicy("bedrock-agentcore.amazonaws.com");

        var created = iam.createRole(name, trust, "Execution role", Map.of("agentcore:agent", "demo"));
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + Emulator.ACCOUNT + ":role/" + name);

        var found = iam.findRole(name).orElseThrow();
        assertThat(found.trustPolicyJson()).startsWith("{").contains("\"bedrock-agentcore.amazonaws.com\"");
        assertThat(found.tags()).containsEntry("agentcore:agent", "demo");
        assertThat(iam.createRole(name, trust, "again", Map.of()).arn()).isEqualTo(created.arn());
    }

    @Test
    void deleteRemovesInlineAndAttachedPoliciesFirst() {
        String name = EmulatedAws.unique("role-");
        iam.createRole(name, EmulatedAws.trustPolicy("codebuild.amazonaws.com"), "d", Map.of());
        iam.putRolePolicy(name, "CodeBuildExecutionPolicy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");
        var raw = EmulatedAws.clients().iam();
        String policyArn = raw.createPolicy(b -> b.policyName(EmulatedAws.unique("p-")).policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"))
                .policy().arn();
        raw.attachRolePolicy(b -> b.roleName(name).policyArn(policyArn));

        assertThat(iam.deleteRole(name)).isTrue();
        assertThat(iam.findRole(name)).isEmpty();
        assertThat(iam.deleteRole(name)).isFalse();
    }

    @Test
    void policyOnAMissingRoleIsNotFound() {
        CloudException e = catchThrowableOfType(CloudException.class,
                () -> iam.putRolePolicy(EmulatedAws.unique("none-"), "p", "{}"));
        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.service()).isEqualTo("IAM");
    }
}
