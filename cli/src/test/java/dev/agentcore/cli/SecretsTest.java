package dev.agentcore.cli;

import dev.agentcore.core.config.AgentConfig;
import dev.agentcore.core.config.ConfigStore;
import dev.agentcore.core.config.ProjectConfig;
import dev.agentcore.core.local.EchoProject;
import dev.agentcore.core.local.FakeEngine;
import dev.agentcore.core.local.LocalRunState;
import dev.agentcore.core.testing.Emulator;
import dev.agentcore.core.testing.FakeDataPlane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distinctive fake secrets (AWS secret key and session token, a bearer token, the ECR password the emulator hands
 * out) go into commands run with --debug, successful and failing; then stdout, stderr, every file under the project
 * (including .bedrock_agentcore/ and local run logs) and every argv a container engine was started with are searched
 * for them. None may appear anywhere.
 */
class SecretsTest {

    static final String ACCESS_KEY = "AKIAHARDENINGTEST007";
    static final String SECRET_KEY = "hardeningSecretKey/Do+Not+Print+9f3e";
    static final String SESSION_TOKEN = "hardeningSessionToken//Never+Log+Me+7b21";
    static final String BEARER = "eyJhbGciOiJub25lIn0.hardeningBearerPayload.sig42";
    static final String ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-AbCdEf1234";

    @TempDir
    Path tmp;
    Path dir;
    FakeDataPlane fake;
    CliHarness stopper;

    @AfterEach
    void tearDown() {
        if (fake != null) {
            fake.close();
        }
        if (stopper != null) {
            stopper.run("launch", "--local", "--stop");
        }
    }

    CliHarness cli(Path project) {
        return CliHarness.in(project)
                .withEnv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
                .withEnv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
                .withEnv("AWS_SESSION_TOKEN", SESSION_TOKEN)
                .withEnv("HOME", tmp.toString());
    }

    Path agentFolder() throws IOException {
        dir = Files.createDirectories(tmp.resolve("proj"));
        Files.writeString(dir.resolve("agent.py"), "from bedrock_agentcore import BedrockAgentCoreApp\n"
                + "app = BedrockAgentCoreApp()\n");
        Files.writeString(dir.resolve("requirements.txt"), "bedrock-agentcore\n");
        return dir;
    }

    /** Every secret, checked in the streams, every file under the project and any extra text (argv, state). */
    void assertNoSecret(List<CliHarness.Result> results, Path project, String... extraSecretsAndTexts)
            throws IOException {
        List<String> secrets = new ArrayList<>(List.of(SECRET_KEY, SESSION_TOKEN, BEARER));
        StringBuilder haystack = new StringBuilder();
        for (CliHarness.Result r : results) {
            haystack.append(r.out()).append('\n').append(r.err()).append('\n');
        }
        try (Stream<Path> files = Files.walk(project)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    haystack.append(f).append(":\n").append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                }
            }
        }
        for (int i = 0; i < extraSecretsAndTexts.length; i++) {
            String s = extraSecretsAndTexts[i];
            if (s.startsWith("secret:")) {
                secrets.add(s.substring("secret:".length()));
            } else {
                haystack.append(s).append('\n');
            }
        }
        String all = haystack.toString();
        for (String secret : secrets) {
            assertThat(secret).isNotBlank();
            assertThat(all).as("text searched for a secret").doesNotContain(secret);
        }
    }

    @Test
    void configureWritesNoSecretAndTheYamlIsOwnerOnly() throws IOException {
        agentFolder();
        CliHarness c = cli(dir).withEnv("BEDROCK_AGENTCORE_BEARER_TOKEN", BEARER);
        var ok = c.runOk("configure", "-e", "agent.py", "-n", "my_agent", "-ni", "--debug");
        var failed = c.run("configure", "-e", "agent.py", "-n", "bad-name", "-ni", "--debug").expectExit(2);
        var listed = c.runOk("configure", "list", "--debug", "--output", "json");

        assertThat(failed.err()).as("--debug prints the trace").contains("\tat ");
        assertThat(Files.getPosixFilePermissions(dir.resolve(ProjectConfig.FILE_NAME)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertNoSecret(List.of(ok, failed, listed), dir);
    }

    void deployedAgent(boolean withAuthorizer) throws IOException {
        agentFolder();
        new ConfigStore(dir).update(cfg -> {
            AgentConfig agent = AgentConfig.newContainerAgent("my_agent", "agent.py", ".");
            agent.setRegion("us-west-2");
            agent.setAgentArn(ARN);
            agent.setAgentId("my_agent-AbCdEf1234");
            if (withAuthorizer) {
                Map<String, Object> jwt = new LinkedHashMap<>();
                jwt.put("discoveryUrl", "https://idp.example/.well-known/openid-configuration");
                jwt.put("allowedClients", List.of("client-1"));
                agent.setAuthorizerConfiguration(new LinkedHashMap<>(Map.of("customJWTAuthorizer", jwt)));
            }
            cfg.putAgent(agent);
            return null;
        });
        fake = FakeDataPlane.start();
    }

    @Test
    void invokeWithABearerTokenShowsItNowhereEvenWhenRejected() throws IOException {
        deployedAgent(true);
        CliHarness c = cli(dir).withEnv("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", fake.url())
                .withEnv("BEDROCK_AGENTCORE_BEARER_TOKEN", BEARER);
        fake.then(FakeDataPlane.json("{\"result\": \"ok\"}"));
        var ok = c.runOk("invoke", "hi", "--debug");
        assertThat(fake.lastRequest().header("Authorization")).isEqualTo("Bearer " + BEARER);
        fake.then(FakeDataPlane.error(401, "UnauthorizedException", "Invalid bearer token"));
        var rejected = c.run("invoke", "hi", "--debug").expectExit(1);
        assertThat(rejected.err()).contains("\tat ");
        assertNoSecret(List.of(ok, rejected), dir);
    }

    @Test
    void invokeSignedWithAwsCredentialsShowsThemNowhereEvenWhenItFails() throws IOException {
        deployedAgent(false);
        CliHarness c = cli(dir).withEnv("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", fake.url());
        fake.then(FakeDataPlane.json("{\"result\": \"ok\"}"));
        var ok = c.runOk("invoke", "hi", "--debug");
        assertThat(fake.lastRequest().header("Authorization")).contains("Credential=" + ACCESS_KEY + "/");
        assertThat(fake.lastRequest().header("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);
        fake.then(FakeDataPlane.error(403, "AccessDeniedException", "not allowed"));
        var failed = c.run("invoke", "hi", "--debug").expectExit(1);
        var stopped = c.run("stop-session", "--debug");
        assertNoSecret(List.of(ok, failed, stopped), dir);
    }

    /** AWS's text for a signature mismatch, echoing the canonical request with the session token in it. */
    static String signatureMismatch() {
        return "The request signature we calculated does not match the signature you provided.\n\n"
                + "The Canonical String for this request should have been\n'POST\n/runtimes/x/invocations\n"
                + "qualifier=DEFAULT\ncontent-type:application/json\nx-amz-date:20261125T170000Z\n"
                + "x-amz-security-token:" + SESSION_TOKEN + "\n\ncontent-type;x-amz-date;x-amz-security-token\n'";
    }

    @Test
    void aSignatureMismatchEchoingTheSessionTokenIsShownWithoutIt() throws IOException {
        deployedAgent(false);
        CliHarness c = cli(dir).withEnv("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", fake.url());
        fake.then(FakeDataPlane.error(403, "InvalidSignatureException", signatureMismatch()));
        var plain = c.run("invoke", "hi").expectExit(1);
        fake.then(FakeDataPlane.error(403, "InvalidSignatureException", signatureMismatch()));
        var debug = c.run("invoke", "hi", "--debug").expectExit(1);
        assertThat(plain.err()).contains("x-amz-security-token:<redacted>");
        assertThat(debug.err()).contains("\tat ");
        assertNoSecret(List.of(plain, debug), dir);
    }

    @Test
    void launchLocalPassesCredentialsByNameOnly() throws Exception {
        Path project = EchoProject.create(tmp);
        FakeEngine engine = FakeEngine.in(tmp.resolve("engine"), "docker");
        int port = FakeEngine.freePort();
        CliHarness c = cli(project).withEnv("PATH", engine.path());
        stopper = c;
        var launched = c.runOk("launch", "--local", "--detach", "--port", String.valueOf(port), "--debug");
        String argv = String.join("\n", engine.calls());
        assertThat(argv).contains("-e AWS_SECRET_ACCESS_KEY", "-e AWS_SESSION_TOKEN");
        assertThat(engine.runEnvironment()).contains("AWS_SECRET_ACCESS_KEY=" + SECRET_KEY,
                "AWS_SESSION_TOKEN=" + SESSION_TOKEN);
        var stopped = c.runOk("launch", "--local", "--stop", "--debug");
        stopper = null;
        assertNoSecret(List.of(launched, stopped), project, argv);
    }

    @Test
    void aHostPythonAgentGetsCredentialsInItsEnvironmentNotItsArgv() throws Exception {
        Path project = EchoProject.create(tmp);
        FakeEngine engine = FakeEngine.in(tmp.resolve("engine"));
        int port = FakeEngine.freePort();
        CliHarness c = cli(project).withEnv("PATH", engine.path());
        stopper = c;
        var launched = c.runOk("launch", "--local", "-ctr", "none", "--detach", "--port", String.valueOf(port),
                "--debug");
        long pid = LocalRunState.load(project, "echo").orElseThrow().pid();
        // what ps shows: /proc/<pid>/cmdline, NUL-separated
        String cmdline = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                StandardCharsets.UTF_8).replace('\0', ' ');
        String environ = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")),
                StandardCharsets.UTF_8);
        assertThat(environ).as("the agent does get the credentials").contains(SECRET_KEY);
        var stopped = c.runOk("launch", "--local", "--stop", "--debug");
        stopper = null;
        assertNoSecret(List.of(launched, stopped), project, cmdline);
    }

    @Test
    void launchLocalBuildLogsInThroughStdinAndTheCloudKeepsNoSecret() throws Exception {
        Emulator emulator = Emulator.shared();
        agentFolder();
        FakeEngine engine = FakeEngine.in(tmp.resolve("engine"), "docker");
        CliHarness c = cli(dir);
        for (var e : emulator.env().entrySet()) {
            if (!e.getKey().startsWith("AWS_ACCESS_KEY_ID") && !e.getKey().startsWith("AWS_SECRET")
                    && !e.getKey().startsWith("AWS_SESSION")) {
                c = c.withEnv(e.getKey(), e.getValue());
            }
        }
        c = c.withEnv("PATH", engine.path());
        String name = "sec_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var configured = c.runOk("configure", "-e", "agent.py", "-n", name, "-ni", "--debug");
        var launched = c.runOk("launch", "--local-build", "--image-tag", "v1", "--debug");

        String argv = String.join("\n", engine.calls());
        assertThat(argv).contains("docker login --username AWS --password-stdin ");
        String ecrPassword = engine.loginStdin().strip();
        assertThat(ecrPassword).isNotBlank();
        assertNoSecret(List.of(configured, launched), dir, argv, emulator.state(), "secret:" + ecrPassword);
    }

    @Test
    void cloudLaunchStatusAndDestroyShowNoSecret() throws Exception {
        Emulator emulator = Emulator.shared();
        agentFolder();
        CliHarness c = cli(dir);
        for (var e : emulator.env().entrySet()) {
            if (!e.getKey().startsWith("AWS_ACCESS_KEY_ID") && !e.getKey().startsWith("AWS_SECRET")
                    && !e.getKey().startsWith("AWS_SESSION")) {
                c = c.withEnv(e.getKey(), e.getValue());
            }
        }
        String name = "sec_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        c.runOk("configure", "-e", "agent.py", "-n", name, "-ni");
        var planned = c.runOk("launch", "--dry-run", "--debug");
        var launched = c.runOk("launch", "--debug");
        String deployedState = emulator.state();
        var status = c.runOk("status", "--verbose", "--debug");
        var statusJson = c.runOk("status", "--verbose", "--output", "json");
        var destroyed = c.runOk("destroy", "--force", "--debug");
        assertNoSecret(List.of(planned, launched, status, statusJson, destroyed), dir, deployedState);
    }
}
