package dev.agentcore.core.cloud;

/** STS. */
public interface AccountService {
    CallerIdentity callerIdentity();
}
