package dev.agentcore.core.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcore.core.AgentCoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The JSON document sent to the agent. Text that is not JSON is what a person types at a prompt, so it is sent as
 * {@code {"prompt": "<text>"}}, as the Python tool does.
 */
public record InvokePayload(String json) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * From the command line: the PAYLOAD argument, else --payload-file (relative to {@code baseDir}); "-" in either
     * reads stdin.
     */
    public static InvokePayload from(String argument, String file, Path baseDir, InputStream stdin) {
        if (argument != null && file != null) {
            throw AgentCoreException.invalidInput("Give the payload either as an argument or with --payload-file, "
                    + "not both.");
        }
        if (argument == null && file == null) {
            throw AgentCoreException.invalidInput("No payload given.",
                    "Pass it as an argument, e.g. agentcore invoke '{\"prompt\": \"Hello\"}', or use "
                            + "--payload-file FILE ('-' reads stdin).");
        }
        if ("-".equals(argument) || "-".equals(file)) {
            return of(readStdin(stdin));
        }
        return argument != null ? of(argument) : of(readFile(baseDir.resolve(file)));
    }

    /** JSON as given (re-serialised compactly, characters kept as they are); anything else wrapped as a prompt. */
    public static InvokePayload of(String text) {
        if (text == null || text.isBlank()) {
            throw AgentCoreException.invalidInput("The payload is empty.",
                    "Pass JSON such as '{\"prompt\": \"Hello\"}', or plain text to send as the prompt.");
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node != null && !node.isMissingNode()) {
                return new InvokePayload(MAPPER.writeValueAsString(node));
            }
        } catch (JsonProcessingException notJson) {
            // plain text: wrapped below
        }
        ObjectNode wrapped = MAPPER.createObjectNode().put("prompt", stripFinalNewline(text));
        return new InvokePayload(wrapped.toString());
    }

    private static String stripFinalNewline(String text) {
        // a file or heredoc ends with a newline nobody meant as part of the prompt
        String s = text;
        while (s.endsWith("\n") || s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String readStdin(InputStream stdin) {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot read the payload from stdin: " + e.getMessage());
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw AgentCoreException.invalidInput("Payload file not found: " + file);
        } catch (IOException e) {
            throw AgentCoreException.invalidInput("Cannot read payload file " + file + ": " + e.getMessage());
        }
    }
}
