package dev.agentcore.core.launch;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;

import java.util.function.Consumer;

/**
 * Writes one agent's state to {@code .bedrock_agentcore.yaml} as soon as something exists, so an interrupted launch
 * leaves a file that knows what was created. Serialised in-process: concurrent ensure-steps share one file lock,
 * which the JVM does not let two threads hold at once.
 */
final class AgentRecord {

    private final ConfigStore store;
    private final String agent;

    AgentRecord(ConfigStore store, String agent) {
        this.store = store;
        this.agent = agent;
    }

    synchronized void update(Consumer<AgentConfig> change) {
        store.update(project -> {
            AgentConfig config = project.agent(agent).orElseThrow(() -> AgentCoreException.failure(
                    "Agent '" + agent + "' disappeared from " + store.file() + " during the launch.",
                    "Run 'agentcore configure' for it again, then rerun 'agentcore launch'."));
            change.accept(config);
            return null;
        });
    }

    /** Remembers that this tool created the resource, so destroy removes it (and nothing it did not create). */
    void created(String kind, String id) {
        update(config -> config.setCreatedResource(kind, id));
    }
}
