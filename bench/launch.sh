#!/usr/bin/env bash
# Launch overhead: the tool's own time for a full `agentcore launch` and for an unchanged re-launch, against the
# project's AWS emulator (moto 5.2.1 made faithful, core/src/test/resources/emulator/agentcore_emulator.py), and the
# AWS calls each makes (counted by the emulator, one line per request, by signing service).
# Wall time includes the emulator's own build and readiness delays (a build is IN_PROGRESS on the first poll, a
# runtime CREATING on its first read); CPU time is the tool's own work.
# Usage: bench/launch.sh [RUNS]   (default 5). Needs a built CLI (scripts/build) and python3 with moto.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs="${1:-5}"
cd "$repo_root"
[ -f cli/target/agentcore.jar ] || { echo "build first: scripts/build" >&2; exit 1; }

out="$repo_root/bench/out/launch"
rm -rf "$out" && mkdir -p "$out"
start_emulator "$out" --log-requests "$out/requests.log"
touch "$out/requests.log"

# time_launch DIR: runs `agentcore launch` in DIR; appends "wall_ms cpu_ms requests" to $out/samples
time_launch() {
  local dir="$1" before after start end tf
  tf="$(mktemp)"
  before=$(wc -l <"$out/requests.log")
  start=$(date +%s%N)
  (cd "$dir" && /usr/bin/time -f '%U %S' -o "$tf" "$repo_root/scripts/agentcore" launch >/dev/null 2>"$dir/launch.err") \
    || { cat "$dir/launch.err" >&2; exit 1; }
  end=$(date +%s%N)
  after=$(wc -l <"$out/requests.log")
  echo "$(( (end - start) / 1000000 )) $(tail -1 "$tf" | awk '{printf "%d", ($1 + $2) * 1000}') $((after - before))" >>"$out/samples"
  sed -n "$((before + 1)),${after}p" "$out/requests.log" >"$dir/requests.log"
  rm -f "$tf"
}

new_project() {
  local dir="$out/$1"
  mkdir -p "$dir" && cp "$repo_root"/examples/echo_agent/* "$dir"/
  (cd "$dir" && "$repo_root/scripts/agentcore" configure -e agent.py -n "$1" -ni >/dev/null 2>&1)
  echo "$dir"
}

summary() { # LABEL: median of each column of $out/samples, then clears it
  local wall cpu req
  wall=$(cut -d' ' -f1 "$out/samples" | median)
  cpu=$(cut -d' ' -f2 "$out/samples" | median)
  req=$(cut -d' ' -f3 "$out/samples" | median)
  printf '| %-34s | %8s | %8s | %8s |\n' "$1" "$wall" "$cpu" "$req"
  rm -f "$out/samples"
}

{
  echo "launch against the emulator, $runs runs each, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  machine_description
  echo
  printf '| %-34s | %8s | %8s | %8s |\n' "command" "wall ms" "cpu ms" "requests"
  printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..36})" "----------" "----------" "----------"
} | tee "$out/table.md"

for i in $(seq 1 "$runs"); do time_launch "$(new_project "full_$i")"; done
summary "full launch (new agent)" | tee -a "$out/table.md"
full_dir="$out/full_1"
cp "$full_dir/requests.log" "$out/full-launch-requests.log"
for i in $(seq 1 "$runs"); do time_launch "$full_dir"; done
summary "unchanged re-launch" | tee -a "$out/table.md"

{
  echo
  echo "AWS requests of one full launch, by service (first run):"
  awk '{print $1}' "$out/full-launch-requests.log" | sort | uniq -c | sort -rn | sed 's/^/    /'
  echo "AWS requests of one unchanged re-launch, by service (last run):"
  awk '{print $1}' "$full_dir/requests.log" | sort | uniq -c | sort -rn | sed 's/^/    /'
} | tee -a "$out/table.md"
mkdir -p "$repo_root/bench/results"
cp "$out/table.md" "$repo_root/bench/results/launch.md"
