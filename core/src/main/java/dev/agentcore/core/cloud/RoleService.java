package dev.agentcore.core.cloud;

import java.util.Map;
import java.util.Optional;

/** IAM roles. */
public interface RoleService {

    record Role(String name, String arn, String trustPolicyJson, Map<String, String> tags) { }

    Optional<Role> findRole(String name);

    /** Creates the role; when it already exists, returns the existing one. */
    Role createRole(String name, String trustPolicyJson, String description, Map<String, String> tags);

    void putRolePolicy(String roleName, String policyName, String policyJson);

    /** Removes inline and attached policies, then the role; false when it was already gone. */
    boolean deleteRole(String roleName);
}
