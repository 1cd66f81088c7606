package dev.agentcore.core.local;

import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A project folder holding a copy of examples/echo_agent and the config configure would write for it (container
 * agent 'echo', entrypoint and source path absolute), plus a plain HTTP client for its endpoint.
 */
public final class EchoProject {

    private EchoProject() {
    }

    /** The repository's examples/echo_agent, found from the module's working directory. */
    public static Path exampleDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples").resolve("echo_agent");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/echo_agent not found above " + here);
    }

    public static Path create(Path dir) throws IOException {
        Path project = Files.createDirectories(dir.resolve("proj"));
        try (Stream<Path> files = Files.list(exampleDir())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, project.resolve(f.getFileName()));
                }
            }
        }
        configure(project, "echo", project.resolve("agent.py"));
        return project;
    }

    /** Writes a config for an agent whose entrypoint is the given file, with a Dockerfile where configure puts it. */
    public static void configure(Path project, String name, Path entrypoint) throws IOException {
        AgentConfig agent = AgentConfig.newContainerAgent(name, entrypoint.toString(), entrypoint.getParent().toString());
        agent.setRegion("us-west-2");
        new ConfigStore(project).update(cfg -> {
            cfg.putAgent(agent);
            return null;
        });
        Path dockerfile = project.resolve(".bedrock_agentcore").resolve(name).resolve("Dockerfile");
        Files.createDirectories(dockerfile.getParent());
        Files.writeString(dockerfile, "FROM python:3.11-slim\nCOPY . .\nCMD [\"python\", \"-m\", \"agent\"]\n");
    }

    /** POST /invocations with a JSON body; returns the response body. */
    public static String invoke(int port, String json) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/invocations").toURL()
                .openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = c.getResponseCode() >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }
}
