#!/usr/bin/env bash
# Cloud-command overhead: `agentcore status` for a launched agent, against the project's AWS emulator
# (core/src/test/resources/emulator/agentcore_emulator.py, moto 5.2.1), beside a boto3 script making the same calls
# in the same run (bench/status/boto3_status.py: a lower bound for the Python tool's status).
# Usage: bench/status.sh [RUNS]   (default 10). Needs a built CLI (scripts/build), python3 with moto and boto3.
# Writes the table to bench/results/status.md as well.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs="${1:-10}"
cd "$repo_root"
[ -f cli/target/agentcore.jar ] || { echo "build first: scripts/build" >&2; exit 1; }
python3 -c 'import boto3, moto, yaml' || { echo "needs python3 with boto3, moto and pyyaml" >&2; exit 1; }

out="$repo_root/bench/out/status"
rm -rf "$out" && mkdir -p "$out/project"
# the emulator lives while its stdin is open: a fifo held by this script
start_emulator "$out"

cd "$out/project"
printf 'def handler(payload):\n    return payload\n' >agent.py
printf 'bedrock-agentcore\n' >requirements.txt
"$repo_root/scripts/agentcore" configure -e agent.py -n bench_agent -ni -r us-west-2 >/dev/null
python3 "$repo_root/bench/status/setup.py" "$AWS_ENDPOINT_URL" . bench_agent >/dev/null

echo "agentcore status prints:" >&2
"$repo_root/scripts/agentcore" status 2>&1 | head -5 >&2 || true

rows="$(mktemp)"
export BENCH_ROWS="$rows"
{
  echo "status against the emulator, $runs interleaved rounds after one warm-up, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  machine_description
  echo "- boto3 $(python3 -c 'import boto3; print(boto3.__version__)'), moto $(python3 -c 'import moto; print(moto.__version__)')"
  echo
  table_header
} | tee "$out/head"
boto="boto3: same calls (python3 process)"
ours="agentcore status"
measure_interleaved "$runs" \
  "$boto=python3 '$repo_root/bench/status/boto3_status.py'" \
  "agentcore status, no archive=env AGENTCORE_NO_CDS=1 '$repo_root/scripts/agentcore' status" \
  "$ours='$repo_root/scripts/agentcore' status" \
  "agentcore status --output json='$repo_root/scripts/agentcore' status --output json"
boto_ms=${MEASURED[$boto]}
ours_ms=${MEASURED[$ours]}
{
  echo
  awk -v a="$ours_ms" -v b="$boto_ms" 'BEGIN {printf "agentcore status / boto3 script: %.2f (target <= 1.00)\n", a/b}'
} | tee "$out/tail"
mkdir -p "$repo_root/bench/results"
cat "$out/head" "$rows" "$out/tail" >"$repo_root/bench/results/status.md"
rm -f "$rows"
