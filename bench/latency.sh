#!/usr/bin/env bash
# bench/latency.sh [DELAY_MS_ONE_WAY] [N] -- keystroke echo latency at 2*DELAY round-trip time through the
# in-process impairment proxy, Tern's CLI against the official mosh-client, prediction always and never.
# Prints one line per case and a table with the Tern/mosh-client ratios of the medians.
source "$(dirname "$(readlink -f "$0")")/lib.sh"
bench_use_tmux
DELAY=${1:-150}; N=${2:-30}
build_once
RESULTS=$(mktemp); trap 'rm -f "$RESULTS"; T kill-server 2>/dev/null || true' EXIT

measure() {  # measure CLIENT PREDICT
  local client=$1 predict=$2 s="lat-$1-$2" json
  attach_via_proxy "$client" "$s" "$DELAY" "$predict"
  json=$(python3 "$BENCH_DIR/keylat.py" "$TMUX_SOCKET" "$s" "$N")
  echo "$client $predict $json" >> "$RESULTS"
  python3 -c 'import json,sys; d=json.loads(sys.argv[3]); print("%-5s %-7s median %7.1f ms  p95 %7.1f  min %6.1f  max %6.1f  timeouts %d" % (sys.argv[1], sys.argv[2], d["median"], d["p95"], d["min"], d["max"], d["timeouts"]))' "$client" "$predict" "$json"
  detach_proxied "$s"
}

echo "# keystroke echo at $((2 * DELAY)) ms RTT, $N keys each, load $(cut -d' ' -f1-3 /proc/loadavg)"
for predict in always never; do for client in tern mosh; do measure $client $predict; done; done
echo
echo "| echo latency at $((2 * DELAY)) ms RTT | Tern CLI median / p95 | mosh-client median / p95 | Tern / mosh-client (median) |"
echo "|---|---|---|---|"
python3 - "$RESULTS" <<'PY'
import json, sys
rows = {}
for line in open(sys.argv[1]):
    client, predict, data = line.split(' ', 2)
    rows[(client, predict)] = json.loads(data)
for predict in ('always', 'never'):
    t, m = rows[('tern', predict)], rows[('mosh', predict)]
    print('| prediction %s | %.1f / %.1f ms | %.1f / %.1f ms | %.2f |' % (predict, t['median'], t['p95'], m['median'], m['p95'], t['median'] / m['median']))
PY
