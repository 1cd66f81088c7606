package dev.agentcore.core.configure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelIdCheckTest {

    private final ModelIdCheck check = ModelIdCheck.packaged();

    @Test
    void aBareClaude45IdGetsTheRegionsProfile() {
        String source = "from strands import Agent\n\nmodel = BedrockModel(model_id=\"anthropic.claude-haiku-4-5-20251001-v1:0\")\n";
        assertThat(check.check("agent.py", source, "us-west-2")).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.modelId()).isEqualTo("anthropic.claude-haiku-4-5-20251001-v1:0");
            assertThat(w.suggestedId()).isEqualTo("us.anthropic.claude-haiku-4-5-20251001-v1:0");
            assertThat(w.message()).startsWith("agent.py:3: model id 'anthropic.claude-haiku-4-5-20251001-v1:0'");
        });
        assertThat(check.check("a.py", "m = 'anthropic.claude-sonnet-4-5-20250929-v1:0'", "ap-southeast-2").get(0)
                .suggestedId()).startsWith("apac.");
        // a family without a profile for the region falls back to the first listed prefix
        assertThat(check.check("a.py", "m = 'anthropic.claude-opus-4-1-20250805-v1:0'", "eu-west-1").get(0)
                .suggestedId()).startsWith("us.");
    }

    @Test
    void profileIdsAndUnknownIdsPassSilently() {
        String source = "a = 'us.anthropic.claude-haiku-4-5-20251001-v1:0'\n"
                + "b = \"global.anthropic.claude-sonnet-4-5-20250929-v1:0\"\n"
                + "c = 'anthropic.claude-3-haiku-20240307-v1:0'\n"
                + "d = 'amazon.titan-embed-text-v2:0'\n"
                + "e = 'config.json'\n";
        assertThat(check.check("agent.py", source, "us-east-1")).isEmpty();
    }
}
