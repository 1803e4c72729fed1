#!/usr/bin/env bash
# bench/seq.sh [RUNS] [N] -- `seq 1 N` through Tern's CLI and through the official mosh-client, each attached to
# its own local mosh-server in a 100x30 tmux pane: time until the final screen shows N and the prompt, and the
# client's CPU time. Prints one line per run and the medians with Tern/mosh-client ratios.
source "$(dirname "$(readlink -f "$0")")/lib.sh"
RUNS=${1:-3}; N=${2:-2000000}
build_once

run_one() {  # run_one tern|mosh -> "wall_ms cpu_ms"
  local client=$1 s="seq-$1" port key pid cmd cpid t0 c0 c1
  read -r port key pid <<<"$(start_server)"
  if [ "$client" = tern ]; then cmd="$(tern_cli) --attach 127.0.0.1 $port"; else cmd="mosh-client 127.0.0.1 $port"; fi
  T new-session -d -s "$s" -x 100 -y 30 "exec env LANG=C.UTF-8 MOSH_KEY=$key $cmd"
  wait_for "$s" '^\$ ?$' 30
  cpid=$(pane_pid "$s")
  sleep 1
  c0=$(cpu_ms "$cpid"); t0=$(now_ms)
  T send-keys -t "$s" "seq 1 $N" Enter
  until pane "$s" | awk -v n="$N" '$0==n {seen=NR} seen && NR>seen && /^\$ ?$/ {ok=1} END {exit !ok}'; do sleep 0.02; done
  echo "$(( $(now_ms) - t0 )) $(( $(cpu_ms "$cpid") - c0 ))"
  T kill-session -t "$s"; kill "$pid" 2>/dev/null || true
}

echo "# seq 1 $N, $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
: > /tmp/tern-bench-seq.$$
for r in $(seq 1 "$RUNS"); do
  for c in tern mosh; do
    read -r wall cpu <<<"$(run_one $c)"
    printf '%-5s run %d: wall %6d ms  client cpu %5d ms\n' "$c" "$r" "$wall" "$cpu"
    echo "$c $wall $cpu" >> /tmp/tern-bench-seq.$$
  done
done
tw=$(awk '$1=="tern"{print $2}' /tmp/tern-bench-seq.$$ | median); mw=$(awk '$1=="mosh"{print $2}' /tmp/tern-bench-seq.$$ | median)
tc=$(awk '$1=="tern"{print $3}' /tmp/tern-bench-seq.$$ | median); mc=$(awk '$1=="mosh"{print $3}' /tmp/tern-bench-seq.$$ | median)
rm -f /tmp/tern-bench-seq.$$
echo
echo "| seq 1 $N (median of $RUNS) | Tern CLI | mosh-client | Tern / mosh-client |"
echo "|---|---|---|---|"
printf '| time to final screen | %d ms | %d ms | %.2f |\n' "$tw" "$mw" "$(echo "$tw / $mw" | bc -l)"
printf '| client CPU | %d ms | %d ms | %.2f |\n' "$tc" "$mc" "$(echo "$tc / ($mc + 0.0001)" | bc -l)"
