package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.AccountService;
import dev.agentcore.core.cloud.BuildService;
import dev.agentcore.core.cloud.Cloud;
import dev.agentcore.core.cloud.ContainerRegistry;
import dev.agentcore.core.cloud.LogService;
import dev.agentcore.core.cloud.ObjectStore;
import dev.agentcore.core.cloud.RoleService;
import dev.agentcore.core.cloud.RuntimeService;

/**
 * {@link Cloud} over the AWS SDK. Each service (and with it its SDK client) is built on first use, so a command
 * that never touches CodeBuild never pays for its client.
 */
public final class AwsCloud implements Cloud {

    private final AwsClients clients;
    private AccountService account;
    private ContainerRegistry registry;
    private RoleService roles;
    private ObjectStore objects;
    private BuildService builds;
    private LogService logs;
    private RuntimeService runtimes;

    public AwsCloud(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String region() {
        return clients.region();
    }

    @Override
    public synchronized AccountService account() {
        return account != null ? account : (account = new StsAccount(clients.sts()));
    }

    @Override
    public synchronized ContainerRegistry registry() {
        return registry != null ? registry : (registry = new EcrRegistry(clients.ecr()));
    }

    @Override
    public synchronized RoleService roles() {
        return roles != null ? roles : (roles = new IamRoles(clients.iam()));
    }

    @Override
    public synchronized ObjectStore objects() {
        return objects != null ? objects : (objects = new S3Objects(clients.s3()));
    }

    @Override
    public synchronized BuildService builds() {
        return builds != null ? builds : (builds = new CodeBuildBuilds(clients.codeBuild()));
    }

    @Override
    public synchronized LogService logs() {
        return logs != null ? logs : (logs = new CloudWatchLogReader(clients.logs()));
    }

    @Override
    public synchronized RuntimeService runtimes() {
        return runtimes != null ? runtimes : (runtimes = new AgentCoreRuntimes(clients.agentCoreControl()));
    }
}
