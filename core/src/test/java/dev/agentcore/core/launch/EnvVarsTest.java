package dev.agentcore.core.launch;

import dev.agentcore.core.AgentCoreException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EnvVarsTest {

    @Test
    void parsesKeyValuePairsKeepingEqualsSignsInValues() {
        assertThat(EnvVars.parse(List.of("A=1", "B=x=y", "C="))).containsExactly(
                java.util.Map.entry("A", "1"), java.util.Map.entry("B", "x=y"), java.util.Map.entry("C", ""));
    }

    @Test
    void aFlagWithoutKeyOrEqualsIsInvalidInputWithThePythonMessage() {
        for (String bad : List.of("NOEQUALS", "=value")) {
            AgentCoreException e = catchThrowableOfType(AgentCoreException.class, () -> EnvVars.parse(List.of(bad)));
            assertThat(e.exitCode()).isEqualTo(2);
            assertThat(e.getMessage()).isEqualTo("Invalid environment variable format: " + bad
                    + ". Use KEY=VALUE format.");
        }
    }

    @Test
    void theServiceLimitsAreCheckedHere() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("K" + i + "=v");
        }
        assertThat(catchThrowableOfType(AgentCoreException.class, () -> EnvVars.parse(many)).getMessage())
                .contains("51");
        assertThat(EnvVars.parse(many.subList(0, 50))).hasSize(50);
        String longKey = "K".repeat(101);
        assertThat(catchThrowableOfType(AgentCoreException.class, () -> EnvVars.parse(List.of(longKey + "=v")))
                .exitCode()).isEqualTo(2);
        assertThat(EnvVars.parse(List.of("K".repeat(100) + "=v"))).hasSize(1);
    }

    @Test
    void maskingShowsKeysOnly() {
        assertThat(EnvVars.masked(EnvVars.parse(List.of("TOKEN=abc", "MODE=x")))).isEqualTo("TOKEN=**** MODE=****");
    }
}
