package dev.agentcore.core.templates;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplatesTest {

    @Test
    void fillsEveryPlaceholderAndKeepsTheRest() {
        assertThat(Templates.fill("a {{x}} b {{ y }} $1 \\", Map.of("x", "1", "y", "$2"), "t"))
                .isEqualTo("a 1 b $2 $1 \\");
    }

    @Test
    void aPlaceholderWithoutValueIsAnError() {
        assertThatThrownBy(() -> Templates.fill("{{missing}}", Map.of(), "t")).hasMessageContaining("missing");
    }
}
