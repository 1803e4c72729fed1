#!/usr/bin/env bash
# bench/connect.sh [RUNS] -- connect time: from starting the client until the remote prompt is on screen, for
# `tern user@host` against the official `mosh` wrapper, both through the test bed's private sshd on loopback
# (SSH login, mosh-server start, first UDP exchange). Prints each run and the medians with the ratio.
source "$(dirname "$(readlink -f "$0")")/lib.sh"
bench_use_tmux
RUNS=${1:-5}
command -v mosh >/dev/null || { echo "bench: the mosh wrapper is missing (apt-get install mosh)" >&2; exit 1; }
build_once
HOME_DIR=$(mktemp -d); RESULTS=$(mktemp)
coproc SSHD { exec "$JAVA_HOME/bin/java" -cp "$TESTBED_CP" dev.tern.testbed.SshServerMain 900; }
read -r PORT USER_NAME KEY KNOWN <&"${SSHD[0]}"
trap 'kill $SSHD_PID 2>/dev/null; rm -rf "$HOME_DIR" "$RESULTS"; T kill-server 2>/dev/null || true' EXIT
SSH_CMD="ssh -F /dev/null -p $PORT -i $KEY -o IdentitiesOnly=yes -o UserKnownHostsFile=$KNOWN -o BatchMode=yes"

run_one() {  # run_one tern|mosh -> ms until a prompt shows
  local s="conn-$1" cmd t0
  if [ "$1" = tern ]; then cmd="env HOME=$HOME_DIR $(tern_cli) --ssh-port $PORT -i $KEY --known-hosts $KNOWN -p 45000:45999 $USER_NAME@127.0.0.1"
  else cmd="mosh --ssh='$SSH_CMD' -p 45000:45999 $USER_NAME@127.0.0.1"; fi
  t0=$(now_ms)
  T new-session -d -s "$s" -x 100 -y 30 "exec env LANG=C.UTF-8 $cmd"
  wait_for "$s" "$USER_NAME@.*[\$#] *$" 60 >/dev/null
  echo $(( $(now_ms) - t0 ))
  T send-keys -t "$s" 'exit' Enter; sleep 1; T kill-session -t "$s" 2>/dev/null || true
}

echo "# connect to a prompt through ssh + mosh-server, $RUNS runs, load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$RUNS"); do
  for c in tern mosh; do ms=$(run_one $c); printf '%-5s run %d: %5d ms\n' "$c" "$r" "$ms"; echo "$c $ms" >> "$RESULTS"; done
done
t=$(awk '$1=="tern"{print $2}' "$RESULTS" | median); m=$(awk '$1=="mosh"{print $2}' "$RESULTS" | median)
echo
echo "| connect to the prompt (median of $RUNS) | Tern CLI | mosh wrapper + mosh-client | Tern / mosh |"
echo "|---|---|---|---|"
printf '| ssh login, mosh-server, first screen | %d ms | %d ms | %.2f |\n' "$t" "$m" "$(echo "$t / $m" | bc -l)"
