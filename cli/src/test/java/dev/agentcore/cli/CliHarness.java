package dev.agentcore.cli;

import dev.agentcore.core.cloud.Cloud;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the CLI in-process in a project directory with a given environment, capturing stdout and stderr. Failed
 * expectations show both streams.
 */
public record CliHarness(Path cwd, Map<String, String> env, boolean interactive, String stdin, Cloud cloud) {

    public record Result(int exitCode, String out, String err) {
        public Result expectExit(int expected) {
            if (exitCode != expected) {
                throw new AssertionError("expected exit " + expected + " but was " + exitCode
                        + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err);
            }
            return this;
        }

        public Result ok() {
            return expectExit(0);
        }
    }

    public static CliHarness in(Path cwd) {
        Map<String, String> env = new HashMap<>();
        // no accidental real AWS: fixed fake credentials and region unless a test says otherwise
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_REGION", "us-west-2");
        env.put("NO_COLOR", "1");
        return new CliHarness(cwd, env, false, "", null);
    }

    public CliHarness withEnv(String key, String value) {
        Map<String, String> copy = new HashMap<>(env);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new CliHarness(cwd, copy, interactive, stdin, cloud);
    }

    /** Adds every variable, e.g. {@code Emulator.shared().env()} to point the CLI at the emulator. */
    public CliHarness withEnv(Map<String, String> variables) {
        Map<String, String> copy = new HashMap<>(env);
        copy.putAll(variables);
        return new CliHarness(cwd, copy, interactive, stdin, cloud);
    }

    public CliHarness withStdin(String text) {
        return new CliHarness(cwd, env, interactive, text, cloud);
    }

    public CliHarness interactive(boolean value) {
        return new CliHarness(cwd, env, value, stdin, cloud);
    }

    /** Cloud commands talk to this (e.g. a FakeCloud) instead of AWS. */
    public CliHarness withCloud(Cloud fake) {
        return new CliHarness(cwd, env, interactive, stdin, fake);
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        AppContext context = new AppContext(new PrintWriter(out, true), new PrintWriter(err, true), in, cwd, env,
                interactive);
        if (cloud != null) {
            context.withCloud(cloud);
        }
        int code = Main.run(context, args);
        return new Result(code, out.toString(), err.toString());
    }

    public Result runOk(String... args) {
        return run(args).ok();
    }
}
