package dev.agentcore.core.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Container engine executables for tests: shell scripts named docker/finch/podman in a bin folder that record their
 * argv (one call per line in calls.log), the stdin of 'login' and the environment of 'run', print a chosen output and
 * exit with a chosen code per sub-command. 'run' serves GET /ping on the published host port with python3's
 * http.server (in the background with -d), and 'stop' stops that server, so the whole local flow can run for real.
 * The bin folder also links the real python3, so a PATH of only this folder has python but no other engine.
 */
public final class FakeEngine {

    private static final String SCRIPT = """
            #!/bin/sh
            d="$(cd "$(dirname "$0")" && pwd)"
            PUT_IMAGE='
            import json, os, sys, urllib.request
            host, rest = sys.argv[1].split("/", 1)
            repo, tag = rest.rsplit(":", 1)
            region = host.split(".")[3]
            manifest = json.dumps({"schemaVersion": 2,
                "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                "config": {"digest": "sha256:" + "c" * 64, "size": 1},
                "layers": [{"digest": "sha256:" + "a" * 64, "size": 1}]})
            body = json.dumps({"repositoryName": repo, "imageTag": tag, "imageManifest": manifest}).encode()
            req = urllib.request.Request(os.environ["AWS_ENDPOINT_URL"], data=body, headers={
                "Content-Type": "application/x-amz-json-1.1",
                "X-Amz-Target": "AmazonEC2ContainerRegistry_V20150921.PutImage",
                "Authorization": "AWS4-HMAC-SHA256 Credential=testing/20260101/" + region
                                 + "/ecr/aws4_request, SignedHeaders=host, Signature=0"})
            urllib.request.urlopen(req, timeout=30).read()
            '
            
            name="$(basename "$0")"
            sub="$1"
            line="$name"
            for a in "$@"; do line="$line $a"; done
            echo "$line" >> "$d/calls.log"
            if [ "$sub" = login ]; then cat > "$d/stdin-login"; fi
            if [ -f "$d/out-$name-$sub" ]; then cat "$d/out-$name-$sub"; fi
            code=0
            if [ -f "$d/exit-$name-$sub" ]; then code=$(cat "$d/exit-$name-$sub"); fi
            if [ "$code" != 0 ]; then exit "$code"; fi
            case "$sub" in
              run)
                env > "$d/env-run"
                port=""; detach=""; prev=""
                for a in "$@"; do
                  if [ "$prev" = "-p" ]; then port="${a%%:*}"; fi
                  if [ "$a" = "-d" ]; then detach=1; fi
                  prev="$a"
                done
                mkdir -p "$d/www"
                echo '{"status":"Healthy"}' > "$d/www/ping"
                if [ -n "$detach" ] && [ -f "$d/crash" ]; then
                  echo 0123456789abcdef
                elif [ -n "$detach" ]; then
                  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$d/www" >/dev/null 2>&1 &
                  echo $! > "$d/server.pid"
                  echo 0123456789abcdef
                else
                  echo $$ > "$d/server.pid"
                  echo "container log line"
                  exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$d/www"
                fi
                ;;
              push)
                # against the emulator (AWS_ENDPOINT_URL set), the pushed image lands in its ECR like a real push
                if [ -n "$AWS_ENDPOINT_URL" ]; then python3 -c "$PUT_IMAGE" "$2" || exit 1; fi
                ;;
              inspect)
                if [ -f "$d/server.pid" ] && kill -0 "$(cat "$d/server.pid")" 2>/dev/null; then echo true; else
                  echo "Error: No such object: $4" >&2; exit 1; fi
                ;;
              stop)
                if [ -f "$d/server.pid" ]; then
                  kill "$(cat "$d/server.pid")" 2>/dev/null
                  rm -f "$d/server.pid"
                  echo "$2"
                else
                  echo "Error response from daemon: No such container: $2" >&2
                  exit 1
                fi
                ;;
            esac
            exit 0
            """;

    private static Path realPython;

    private final Path bin;

    private FakeEngine(Path bin) {
        this.bin = bin;
    }

    /** A bin folder with the given engines (none: only python3). */
    public static FakeEngine in(Path dir, String... engines) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("fake-bin"));
        for (String e : engines) {
            Path script = bin.resolve(e);
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        link(bin.resolve("python3"), realPython());
        for (String tool : List.of("dirname", "basename", "cat", "env", "mkdir", "rm")) {
            for (String sys : List.of("/usr/bin", "/bin")) {
                if (Files.isExecutable(Path.of(sys, tool))) {
                    link(bin.resolve(tool), Path.of(sys, tool));
                    break;
                }
            }
        }
        return new FakeEngine(bin);
    }

    private static void link(Path link, Path target) throws IOException {
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, target);
        }
    }

    public Path bin() {
        return bin;
    }

    /** A PATH holding only the fake engines, python3 and the few tools the script uses. */
    public String path() {
        return bin.toString();
    }

    /** The engine's sub-command prints this and exits with this code. */
    public FakeEngine on(String engine, String sub, int exitCode, String output) throws IOException {
        Files.writeString(bin.resolve("exit-" + engine + "-" + sub), String.valueOf(exitCode));
        Files.writeString(bin.resolve("out-" + engine + "-" + sub), output + "\n");
        return this;
    }

    /** The container 'run -d' starts dies at once (nothing serves, inspect finds nothing). */
    public FakeEngine crashingContainer() throws IOException {
        Files.writeString(bin.resolve("crash"), "");
        return this;
    }

    /** Every recorded call, e.g. "docker build -t ...". */
    public List<String> calls() throws IOException {
        Path log = bin.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : new ArrayList<>();
    }

    public String loginStdin() throws IOException {
        return Files.readString(bin.resolve("stdin-login"));
    }

    public List<String> runEnvironment() throws IOException {
        return Files.readAllLines(bin.resolve("env-run"));
    }

    /** The pid of the stand-in container's server, if it runs. */
    public Long serverPid() throws IOException {
        Path f = bin.resolve("server.pid");
        return Files.exists(f) ? Long.valueOf(Files.readString(f).trim()) : null;
    }

    /** The real interpreter (not a version manager's shim, which needs its own environment). */
    public static synchronized Path realPython() throws IOException {
        if (realPython != null) {
            return realPython;
        }
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("python3 failed: " + out);
            }
            realPython = Path.of(out);
            return realPython;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
