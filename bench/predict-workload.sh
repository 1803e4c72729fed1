#!/usr/bin/env bash
# bench/predict-workload.sh [DELAY_MS_ONE_WAY] -- the scripted typing workload of the prediction tests (shell
# commands with corrections, then moving and editing in vi), typed into Tern's CLI and into the official
# mosh-client, both with adaptive prediction (the default) through the impairment proxy at 2*DELAY ms RTT.
# Prints the fraction of keystrokes each client showed before the server could have echoed them.
source "$(dirname "$(readlink -f "$0")")/lib.sh"
bench_use_tmux
DELAY=${1:-150}
build_once
RESULTS=$(mktemp); FILE=$(mktemp /tmp/tern-workload-XXXX.txt)
trap 'rm -f "$RESULTS" "$FILE"; T kill-server 2>/dev/null || true' EXIT
for i in $(seq 1 12); do echo "line $i of the file we edit in vi"; done > "$FILE"

measure() {  # measure CLIENT
  local client=$1 s="wl-$1" json
  attach_via_proxy "$client" "$s" "$DELAY"
  json=$(python3 "$BENCH_DIR/workload.py" "$TMUX_SOCKET" "$s" "$FILE")
  echo "$client $json" >> "$RESULTS"
  python3 -c 'import json,sys; d=json.loads(sys.argv[2]); print("%-5s %d keys, %d shown immediately (%.1f %%); not at once: %s" % (sys.argv[1], d["keys"], d["immediate"], 100 * d["fraction"], d["not_immediate"]))' "$client" "$json"
  detach_proxied "$s"
}

echo "# scripted workload at $((2 * DELAY)) ms RTT, adaptive prediction, load $(cut -d' ' -f1-3 /proc/loadavg)"
for client in tern mosh; do measure $client; done
echo
python3 - "$RESULTS" <<'PY'
import json, sys
rows = {}
for line in open(sys.argv[1]):
    client, data = line.split(' ', 1)
    rows[client] = json.loads(data)
t, m = rows['tern'], rows['mosh']
print('| scripted workload (%d keys) | Tern CLI | mosh-client | Tern / mosh-client |' % t['keys'])
print('|---|---|---|---|')
print('| keystrokes shown immediately | %.1f %% | %.1f %% | %.2f |' % (100 * t['fraction'], 100 * m['fraction'], t['fraction'] / m['fraction']))
PY
