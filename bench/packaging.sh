#!/usr/bin/env bash
# Packaging: our source bundler (SourceBundle, what launch uploads to CodeBuild) beside `zip -qr` on the same
# generated tree: 20,000 files, ~211 MB (bench/packaging/make_tree.py, fixed seed), with a .dockerignore leaving out
# .venv/ and .git/ (2,497 files). zip is run twice: on the whole tree, and with -x patterns equal to the
# .dockerignore (the like-for-like row). Both use DEFLATE at the default level 6. Our rows are whole processes
# (JVM start included), with the launcher's JVM flags and with the JVM's defaults.
# Usage: bench/packaging.sh [RUNS]   (default 3). Needs a built CLI: scripts/build.
# Writes the table to bench/results/packaging.md as well.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs="${1:-3}"
cd "$repo_root"
jar=cli/target/agentcore.jar
[ -f "$jar" ] || { echo "build first: scripts/build" >&2; exit 1; }
command -v zip >/dev/null || { echo "needs zip (apt-get install zip)" >&2; exit 1; }

out="$repo_root/bench/out/packaging"
tree="$out/tree"
mkdir -p "$out"
if [ ! -f "$out/tree.done" ]; then
  rm -rf "$tree"
  echo "generating the tree (once)..." >&2
  python3 bench/packaging/make_tree.py "$tree" >&2
  touch "$out/tree.done"
fi
javac -cp "$jar" -d "$out/classes" bench/packaging/BundleBench.java
cp="$jar:$out/classes"

# read the tree once so every row starts from a warm page cache
tar -cf - -C "$tree" . | cat >/dev/null

rows="$(mktemp)"
export BENCH_ROWS="$rows"
{
  echo "Packaging 20,000 files / $(du -sb "$tree" | awk '{printf "%.0f MB", $1/1e6}') on disk, $runs runs each after one warm-up, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  machine_description
  echo
  table_header
} | tee "$out/head"
measure "zip -qr, whole tree" "$runs" bash -c "cd '$tree' && rm -f '$out/zip-all.zip' && zip -qr '$out/zip-all.zip' ."
measure "zip -qr -x (same excludes as .dockerignore)" "$runs" bash -c "cd '$tree' && rm -f '$out/zip-ex.zip' && zip -qr '$out/zip-ex.zip' . -x '.venv/*' '.git/*' '*/__pycache__/*' '*.pyc'"
zip_ms=$MEASURED_MEDIAN zip_cpu=$MEASURED_CPU
measure "SourceBundle, launcher flags (C1, SerialGC)" "$runs" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" BundleBench "$tree" "$out/ours.zip"
ours_ms=$MEASURED_MEDIAN ours_cpu=$MEASURED_CPU
measure "SourceBundle, JVM defaults (C2, G1)" "$runs" java -cp "$cp" BundleBench "$tree" "$out/ours-c2.zip"
c2_ms=$MEASURED_MEDIAN c2_cpu=$MEASURED_CPU
{
  echo
  echo "zip -x:        $(unzip -l "$out/zip-ex.zip" | tail -1 | awk '{print $2}') entries, $(stat -c %s "$out/zip-ex.zip") bytes"
  echo "zip whole:     $(unzip -l "$out/zip-all.zip" | tail -1 | awk '{print $2}') entries, $(stat -c %s "$out/zip-all.zip") bytes"
  echo "SourceBundle:  $(java -cp "$cp" BundleBench "$tree" "$out/ours.zip")"
  awk -v a="$ours_ms" -v b="$zip_ms" -v c="$c2_ms" -v d="$ours_cpu" -v e="$zip_cpu" -v f="$c2_cpu" 'BEGIN {
    printf "SourceBundle / zip -qr (like for like), wall: %.2f with the launcher flags, %.2f with JVM defaults\n", a/b, c/b
    printf "SourceBundle / zip -qr (like for like), CPU:  %.2f with the launcher flags, %.2f with JVM defaults\n", d/e, f/e }'
} | tee "$out/tail"
mkdir -p bench/results
cat "$out/head" "$rows" "$out/tail" >bench/results/packaging.md
rm -f "$rows"
