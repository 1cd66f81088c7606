package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.cloud.RoleService;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IAM roles for the runtime and for CodeBuild. */
final class IamRoles implements RoleService {

    private static final String SERVICE = "IAM";

    private final IamClient iam;

    IamRoles(IamClient iam) {
        this.iam = iam;
    }

    @Override
    public Optional<Role> findRole(String name) {
        try {
            var r = AwsErrors.call(SERVICE, () -> iam.getRole(b -> b.roleName(name))).role();
            Map<String, String> tags = new LinkedHashMap<>();
            r.tags().forEach(t -> tags.put(t.key(), t.value()));
            return Optional.of(new Role(r.roleName(), r.arn(), decode(r.assumeRolePolicyDocument()), tags));
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Role createRole(String name, String trustPolicyJson, String description, Map<String, String> tags) {
        try {
            var r = AwsErrors.call(SERVICE, () -> iam.createRole(b -> b.roleName(name)
                    .assumeRolePolicyDocument(trustPolicyJson).description(description)
                    .tags(tags.entrySet().stream()
                            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList())))
                    .role();
            return new Role(r.roleName(), r.arn(), trustPolicyJson, Map.copyOf(tags));
        } catch (CloudException e) {
            if (e.is(Kind.ALREADY_EXISTS)) {
                return findRole(name).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    @Override
    public void putRolePolicy(String roleName, String policyName, String policyJson) {
        AwsErrors.run(SERVICE, () -> iam.putRolePolicy(b -> b.roleName(roleName).policyName(policyName)
                .policyDocument(policyJson)));
    }

    @Override
    public boolean deleteRole(String roleName) {
        try {
            List<String> attached = AwsErrors.call(SERVICE, () -> iam.listAttachedRolePoliciesPaginator(
                    b -> b.roleName(roleName)).attachedPolicies().stream().map(p -> p.policyArn()).toList());
            for (String arn : attached) {
                AwsErrors.run(SERVICE, () -> iam.detachRolePolicy(b -> b.roleName(roleName).policyArn(arn)));
            }
            List<String> inline = AwsErrors.call(SERVICE, () -> iam.listRolePoliciesPaginator(
                    b -> b.roleName(roleName)).policyNames().stream().toList());
            for (String policy : inline) {
                AwsErrors.run(SERVICE, () -> iam.deleteRolePolicy(b -> b.roleName(roleName).policyName(policy)));
            }
            AwsErrors.run(SERVICE, () -> iam.deleteRole(b -> b.roleName(roleName)));
            return true;
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    /** IAM hands policy documents back URL-encoded. */
    private static String decode(String document) {
        if (document == null) {
            return null;
        }
        // an encoded document starts with "%7B" ({); a plain one must not go through the decoder ('+' -> ' ')
        return document.trim().regionMatches(true, 0, "%7B", 0, 3)
                ? URLDecoder.decode(document, StandardCharsets.UTF_8) : document;
    }
}
