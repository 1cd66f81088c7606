#!/usr/bin/env bash
# Interleaved A/B of command lines: each round runs every command once, so load changes hit all alike.
# Prints median and fastest wall and CPU (user+sys) ms per label. Used for the A/B figures in bench/README.md.
# Usage: bench/ab.sh RUNS "label=command line" ...
#   e.g. bench/ab.sh 12 "arch=scripts/agentcore --help" "noarch=AGENTCORE_NO_CDS=1 scripts/agentcore --help"
runs=$1; shift
tf="$(mktemp)"; trap 'rm -f "$tf"' EXIT
declare -A W C
for ((i=0;i<runs;i++)); do
  for spec in "$@"; do
    l="${spec%%=*}"; c="${spec#*=}"
    /usr/bin/time -f '%e %U %S' -o "$tf" bash -c "$c" >/dev/null 2>&1
    C[$l]+="$(tail -1 "$tf" | awk '{printf "%d ", ($2+$3)*1000}')"; W[$l]+="$(tail -1 "$tf" | awk '{printf "%d ", $1*1000}')"
  done
done
med() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for spec in "$@"; do l="${spec%%=*}"; printf '%-14s wall med %5s min %5s | cpu med %5s min %5s\n' "$l" "$(echo ${W[$l]} | med)" "$(echo ${W[$l]} | tr ' ' '\n' | sort -n | head -1)" "$(echo ${C[$l]} | med)" "$(echo ${C[$l]} | tr ' ' '\n' | sort -n | head -1)"; done
uptime
