package dev.agentcore.core.naming;

import dev.agentcore.core.AgentCoreException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentNameTest {

    private static final String A48 = "a".repeat(48);
    private static final String A49 = "a".repeat(49);

    @ParameterizedTest
    @ValueSource(strings = {"a", "my_agent", "Agent1", "a_1_b", "Z"})
    void acceptsNamesTheApiAccepts(String name) {
        assertThat(AgentName.isValid(name)).isTrue();
        assertThat(AgentName.require(name)).isEqualTo(name);
    }

    @org.junit.jupiter.api.Test
    void fortyEightIsTheLongestAccepted() {
        assertThat(AgentName.isValid(A48)).isTrue();
        assertThat(AgentName.isValid(A49)).isFalse();
        assertThat(AgentName.problem(A49)).contains("49 characters");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|it is empty|agent",
            "my-agent|contains '-'|my_agent",
            "my agent|contains ' '|my_agent",
            "my.agent|contains '.'|my_agent",
            "agént|contains 'é'|ag_nt",
            "1agent|starts with '1'|agent_1agent",
            "_agent|starts with '_'|agent",
    })
    void rejectsWithTheBrokenRuleAndAValidSuggestion(String name, String problem, String suggestion) {
        assertThat(AgentName.problem(name)).contains(problem);
        assertThat(AgentName.suggest(name)).isEqualTo(suggestion);
        assertThat(AgentName.isValid(AgentName.suggest(name))).isTrue();
        assertThatThrownBy(() -> AgentName.require(name))
                .isInstanceOf(AgentCoreException.class)
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((AgentCoreException) e).exitCode()).isEqualTo(2))
                .satisfies(e -> assertThat(((AgentCoreException) e).hint()).contains(suggestion));
    }

    @org.junit.jupiter.api.Test
    void suggestionOfAnOverlongNameIsCutToTheLimit() {
        assertThat(AgentName.suggest(A49 + "-x")).hasSize(48);
    }

    @ParameterizedTest
    @CsvSource({"my_agent,my_agent", "My__Agent,my-agent", "a,a-agent"})
    void ecrRepositoryNamesFollowThePythonSanitizer(String agent, String repo) {
        assertThat(AgentName.ecrRepositoryName(agent)).isEqualTo(repo);
    }
}
