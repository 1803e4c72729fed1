#!/usr/bin/env bash
# bench/seq.sh [RUNS] [N] [SEQS] -- `seq 1 N` through Tern's CLI and through the official mosh-client, each attached
# to its own local mosh-server in a 100x30 tmux pane: time until the final screen shows N and the prompt, and the
# client's CPU time, for a first seq in a fresh session, a second one in the same session and, when SEQS > 2 (default
# 2), the SEQS-th one. Prints one line per run and the medians with Tern/mosh-client ratios.
source "$(dirname "$(readlink -f "$0")")/lib.sh"
bench_use_tmux
RUNS=${1:-3}; N=${2:-2000000}; SEQS=${3:-2}
build_once

run_one() {  # run_one tern|mosh -> "wall_ms cpu_ms" for the first, the second and the last seq of one session (for
  # Tern, the later ones run code the JIT has compiled)
  local client=$1 s="seq-$1" port key pid cmd cpid t0 c0 round out=""
  read -r port key pid <<<"$(start_server)"
  if [ "$client" = tern ]; then cmd="$(tern_cli) --attach 127.0.0.1 $port"; else cmd="mosh-client 127.0.0.1 $port"; fi
  T new-session -d -s "$s" -x 100 -y 30 "exec env LANG=C.UTF-8 MOSH_KEY=$key $cmd"
  wait_for "$s" '^\$ ?$' 30
  cpid=$(pane_pid "$s")
  for round in $(seq 1 "$SEQS"); do
    sleep 1
    c0=$(cpu_ms "$cpid"); t0=$(now_ms)
    T send-keys -t "$s" "seq 1 $N" Enter
    until pane "$s" | awk -v n="$N" '$0==n {seen=NR} seen && NR>seen && /^\$ ?$/ {ok=1} END {exit !ok}'; do sleep 0.02; done
    if [ "$round" -le 2 ] || [ "$round" -eq "$SEQS" ]; then out="$out $(( $(now_ms) - t0 )) $(( $(cpu_ms "$cpid") - c0 ))"; fi
    T send-keys -t "$s" clear Enter
    until [ -z "$(pane "$s" | grep -v '^\$ *$' | tr -d '[:space:]')" ]; do sleep 0.05; done
  done
  [ "$SEQS" -gt 2 ] || out="$out 0 0"
  echo "$out"
  T kill-session -t "$s"; kill "$pid" 2>/dev/null || true
}

echo "# seq 1 $N, $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
: > /tmp/tern-bench-seq.$$
for r in $(seq 1 "$RUNS"); do
  for c in tern mosh; do
    read -r wall cpu wwall wcpu lwall lcpu <<<"$(run_one $c)"
    printf '%-5s run %d: wall %6d ms  client cpu %5d ms | second seq in the session: wall %6d ms  cpu %5d ms\n' \
      "$c" "$r" "$wall" "$cpu" "$wwall" "$wcpu"
    [ "$SEQS" -le 2 ] || printf '%-5s run %d: seq number %d in the session: wall %6d ms  cpu %5d ms\n' "$c" "$r" "$SEQS" "$lwall" "$lcpu"
    echo "$c $wall $cpu $wwall $wcpu $lwall $lcpu" >> /tmp/tern-bench-seq.$$
  done
done
col() { awk -v c="$1" -v k="$2" '$1==c {print $k}' /tmp/tern-bench-seq.$$ | median; }
tw=$(col tern 2); mw=$(col mosh 2); tc=$(col tern 3); mc=$(col mosh 3)
tww=$(col tern 4); mww=$(col mosh 4); twc=$(col tern 5); mwc=$(col mosh 5)
tlw=$(col tern 6); mlw=$(col mosh 6); tlc=$(col tern 7); mlc=$(col mosh 7)
rm -f /tmp/tern-bench-seq.$$
echo
echo "| seq 1 $N (median of $RUNS) | Tern CLI | mosh-client | Tern / mosh-client |"
echo "|---|---|---|---|"
printf '| time to final screen | %d ms | %d ms | %.2f |\n' "$tw" "$mw" "$(echo "$tw / $mw" | bc -l)"
printf '| client CPU | %d ms | %d ms | %.2f |\n' "$tc" "$mc" "$(echo "$tc / ($mc + 0.0001)" | bc -l)"
printf '| time to final screen, second seq in the same session | %d ms | %d ms | %.2f |\n' "$tww" "$mww" "$(echo "$tww / $mww" | bc -l)"
printf '| client CPU, second seq in the same session | %d ms | %d ms | %.2f |\n' "$twc" "$mwc" "$(echo "$twc / ($mwc + 0.0001)" | bc -l)"
if [ "$SEQS" -gt 2 ]; then
  printf '| time to final screen, seq number %d in the same session | %d ms | %d ms | %.2f |\n' "$SEQS" "$tlw" "$mlw" "$(echo "$tlw / $mlw" | bc -l)"
  printf '| client CPU, seq number %d in the same session | %d ms | %d ms | %.2f |\n' "$SEQS" "$tlc" "$mlc" "$(echo "$tlc / ($mlc + 0.0001)" | bc -l)"
fi
