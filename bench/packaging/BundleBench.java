import dev.agentcore.core.packaging.SourceBundle;

import java.nio.file.Path;

/**
 * Bundles a build context once with {@link SourceBundle#write}, as launch does, and prints one line: files, zip bytes,
 * SHA-256 prefix and milliseconds inside the JVM. Built and run by bench/packaging.sh.
 */
public final class BundleBench {
    public static void main(String[] args) {
        long start = System.nanoTime();
        SourceBundle.Bundle b = SourceBundle.write(Path.of(args[0]), Path.of(args[1]), "FROM python:3.12-slim\n");
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("files=%d zip_bytes=%d sha256=%s in_jvm_ms=%d%n", b.files().size(), b.bytes(),
                b.sha256().substring(0, 12), ms);
    }
}
