# Shared helpers for the bench scripts (sourced, not run).
# measure LABEL RUNS CMD...: runs CMD (stdout/stderr discarded) RUNS times after one warm-up run, prints a row
# "LABEL | median wall ms | min wall ms | median cpu ms (user+sys)" and appends it to $BENCH_ROWS when set.
# Sets MEASURED_MEDIAN and MEASURED_CPU for the caller. Wall time is what a user feels; CPU time is printed beside it because this machine is shared, and CPU time is
# far less disturbed by other work than wall time.

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$bench_root/.." && pwd)"

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "-"} else if (NR%2) {print a[(NR+1)/2]} else {printf "%d\n", (a[NR/2]+a[NR/2+1])/2}}'; }

measure() {
  local label="$1" runs="$2"; shift 2
  local walls=() cpus=() i start end rc=0 tf
  tf="$(mktemp)"
  "$@" >/dev/null 2>&1 || rc=$?
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$tf" "$@" >/dev/null 2>&1 || rc=$?
    end=$(date +%s%N)
    walls+=($(( (end - start) / 1000000 )))
    cpus+=("$(tail -1 "$tf" | awk '{printf "%d", ($1 + $2) * 1000}')")
  done
  rm -f "$tf"
  local mw minw mc
  mw="$(printf '%s\n' "${walls[@]}" | median)"
  minw="$(printf '%s\n' "${walls[@]}" | sort -n | head -1)"
  mc="$(printf '%s\n' "${cpus[@]}" | median)"
  local row
  row="$(printf '| %-48s | %8s | %8s | %8s | %s' "$label" "$mw" "$minw" "$mc" "$([ $rc -eq 0 ] && echo ok || echo "exit $rc")")"
  echo "$row"
  [ -n "${BENCH_ROWS:-}" ] && echo "$row" >>"$BENCH_ROWS"
  MEASURED_MEDIAN=$mw
  MEASURED_CPU=$mc
}

# measure_interleaved RUNS "LABEL=COMMAND" ...: measure for several command lines at once, in rounds (one warm-up
# round, then RUNS rounds each running every command once), so load changes on this shared machine hit every row
# alike; the ratios the scripts print compare rows of one run. Each COMMAND runs as `bash -c "exec COMMAND"` (use
# `env K=V cmd` for variables). Prints a row per command in the order given; sets MEASURED[LABEL] to its median.
declare -A MEASURED
measure_interleaved() {
  local runs="$1"; shift
  local tf spec label i start end rc
  local -A walls cpus rcs
  tf="$(mktemp)"
  for ((i = -1; i < runs; i++)); do
    for spec in "$@"; do
      label="${spec%%=*}"
      rc=0
      start=$(date +%s%N)
      /usr/bin/time -f '%U %S' -o "$tf" bash -c "exec ${spec#*=}" >/dev/null 2>&1 || rc=$?
      end=$(date +%s%N)
      [ $rc -eq 0 ] || rcs[$label]=$rc
      ((i < 0)) && continue
      walls[$label]+="$(((end - start) / 1000000)) "
      cpus[$label]+="$(tail -1 "$tf" | awk '{printf "%d", ($1 + $2) * 1000}') "
    done
  done
  rm -f "$tf"
  local mw minw mc row
  for spec in "$@"; do
    label="${spec%%=*}"
    mw="$(printf '%s\n' ${walls[$label]} | median)"
    minw="$(printf '%s\n' ${walls[$label]} | sort -n | head -1)"
    mc="$(printf '%s\n' ${cpus[$label]} | median)"
    row="$(printf '| %-48s | %8s | %8s | %8s | %s' "$label" "$mw" "$minw" "$mc" \
      "$([ -z "${rcs[$label]:-}" ] && echo ok || echo "exit ${rcs[$label]}")")"
    echo "$row"
    [ -n "${BENCH_ROWS:-}" ] && echo "$row" >>"$BENCH_ROWS"
    MEASURED[$label]=$mw
  done
}

table_header() {
  printf '| %-48s | %8s | %8s | %8s | %s\n' "command" "wall ms" "min ms" "cpu ms" "result"
  printf '|%s|%s|%s|%s|%s\n' "$(printf -- '-%.0s' {1..50})" "----------" "----------" "----------" "------"
}

machine_description() {
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//') x $(nproc) cores; memory $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- Java: $(java -version 2>&1 | head -2 | tail -1)"
  command -v node >/dev/null && echo "- Node: $(node --version)"
  command -v python3 >/dev/null && echo "- Python: $(python3 --version 2>&1 | cut -d' ' -f2)"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- class-data archives: $(archive_state)"
}

# The launcher ignores an archive older than the jar (a build with -Dagentcore.cds.skip=true leaves them so), and
# the rows that use one are then silently slower: say so in every table.
archive_state() {
  local jar="$repo_root/cli/target/agentcore.jar" a stale="" found=""
  for a in "$repo_root"/cli/target/agentcore*.jsa; do
    [ -f "$a" ] || continue
    found=1
    [ "$a" -nt "$jar" ] || stale+=" ${a##*/}"
  done
  if [ -z "$found" ]; then
    echo "NONE (scripts/build makes them): rows that should use one run without"
  elif [ -n "$stale" ]; then
    echo "STALE, older than the jar:$stale (run scripts/build): rows that should use them run without" | tee /dev/stderr
  else
    echo "present and newer than the jar"
  fi
}

# start_emulator DIR [EMULATOR ARGS...]: starts the project's AWS emulator (moto 5.2.1 made faithful) in the
# background for the rest of the calling script, with a bounded wait for it to answer, and points the AWS
# variables at it. The emulator lives while its stdin is open: a fifo held by the caller on fd 7.
start_emulator() {
  local dir="$1"; shift
  mkfifo "$dir/emulator.stdin"
  python3 "$repo_root/core/src/test/resources/emulator/agentcore_emulator.py" --port 0 "$@" \
    <"$dir/emulator.stdin" >"$dir/emulator.out" 2>"$dir/emulator.log" &
  emulator_pid=$!
  exec 7>"$dir/emulator.stdin"
  trap 'exec 7>&-; kill $emulator_pid 2>/dev/null || true; wait $emulator_pid 2>/dev/null || true' EXIT
  port=""
  for _ in $(seq 1 300); do # bounded wait, 30 s
    port="$(sed -n 's/^EMULATOR READY \([0-9]*\)$/\1/p' "$dir/emulator.out")"
    [ -n "$port" ] && break
    kill -0 $emulator_pid 2>/dev/null || { cat "$dir/emulator.log" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$port" ] || { echo "the emulator did not start" >&2; exit 1; }
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
    AWS_REGION=us-west-2 NO_COLOR=1
  unset AWS_PROFILE
}
