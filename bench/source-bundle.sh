#!/usr/bin/env bash
# SourceBundle on a large build context: 20,000 files, ~400 MB (200 incompressible 1 MB files, the rest 10 KB
# text), with a 128 MB heap to show the zip is streamed. Prints files, zip bytes, SHA-256 prefix and time for two
# runs (the SHA-256 must match). Compare with `zip -qr -1` on the same tree. Build core first (mvn -q -o compile -pl core).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$here/bench/out/source-bundle"
mkdir -p "$work"
if [ ! -d "$work/ctx" ]; then
  python3 - "$work/ctx" <<'PY'
import os, sys
root = sys.argv[1]
blob = os.urandom(1 << 20)
text = b"x = 1\n" * 1700
for d in range(200):
    p = os.path.join(root, f"pkg{d:03d}")
    os.makedirs(p, exist_ok=True)
    for f in range(100):
        with open(os.path.join(p, f"m{f:03d}.py"), "wb") as fh:
            fh.write(blob if f == 0 else text[:10000])
PY
fi
cat > "$work/Bench.java" <<'JAVA'
import dev.agentcore.core.packaging.SourceBundle;
import java.nio.file.Path;
public class Bench {
    public static void main(String[] a) {
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            var b = SourceBundle.write(Path.of(a[0]), Path.of(a[1]), "FROM x\n");
            System.out.printf("files=%d zip_bytes=%d sha256=%s seconds=%.1f%n", b.files().size(), b.bytes(),
                    b.sha256().substring(0, 12), (System.nanoTime() - t) / 1e9);
        }
    }
}
JAVA
cp="$here/core/target/classes:$(ls ~/.m2/repository/org/yaml/snakeyaml/*/snakeyaml-*.jar | grep -v sources | tail -1)"
java -Xmx128m -cp "$cp" "$work/Bench.java" "$work/ctx" "$work/source.zip"
