package dev.agentcore.core.cloud;

/**
 * The services a flow talks to. Implementations are created lazily: a command that never touches a service never
 * builds its SDK client.
 */
public interface Cloud {
    String region();

    AccountService account();

    ContainerRegistry registry();

    RoleService roles();

    ObjectStore objects();

    BuildService builds();

    LogService logs();

    RuntimeService runtimes();
}
