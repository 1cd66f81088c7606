package dev.agentcore.cli.command;

import dev.agentcore.core.AgentCoreException;

import java.util.concurrent.Callable;

/** The --local / --local-build / --stop part of launch. */
final class LocalLaunch implements Callable<Integer> {

    private final LaunchCommand options;

    LocalLaunch(LaunchCommand options) {
        this.options = options;
    }

    @Override
    public Integer call() {
        throw AgentCoreException.failure("'agentcore launch --local' is not built yet in this version.");
    }
}
