package dev.agentcore.core.launch;

/**
 * One call of a launch plan: what it does (service and operation), to which resource and why. The dry run prints
 * the steps; the real run executes the same list.
 */
public record Step(Kind kind, String resource, String why) {

    /**
     * Independent resources are ensured concurrently: consecutive steps with a chain run one chain per thread, in
     * order within the chain.
     */
    public enum Chain { REPOSITORY, RUNTIME_ROLE, BUILD_ROLE, BUCKET }

    public enum Kind {
        CREATE_REPOSITORY("ECR", "CreateRepository", Chain.REPOSITORY),
        CREATE_RUNTIME_ROLE("IAM", "CreateRole", Chain.RUNTIME_ROLE),
        PUT_RUNTIME_ROLE_POLICY("IAM", "PutRolePolicy", Chain.RUNTIME_ROLE),
        CREATE_BUILD_ROLE("IAM", "CreateRole", Chain.BUILD_ROLE),
        PUT_BUILD_ROLE_POLICY("IAM", "PutRolePolicy", Chain.BUILD_ROLE),
        CREATE_BUCKET("S3", "CreateBucket", Chain.BUCKET),
        PUT_BUCKET_LIFECYCLE("S3", "PutBucketLifecycleConfiguration", Chain.BUCKET),
        UPLOAD_SOURCE("S3", "PutObject", null),
        CREATE_PROJECT("CodeBuild", "CreateProject", null),
        UPDATE_PROJECT("CodeBuild", "UpdateProject", null),
        START_BUILD("CodeBuild", "StartBuild", null),
        WAIT_BUILD("CodeBuild", "BatchGetBuilds", null),
        CREATE_RUNTIME("AgentCore", "CreateAgentRuntime", null),
        UPDATE_RUNTIME("AgentCore", "UpdateAgentRuntime", null),
        WAIT_RUNTIME("AgentCore", "GetAgentRuntime", null),
        CHECK_ENDPOINT("AgentCore", "GetAgentRuntimeEndpoint", null);

        private final String service;
        private final String operation;
        private final Chain chain;

        Kind(String service, String operation, Chain chain) {
            this.service = service;
            this.operation = operation;
            this.chain = chain;
        }

        /** False for the polling reads that follow a mutating call. */
        public boolean mutating() {
            return this != WAIT_BUILD && this != WAIT_RUNTIME && this != CHECK_ENDPOINT;
        }
    }

    public String service() {
        return kind.service;
    }

    public String operation() {
        return kind.operation;
    }

    public boolean mutating() {
        return kind.mutating();
    }

    public Chain chain() {
        return kind.chain;
    }

    @Override
    public String toString() {
        return kind.service + "." + kind.operation + " " + resource;
    }
}
