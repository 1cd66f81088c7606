#!/usr/bin/env bash
# Start-up time: what a user feels on every command. Median wall time (and CPU time) of N runs each, in one run
# of this script, of:
#   - a bare picocli program (the floor for any picocli CLI on this JVM),
#   - agentcore --help / configure list through scripts/agentcore, with and without the class-data archive, and
#     with the JVM's default flags,
#   - the Node AgentCore CLI's --help (@aws/agentcore from npm, installed into bench/node on first run).
# Usage: bench/startup.sh [RUNS]   (default 15). Needs a built CLI: scripts/build.
# Writes the table to bench/results/startup.md as well.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs="${1:-15}"
cd "$repo_root"
jar=cli/target/agentcore.jar
[ -f "$jar" ] || { echo "build first: scripts/build" >&2; exit 1; }
[ -f cli/target/agentcore.jsa ] || echo "note: no class-data archive (cli/target/agentcore.jsa); rows 'with archive' run without it" >&2

# the bare picocli program, compiled against the same picocli jar the CLI ships
picocli="$(ls cli/target/lib/picocli-*.jar)"
mkdir -p bench/out/hello
javac -q -cp "$picocli" -d bench/out/hello bench/hello/Hello.java 2>/dev/null || javac -cp "$picocli" -d bench/out/hello bench/hello/Hello.java

# the Node CLI, pinned by bench/node/package-lock.json
node_cli="bench/node/node_modules/.bin/agentcore"
if [ ! -x "$node_cli" ] && command -v npm >/dev/null; then
  echo "installing the Node AgentCore CLI into bench/node (once)..." >&2
  (cd bench/node && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || echo "npm install failed: no Node row" >&2
fi

project="$(mktemp -d)"
trap 'rm -rf "$project"' EXIT
launcher="$repo_root/scripts/agentcore"

rows="$(mktemp)"
export BENCH_ROWS="$rows"
{
  echo "Start-up, $runs interleaved rounds after one warm-up, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  machine_description
  echo
  table_header
} | tee bench/out/startup.head
help="agentcore --help, scripts/agentcore"
node="node @aws/agentcore --help"
rows_to_run=(
  "bare picocli hello --help (java -cp)=java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '$picocli:bench/out/hello' Hello --help"
  "agentcore --help, java -jar with JVM defaults=java -jar '$jar' --help"
  "agentcore --help, scripts/agentcore, no archive=env AGENTCORE_NO_CDS=1 '$launcher' --help"
  "$help='$launcher' --help"
  "agentcore --version, scripts/agentcore='$launcher' --version"
  "agentcore configure list (empty project), no archive=bash -c \"cd '$project' && AGENTCORE_NO_CDS=1 '$launcher' configure list\""
  "agentcore configure list (empty project)=bash -c \"cd '$project' && '$launcher' configure list\"")
[ -x "$node_cli" ] && rows_to_run+=("$node='$node_cli' --help")
measure_interleaved "$runs" "${rows_to_run[@]}"
ours=${MEASURED[$help]}
node_ms=${MEASURED[$node]:-}
{
  echo
  if [ -n "$node_ms" ] && [ "$ours" -gt 0 ]; then
    awk -v a="$ours" -v b="$node_ms" 'BEGIN {printf "agentcore --help takes %.3f of the Node CLI'"'"'s time (%d ms vs %d ms; target <= 0.100)\n", a/b, a, b}'
  fi
} | tee bench/out/startup.tail
mkdir -p bench/results
cat bench/out/startup.head "$rows" bench/out/startup.tail >bench/results/startup.md
rm -f "$rows"
