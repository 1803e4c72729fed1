#!/usr/bin/env bash
# bench/memory.sh [TABS...] -- memory of the desktop app with restored local tabs, on a private Xvfb (default tab
# counts: 1 10 30). For each count a fresh config folder holds a window.json with that many open local tabs; Tern
# starts, restores them, and each tab is shown once (Ctrl+PageDown through all of them, back to the first). Then:
#   at rest:     VmRSS of the JVM (/proc/PID/status) and its Java heap, used / committed (jstat -gc), after
#                TERN_MEM_SETTLE seconds (default 15) without input, then its CPU time over TERN_MEM_IDLE more
#                seconds (default 10) of idling, in ms per second (the cost of the periodic GC and of the cursor);
#   flood:       `head -c 50000000 /dev/urandom | base64` typed into the first tab (67 MB of output); VmHWM is the
#                process's peak (start-up included);
#   after flood: VmRSS and heap TERN_MEM_AFTER seconds (default 10) after the flood's last byte was written.
# xterm (-sl 10000, the scrollback Tern keeps) runs the same flood in the same run for comparison.
# Environment:
#   TERN_MEM_LAUNCHER  the command that starts the desktop app (default: ./tern with TERN_SKIP_BUILD=1; e.g.
#                      packaging/target/app-image/Tern/bin/Tern)
#   TERN_MEM_OPTS      extra JVM options for that run, e.g. "-XX:NativeMemoryTracking=summary": in JAVA_TOOL_OPTIONS,
#                      which every launcher honours, and in TERN_JAVA_OPTS, which ./tern puts after its own flags (so
#                      they override those: the JVM's defaults are "-Xms384m -XX:G1PeriodicGCInterval=0
#                      -XX:MinHeapFreeRatio=40 -XX:MaxHeapFreeRatio=70 -XX:TrimNativeHeapInterval=0" on 24 GB)
#   TERN_MEM_VARIANTS  "NAME=OPTIONS;NAME=OPTIONS" runs each tab count once per variant, alternating, e.g.
#                      "default=;small=-Xmx256m"; NAME@LAUNCHER=OPTIONS runs that variant with its own launcher (two
#                      builds side by side: a copy of ./tern next to a copy of app/target's tern-app.jar and lib/, e.g.
#                      "before@/tmp/before/tern=;after=") (replaces TERN_MEM_OPTS)
#   TERN_MEM_MB        the flood's size in MB of random bytes (default 50); TERN_MEM_KEEP=1 keeps the work folder
#   TERN_MEM_SHOW=0    leaves the restored tabs as they came (only the first one shown): what a restored window costs
#                      before the person looks at its other tabs
#   TERN_MEM_HOOK      a command run at rest with the JVM's pid as its argument (e.g. a heap histogram)
#   TERN_MEM_HOOK_AFTER  the same, run after the flood once its figures are taken (a histogram of what the flood left)
# Needs: Xvfb, xdotool, xwininfo, xterm, and a JDK's jstat (apt-get install xvfb xdotool x11-utils xterm).
source "$(dirname "$(readlink -f "$0")")/lib.sh"

TABS=("$@")
[ ${#TABS[@]} -gt 0 ] || TABS=(1 10 30)
for n in "${TABS[@]}"; do
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] || { echo "memory: tab counts are positive numbers, not '$n'" >&2; exit 2; }
done
SETTLE=${TERN_MEM_SETTLE:-15}
AFTER=${TERN_MEM_AFTER:-10}
IDLE=${TERN_MEM_IDLE:-10}
MB=${TERN_MEM_MB:-50}
LAUNCHER=${TERN_MEM_LAUNCHER:-$ROOT/tern}
VARIANTS=${TERN_MEM_VARIANTS:-"run=${TERN_MEM_OPTS:-}"}

missing=()
for tool in Xvfb xdotool xwininfo xterm; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -x "$JAVA_HOME/bin/jstat" ] || missing+=("jstat (a full JDK)")
[ ${#missing[@]} -eq 0 ] || { echo "memory: missing ${missing[*]} (Debian: apt-get install xvfb xdotool x11-utils xterm)" >&2; exit 1; }
[ -x "$LAUNCHER" ] || { echo "memory: no launcher at $LAUNCHER (build first: mvn install, or packaging/build.sh)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tern-memory.XXXXXX")
XVFB_PID= APP_PID= XTERM_PID=
cleanup() {
  for pid in $APP_PID $XTERM_PID $XVFB_PID; do kill "$pid" 2>/dev/null || true; done
  [ -n "${TERN_MEM_KEEP:-}" ] && echo "memory: work folder kept: $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

bench_xvfb memory 150 199 1280x800x24 "$WORK/xvfb.log"

# the flood, as a script the typed command runs: it writes a marker when its last byte went into the pty
cat >"$WORK/flood.sh" <<EOF
head -c $((MB * 1000000)) /dev/urandom | base64
date +%s%N > "\$1"
EOF

kb() { awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
heap() {  # "used/committed" MB of the Java heap (young + old; any of the stop-the-world collectors' jstat columns)
  "$JAVA_HOME/bin/jstat" -gc "$1" 2>/dev/null | awk '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    NR == 2 { u = $col["EU"] + $col["OU"] + $col["S0U"] + $col["S1U"]; c = $col["EC"] + $col["OC"] + $col["S0C"] + $col["S1C"]
              printf "%.0f/%.0f", u / 1024, c / 1024 }'
}
wait_file() {  # wait_file FILE SECONDS
  local deadline=$(( $(date +%s) + $2 ))
  until [ -s "$1" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}
focus() {  # no window manager: the keyboard focus goes through the root window to the window, then a click inside
  local root
  root=$(xwininfo -root | awk '/Window id:/ { print $4 }')
  xdotool windowfocus --sync "$((root))" 2>/dev/null || true
  xdotool windowfocus --sync "$1"
}

# one_tern TABS OPTIONS LAUNCHER -> "rss heap rss_peak rss_after heap_after ms_to_window flood_seconds idle_cpu"
one_tern() {
  local tabs=$1 options=$2 launcher=$3 config="$WORK/config-$1" done="$WORK/flood-done" t0 window geometry w h i pid
  rm -rf "$config" "$done"; mkdir -p "$config"
  {
    printf '{"width":1100,"height":700,"maximized":false,"sidebarWidth":0.24,"selectedTab":0,"openTabs":['
    for ((i = 0; i < tabs; i++)); do printf '%s{"kind":"LOCAL","target":""}' "$([ "$i" -gt 0 ] && echo ,)"; done
    printf ']}\n'
  } >"$config/window.json"
  t0=$(date +%s%3N)
  env TERN_CONFIG_DIR="$config" TERN_SKIP_BUILD=1 SHELL=/bin/bash PS1='$ ' JAVA_TOOL_OPTIONS="$options" TERN_JAVA_OPTS="$options" \
    "$launcher" >"$WORK/tern.log" 2>&1 &
  APP_PID=$!
  window=
  for _ in $(seq 300); do
    window=$(xdotool search --onlyvisible --name '^Tern' 2>/dev/null | head -1) && [ -n "$window" ] && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "memory: Tern ended early:" >&2; tail -20 "$WORK/tern.log" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$window" ] || { echo "memory: no Tern window after 30 s" >&2; tail -20 "$WORK/tern.log" >&2; exit 1; }
  local shown_ms=$(( $(date +%s%3N) - t0 ))
  pid=$APP_PID  # ./tern execs java; jpackage's launcher runs the JVM in its own process
  sleep 3
  focus "$window"
  eval "$(xdotool getwindowgeometry --shell "$window")"
  w=$WIDTH h=$HEIGHT
  xdotool mousemove --sync --window "$window" $((w * 6 / 10)) $((h / 2)) click 1
  if [ "${TERN_MEM_SHOW:-1}" = 1 ]; then
    for ((i = 0; i < tabs; i++)); do xdotool key ctrl+Next; sleep 0.4; done  # each tab shown once, back to the first
  fi
  sleep "$SETTLE"
  local cpu0 idle_cpu
  cpu0=$(cpu_ms "$pid")
  sleep "$IDLE"
  idle_cpu=$(awk -v a="$cpu0" -v b="$(cpu_ms "$pid")" -v s="$IDLE" 'BEGIN { printf "%.1f", (b - a) / s }')
  local rest_rss rest_heap
  rest_rss=$(kb "$pid" VmRSS); rest_heap=$(heap "$pid")
  [ -n "${TERN_MEM_HOOK:-}" ] && $TERN_MEM_HOOK "$pid" >&2
  xdotool mousemove --sync --window "$window" $((w * 6 / 10)) $((h / 2)) click 1
  xdotool type --delay 30 -- "sh $WORK/flood.sh $done"
  local flood_start
  flood_start=$(date +%s%N)
  xdotool key Return
  wait_file "$done" 300 || { echo "memory: the flood did not end within 300 s" >&2; exit 1; }
  local flood_s
  flood_s=$(awk -v a="$flood_start" -v b="$(cat "$done")" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  sleep "$AFTER"
  local after_rss after_heap hwm
  after_rss=$(kb "$pid" VmRSS); after_heap=$(heap "$pid"); hwm=$(kb "$pid" VmHWM)
  [ -n "${TERN_MEM_HOOK_AFTER:-}" ] && $TERN_MEM_HOOK_AFTER "$pid" >&2
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
  echo "$(mb "$rest_rss") $rest_heap $(mb "$hwm") $(mb "$after_rss") $after_heap $shown_ms $flood_s $idle_cpu"
}

# one_xterm -> "rss rss_peak rss_after flood_seconds"
one_xterm() {
  local done="$WORK/xflood-done" rest="$WORK/xrest"
  rm -f "$done" "$rest"
  xterm -geometry 100x30 -sl 10000 -e sh -c "sleep $SETTLE; date > '$rest'; sleep 1; sh '$WORK/flood.sh' '$done'; sleep $((AFTER + 5))" &
  XTERM_PID=$!
  wait_file "$rest" 60 || { echo "memory: xterm did not start" >&2; exit 1; }
  local rest_rss after_rss hwm
  rest_rss=$(kb "$XTERM_PID" VmRSS)
  local flood_start=$(date +%s%N)
  wait_file "$done" 300 || { echo "memory: the xterm flood did not end" >&2; exit 1; }
  local flood_s
  flood_s=$(awk -v a="$flood_start" -v b="$(cat "$done")" 'BEGIN { printf "%.1f", (b - a) / 1e9 - 1 }')
  sleep "$AFTER"
  after_rss=$(kb "$XTERM_PID" VmRSS); hwm=$(kb "$XTERM_PID" VmHWM)
  kill "$XTERM_PID" 2>/dev/null || true; wait "$XTERM_PID" 2>/dev/null || true; XTERM_PID=
  echo "$(mb "$rest_rss") $(mb "$hwm") $(mb "$after_rss") $flood_s"
}

IFS=';' read -r -a VARIANT_LIST <<<"$VARIANTS"
echo "# memory: $(basename "$LAUNCHER"), tabs ${TABS[*]}, $MB MB flood, $(nproc) cores, $(free -m | awk '/^Mem:/ { print $2 }') MB RAM," \
  "load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC'), DISPLAY=$DISPLAY"
echo
echo "| variant | tabs | RSS at rest | heap used/committed | idle CPU | flood | peak RSS (VmHWM) | RSS ${AFTER} s after the flood | heap after | window after |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for tabs in "${TABS[@]}"; do
  for variant in "${VARIANT_LIST[@]}"; do
    name=${variant%%=*} options=${variant#*=} launcher=$LAUNCHER
    case "$name" in *@*) launcher=${name#*@}; name=${name%%@*} ;; esac
    [ -x "$launcher" ] || { echo "memory: no launcher at $launcher" >&2; exit 1; }
    read -r rss h hwm arss ah shown flood idle <<<"$(one_tern "$tabs" "$options" "$launcher")"
    echo "| $name | $tabs | $rss MB | $h MB | $idle ms/s | $flood s | $hwm MB | $arss MB | $ah MB | $shown ms |"
  done
done
read -r xr xh xa xf <<<"$(one_xterm)"
echo "| xterm -sl 10000 | 1 | $xr MB | | | $xf s | $xh MB | $xa MB | | |"
for variant in "${VARIANT_LIST[@]}"; do
  name=${variant%%=*}
  [ -n "${variant#*=}" ] && echo "${name%%@*}: JVM options ${variant#*=}"
  case "$name" in *@*) echo "${name%%@*}: launcher ${name#*@}" ;; esac
done
true
