package dev.agentcore.core.configure;

import dev.agentcore.core.AgentCoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigureValidatorTest {

    private static void invalid(Executable call, String message) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(AgentCoreException.class,
                e -> assertThat(e.exitCode()).isEqualTo(2)).hasMessageContaining(message);
    }

    @Test
    void protocolIsCaseInsensitiveAndStoredUpperCase() {
        assertThat(ConfigureValidator.protocol("a2a")).isEqualTo("A2A");
        assertThat(ConfigureValidator.protocol(null)).isEqualTo("HTTP");
        invalid(() -> ConfigureValidator.protocol("grpc"), "--protocol must be one of HTTP, MCP, A2A");
    }

    @Test
    void lifecycleLimits() {
        ConfigureValidator.lifecycle(60, 28800);
        ConfigureValidator.lifecycle(900, null);
        invalid(() -> ConfigureValidator.lifecycle(900, 600), "--idle-timeout (900s) must be <= --max-lifetime (600s)");
        invalid(() -> ConfigureValidator.lifecycle(59, null), "--idle-timeout must be between 60 and 28800");
        invalid(() -> ConfigureValidator.lifecycle(null, 28801), "--max-lifetime must be between 60 and 28800");
    }

    @Test
    void vpcNeedsBothListsOfWellFormedIds() {
        assertThat(ConfigureValidator.network(false, null, null)).isEqualTo(ConfigureValidator.Network.PUBLIC);
        ConfigureValidator.Network vpc = ConfigureValidator.network(true, "subnet-0abc1234, subnet-0def56789",
                "sg-0abc12345");
        assertThat(vpc.mode()).isEqualTo("VPC");
        assertThat(vpc.subnets()).containsExactly("subnet-0abc1234", "subnet-0def56789");
        invalid(() -> ConfigureValidator.network(true, "subnet-0abc1234", null), "requires both --subnets and --security-groups");
        invalid(() -> ConfigureValidator.network(false, "subnet-0abc1234", null), "require --vpc");
        invalid(() -> ConfigureValidator.network(true, "net-0abc1234", "sg-0abc12345"), "must start with 'subnet-'");
        invalid(() -> ConfigureValidator.network(true, "subnet-12", "sg-0abc12345"), "Invalid subnet ID: subnet-12");
        invalid(() -> ConfigureValidator.network(true, "subnet-0abc1234", "sg-1"), "Invalid security group ID: sg-1");
    }

    @Test
    void rolesAreArnsOrNames() {
        assertThat(ConfigureValidator.role("arn:aws:iam::123456789012:role/service-role/MyRole", "-er"))
                .isEqualTo("arn:aws:iam::123456789012:role/service-role/MyRole");
        assertThat(ConfigureValidator.role("arn:aws-cn:iam::123456789012:role/R", "-er")).startsWith("arn:aws-cn");
        assertThat(ConfigureValidator.role("MyRole", "-er")).isEqualTo("MyRole");
        assertThat(ConfigureValidator.role(" ", "-er")).isNull();
        invalid(() -> ConfigureValidator.role("arn:aws:iam::123:role/R", "--execution-role"), "Invalid role ARN for --execution-role");
        invalid(() -> ConfigureValidator.role("my role", "-er"), "Invalid role name");
    }

    @Test
    void ecrIsAutoUriOrName() {
        assertThat(ConfigureValidator.ecr("auto")).isNull();
        assertThat(ConfigureValidator.ecr("123456789012.dkr.ecr.us-west-2.amazonaws.com/my-repo")).endsWith("/my-repo");
        assertThat(ConfigureValidator.ecr("team/my-repo")).isEqualTo("team/my-repo");
        invalid(() -> ConfigureValidator.ecr("My Repo"), "Invalid ECR repository");
    }

    @Test
    void containerRuntimeAndRegion() {
        assertThat(ConfigureValidator.containerRuntime("Podman")).isEqualTo("podman");
        assertThat(ConfigureValidator.containerRuntime(null)).isNull();
        invalid(() -> ConfigureValidator.containerRuntime("lxc"), "Unknown container runtime 'lxc'");
        assertThat(ConfigureValidator.region("us-gov-west-1")).isEqualTo("us-gov-west-1");
        invalid(() -> ConfigureValidator.region("oregon"), "does not look like an AWS region");
    }

    @Test
    void headerAllowlist() {
        assertThat(ConfigureValidator.headerAllowlist("Authorization, X-Amzn-Bedrock-AgentCore-Runtime-Custom-*"))
                .containsExactly("Authorization", "X-Amzn-Bedrock-AgentCore-Runtime-Custom-*");
        assertThat(ConfigureValidator.headerAllowlist(null)).isNull();
        invalid(() -> ConfigureValidator.headerAllowlist(","), "Empty request header allowlist provided");
        invalid(() -> ConfigureValidator.headerAllowlist("Bad Header"), "Invalid header name");
    }

    @Test
    void authorizerJson() {
        Map<String, Object> ok = ConfigureValidator.authorizer("{\"customJWTAuthorizer\": {\"discoveryUrl\": "
                + "\"https://idp.example.com/.well-known/openid-configuration\", \"allowedClients\": [\"c1\"]}}");
        assertThat(ok).containsKey("customJWTAuthorizer");
        invalid(() -> ConfigureValidator.authorizer("{not json"), "Invalid JSON in --authorizer-config");
        invalid(() -> ConfigureValidator.authorizer("[1]"), "must be a JSON object");
        invalid(() -> ConfigureValidator.authorizer("{\"customJWTAuthorizer\": {\"discoveryUrl\": \"https://x\"}}"),
                "/.well-known/openid-configuration");
        Map<String, Object> built = ConfigureValidator.customJwtAuthorizer(
                "https://idp/.well-known/openid-configuration", "a, b", "", null);
        assertThat(built).isEqualTo(Map.of("customJWTAuthorizer", Map.of(
                "discoveryUrl", "https://idp/.well-known/openid-configuration", "allowedClients", List.of("a", "b"))));
        invalid(() -> ConfigureValidator.customJwtAuthorizer("https://idp/.well-known/openid-configuration", "", "", ""),
                "At least one of");
        invalid(() -> ConfigureValidator.customJwtAuthorizer(" ", "a", "", ""), "OAuth discovery URL is required");
    }
}
