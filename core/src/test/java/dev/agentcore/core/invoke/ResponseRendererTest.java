package dev.agentcore.core.invoke;

import dev.agentcore.core.testing.FlushedWriter;
import dev.agentcore.core.testing.Poll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseRendererTest {

    static AgentResponse response(String contentType, String body) {
        return new AgentResponse(200, contentType, "s", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    static String render(OutputMode mode, String contentType, String body) throws Exception {
        StringWriter out = new StringWriter();
        new ResponseRenderer(out, mode).render(response(contentType, body));
        return out.toString();
    }

    @Test
    void eachEventIsWrittenAndFlushedBeforeTheNextArrives() throws Exception {
        PipedOutputStream agent = new PipedOutputStream();
        PipedInputStream body = new PipedInputStream(agent);
        StringWriter seen = new StringWriter();
        ResponseRenderer renderer = new ResponseRenderer(new FlushedWriter(seen), OutputMode.PLAIN);
        CompletableFuture<Boolean> rendering = CompletableFuture.supplyAsync(() -> {
            try {
                return renderer.render(new AgentResponse(200, "text/event-stream; charset=utf-8", "s", body));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        agent.write("data: \"first \"\n\n".getBytes(StandardCharsets.UTF_8));
        agent.flush();
        assertThat(Poll.until(() -> seen.toString().equals("first "))).as("first event shown alone").isTrue();
        // a character split across two writes must come out whole
        byte[] umlaut = "data: \"grün\"\n\n".getBytes(StandardCharsets.UTF_8);
        agent.write(umlaut, 0, 11);
        agent.flush();
        agent.write(umlaut, 11, umlaut.length - 11);
        agent.flush();
        assertThat(Poll.until(() -> seen.toString().equals("first grün"))).as("second event shown").isTrue();
        agent.close();
        assertThat(rendering.get()).isTrue();
        assertThat(seen.toString()).isEqualTo("first grün\n");
    }

    @Test
    void sseFramingIsRemovedAndJsonEventsAreReadable() throws Exception {
        String stream = "event: message\nid: 1\ndata: \"Hello\"\n\n: keep-alive\n\ndata: \", world\"\n\n"
                + "data: {\"tool\": \"calc\",\n" + "data:  \"result\": 4}\n\n"
                + "data: not json\n\n" + "data: {\"unterminated\": true}";
        assertThat(render(OutputMode.PLAIN, "text/event-stream", stream))
                .isEqualTo("Hello, world\n{\"tool\":\"calc\",\"result\":4}\nnot json\n{\"unterminated\":true}\n");
        assertThat(render(OutputMode.TERMINAL, "text/event-stream", "data: {\"a\": 1}\n\n"))
                .isEqualTo("{\n  \"a\" : 1\n}\n");
    }

    @Test
    void jsonModeWritesOneJsonValuePerEvent() throws Exception {
        String stream = "data: \"Hi\"\n\ndata: {\"a\":1}\n\ndata: raw text\n\n";
        assertThat(render(OutputMode.JSON, "text/event-stream", stream))
                .isEqualTo("\"Hi\"\n{\"a\":1}\n\"raw text\"\n");
    }

    @Test
    void aJsonAnswerIsPrettyOnATerminalAndCompactOtherwise() throws Exception {
        String body = "{\"result\": {\"text\": \"Grüße\"}}";
        assertThat(render(OutputMode.TERMINAL, "application/json", body))
                .isEqualTo("{\n  \"result\" : {\n    \"text\" : \"Grüße\"\n  }\n}\n");
        assertThat(render(OutputMode.PLAIN, "application/json", body)).isEqualTo("{\"result\":{\"text\":\"Grüße\"}}\n");
        assertThat(render(OutputMode.JSON, "application/json", body)).isEqualTo("{\"result\":{\"text\":\"Grüße\"}}\n");
    }

    @Test
    void textAnswersAndEmptyAnswers() throws Exception {
        assertThat(render(OutputMode.PLAIN, "text/plain", "just text")).isEqualTo("just text\n");
        assertThat(render(OutputMode.JSON, "text/plain", "just text")).isEqualTo("\"just text\"\n");
        assertThat(render(OutputMode.TERMINAL, "application/json", "\"a json string\"")).isEqualTo("a json string\n");
        StringWriter out = new StringWriter();
        assertThat(new ResponseRenderer(out, OutputMode.PLAIN).render(response("application/json", ""))).isFalse();
        assertThat(out.toString()).isEmpty();
    }
}
