#!/usr/bin/env bash
# bench/widget-flood.sh [MB] -- the terminal widget under a flood, on a private Xvfb, each path in its own JVM:
#   1. `cat` of an MB-megabyte file (default 50) in a local tab: Tern's TerminalView over pty4j and bash, timed
#      until the file's last line is on the widget's screen: seconds, MB/s, peak RSS (VmHWM) of the JVM;
#   2. the same bytes (with the tty's CR LF) fed straight into JediTermFX, no Tern pipeline: the same figures;
#   3. xterm (Debian's package) running the same `cat` at the same size (time from cat's start to its end, and
#      xterm's peak RSS);
#   4. the floor of step 1: the same `cat` in a pty read by pty4j as a local tab reads it, output thrown away (the
#      kernel's tty layer and pty4j alone; no terminal can show the file faster);
#   5. a Mosh tab at 300 ms RTT (local mosh-server behind the UDP impairment proxy): key event to predicted glyph
#      in the widget's buffer, KEYS keys (default 200) typed 60-180 ms apart after WARMUP (default 10) warm-up keys.
# Steps 1-4 run for two files of the same size: `seq` output (short lines: the hardest case, since a terminal's
# cost is mostly per line) and text lines of 1-70 characters (logs, source, prose). All at COLSxROWS (default
# 100x30, the size of the other benchmarks). Prints markdown tables; the last line is the headline ratio
# JediTermFX direct / Tern pipeline (the issue's target: at least 20x).
#
# JediTermFX direct takes about a minute for 50 MB of seq lines; for a quick run pass a smaller MB (e.g. 5).
# Environment: TERN_FLOOD_MB (instead of the argument), TERN_FLOOD_KINDS ("seq text", or one of them),
# TERN_BENCH_SIZE=COLSxROWS, TERN_BENCH_KEYS, TERN_BENCH_WARMUP, TERN_BENCH_DISPLAY=:N (use that X display instead
# of starting a private Xvfb), TERN_FLOOD_JAVA_OPTS (extra JVM options for every Tern JVM it starts, e.g. the desktop
# app's from ./tern), TERN_SKIP_BUILD=1 (use the last build), TERN_MVN_ARGS (extra Maven arguments, e.g.
# -o), TERN_MVN_LOCK=FILE (run Maven under flock FILE, for machines where several builds share a tree).
source "$(dirname "$(readlink -f "$0")")/lib.sh"

MB=${1:-${TERN_FLOOD_MB:-50}}
SIZE=${TERN_BENCH_SIZE:-100x30}
KEYS=${TERN_BENCH_KEYS:-200}
WARMUP=${TERN_BENCH_WARMUP:-10}
COLS=${SIZE%x*}; ROWS=${SIZE#*x}

missing=()
command -v xterm >/dev/null || missing+=("xterm (Debian: apt-get install xterm)")
command -v mosh-server >/dev/null || missing+=("mosh-server (Debian: apt-get install mosh)")
[ -n "${TERN_BENCH_DISPLAY:-}" ] || command -v Xvfb >/dev/null || missing+=("Xvfb (Debian: apt-get install xvfb)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "widget-flood: missing, please install:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi
TIME_BIN=/usr/bin/time
[ -x "$TIME_BIN" ] || { TIME_BIN=; echo "widget-flood: /usr/bin/time is missing (apt-get install time): no RSS figure for xterm" >&2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tern-widget-flood.XXXXXX")
XVFB_PID=
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# ---- a private X display (real windows, Prism's software pipeline: there is no GPU under Xvfb) ----
if [ -n "${TERN_BENCH_DISPLAY:-}" ]; then
  export DISPLAY=$TERN_BENCH_DISPLAY
else
  bench_xvfb widget-flood 90 140 1600x1000x24 "$WORK/xvfb.log"
fi

# ---- build, and the widget's test class path (the bench entry points live in its test sources) ----
mvn_() {
  if [ -n "${TERN_MVN_LOCK:-}" ] && command -v flock >/dev/null; then
    flock "$TERN_MVN_LOCK" mvn -B -q -ntp ${TERN_MVN_ARGS:-} "$@"
  else
    mvn -B -q -ntp ${TERN_MVN_ARGS:-} "$@"
  fi
}
CP_FILE="$ROOT/terminal-widget/target/bench-cp.txt"
if [ -z "${TERN_SKIP_BUILD:-}" ]; then
  command -v mvn >/dev/null || { echo "widget-flood: Maven is needed (apt-get install maven)" >&2; exit 1; }
  (cd "$ROOT" && mvn_ -pl terminal-widget -am install -DskipTests -Dtern.skipFuzz=true) >&2
fi
if [ -z "${TERN_SKIP_BUILD:-}" ] || [ ! -s "$CP_FILE" ]; then
  (cd "$ROOT" && mvn_ -pl terminal-widget dependency:build-classpath -Dmdep.outputFile="$CP_FILE" \
    -Dmdep.includeScope=test) >&2
fi
FX_PATH= CP="$ROOT/terminal-widget/target/test-classes:$ROOT/terminal-widget/target/classes"
IFS=: read -r -a jars < "$CP_FILE" || [ ${#jars[@]} -gt 0 ]  # no newline at the end of the file
for jar in "${jars[@]}"; do
  case "$(basename "$jar")" in
    javafx-*-linux*.jar|javafx-*-mac*.jar|javafx-*-win*.jar) FX_PATH="$FX_PATH${FX_PATH:+:}$jar" ;;
    javafx-*|openjfx-monocle-*) ;;
    *) CP="$CP:$jar" ;;
  esac
done
# the JVM as ./tern starts the desktop app (JavaFX on the module path, default collector and heap)
JAVA=("$JAVA_HOME/bin/java" --enable-native-access=javafx.graphics,ALL-UNNAMED -Dprism.order=sw ${TERN_FLOOD_JAVA_OPTS:-}
      --module-path "$FX_PATH" --add-modules javafx.controls -cp "$CP" dev.tern.widget.bench.WidgetFlood)

bench() {  # bench MODE ARGS... -> prints its RESULT line; progress to stderr, the full log kept on failure
  local mode=$1 out
  shift
  if ! out=$("${JAVA[@]}" "$mode" "$@" 2> >(tee "$WORK/$mode.log" | grep --line-buffered '^widget-flood:' >&2)); then
    echo "widget-flood: the $mode run failed; its log:" >&2; sleep 0.2; tail -40 "$WORK/$mode.log" >&2; exit 1
  fi
  grep "^RESULT $mode " <<<"$out" || { echo "widget-flood: no result from $mode" >&2; tail -40 "$WORK/$mode.log" >&2; exit 1; }
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
mib() { awk -v kb="$1" 'BEGIN { printf "%.0f MB", kb / 1024 }'; }

KINDS=${TERN_FLOOD_KINDS:-seq text}
XTERM_VERSION=$(xterm -version 2>/dev/null | head -1)
echo "# widget flood: $MB MB files ($KINDS), ${COLS}x${ROWS}, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$(date -u '+%Y-%m-%d %H:%M UTC'), DISPLAY=$DISPLAY, $XTERM_VERSION"

declare -A PIPE DIRECT PTY XS XRSS DESC BYTES
for kind in $KINDS; do
  file="$WORK/$kind.txt"
  "${JAVA[@]}" file "$kind" "$file" "$MB"
  BYTES[$kind]=$(stat -c %s "$file")
  lines=$(wc -l < "$file")
  case "$kind" in
    seq) DESC[$kind]="\`seq 1 $lines\` ($(awk -v b="${BYTES[$kind]}" -v l="$lines" 'BEGIN { printf "%.1f", b / l }') bytes a line)" ;;
    *) DESC[$kind]="text, $lines lines of 1-70 characters ($(awk -v b="${BYTES[$kind]}" -v l="$lines" 'BEGIN { printf "%.0f", b / l }') bytes a line)" ;;
  esac
  echo "$kind: $(awk -v b="${BYTES[$kind]}" 'BEGIN { printf "%.1f", b / 1e6 }') MB, ${DESC[$kind]}"
  # 1. Tern's pipeline in a local tab
  PIPE[$kind]=$(bench pipeline "$file" "$SIZE")
  echo "  pipeline: ${PIPE[$kind]}"
  # 2. JediTermFX fed directly
  DIRECT[$kind]=$(bench direct "$file" "$SIZE")
  echo "  direct:   ${DIRECT[$kind]}"
  # 3. xterm, the same cat at the same size; the time is taken inside it, from the start of cat to its end
  xterm_cmd=(xterm -geometry "${COLS}x${ROWS}" -sl 10000 -e sh -c \
    "date +%s%N > '$WORK/x.start'; cat '$file'; date +%s%N > '$WORK/x.end'")
  if [ -n "$TIME_BIN" ]; then
    "$TIME_BIN" -f '%M' -o "$WORK/x.rss" "${xterm_cmd[@]}"
    XRSS[$kind]=$(tail -1 "$WORK/x.rss")
  else
    "${xterm_cmd[@]}"
    XRSS[$kind]=
  fi
  XS[$kind]=$(awk -v a="$(cat "$WORK/x.start")" -v b="$(cat "$WORK/x.end")" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  echo "  xterm:    seconds=${XS[$kind]} peak_rss_kb=${XRSS[$kind]:-?}"
  # 4. the floor: the pty and pty4j alone
  PTY[$kind]=$(bench pty "$file" "$SIZE")
  echo "  pty:      ${PTY[$kind]}"
  rm -f "$file"
done
# 5. key event to predicted glyph, Mosh tab at 300 ms RTT
K=$(bench keys "$SIZE" "$KEYS" "$WARMUP")
echo "keys: $K"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.2f", b / 1e6 / s }'; }
echo
echo "| \`cat\` of a $MB MB file in a ${COLS}x${ROWS} terminal, until its last line is shown | seconds | MB/s | peak RSS |"
echo "|---|---|---|---|"
for kind in $KINDS; do
  p=${PIPE[$kind]} d=${DIRECT[$kind]} b=${BYTES[$kind]}
  echo "| **${DESC[$kind]}** | | | |"
  echo "| Tern local tab (pty4j, our emulator, frames into JediTermFX) | $(field "$p" seconds) s | $(mbps "$b" "$(field "$p" seconds)") | $(mib "$(field "$p" hwm_kb)") |"
  echo "| JediTermFX fed the same bytes directly | $(field "$d" seconds) s | $(mbps "$b" "$(field "$d" seconds)") | $(mib "$(field "$d" hwm_kb)") |"
  echo "| xterm | ${XS[$kind]} s | $(mbps "$b" "${XS[$kind]}") | ${XRSS[$kind]:+$(mib "${XRSS[$kind]}")} |"
  echo "| the floor: \`cat\` into a pty read by pty4j, output discarded | $(field "${PTY[$kind]}" seconds) s | $(mbps "$b" "$(field "${PTY[$kind]}" seconds)") | |"
done
echo
echo "| Mosh tab at 300 ms RTT: key event to predicted glyph in the widget's buffer | keys | p50 | p95 | p99 | max |"
echo "|---|---|---|---|---|---|"
echo "| measured ($(field "$K" underlined) shown underlined, $(field "$K" missing) never shown) | $(field "$K" keys) | $(field "$K" p50_ms) ms | $(field "$K" p95_ms) ms | $(field "$K" p99_ms) ms | $(field "$K" max_ms) ms |"
echo "| warm-up keys typed before them, not counted above | $(field "$K" warmup) | $(field "$K" warmup_p50_ms) ms | | | $(field "$K" warmup_max_ms) ms |"
echo
for kind in $KINDS; do
  p=${PIPE[$kind]} d=${DIRECT[$kind]}
  echo "$kind: pipeline $(field "$p" frames) frames, JVM CPU $(field "$p" cpu_ms) ms (GC $(field "$p" gc_ms) ms)," \
    "RSS at the prompt $(mib "$(field "$p" rss_before_kb)"); direct JVM CPU $(field "$d" cpu_ms) ms" \
    "(GC $(field "$d" gc_ms) ms), RSS before $(mib "$(field "$d" rss_before_kb)")"
done
echo "key p99 by stage (ms after the key event was posted): FX dispatch $(field "$K" stage_fx_p99_ms)," \
  "to the connector $(field "$K" stage_send_p99_ms), frame with the glyph out of the session" \
  "$(field "$K" stage_frame_p99_ms), glyph in the buffer $(field "$K" p99_ms)"
line="xterm / Tern pipeline (above 1: Tern is faster):"
for kind in $KINDS; do line="$line $kind $(ratio "${XS[$kind]}" "$(field "${PIPE[$kind]}" seconds)")x"; done
echo "$line"
line="Tern pipeline / the pty floor (1.0 would be as fast as the pty delivers):"
for kind in $KINDS; do line="$line $kind $(ratio "$(field "${PIPE[$kind]}" seconds)" "$(field "${PTY[$kind]}" seconds)")x"; done
echo "$line"
line="JediTermFX direct / the pty floor (the most any pty-fed pipeline can reach):"
for kind in $KINDS; do line="$line $kind $(ratio "$(field "${DIRECT[$kind]}" seconds)" "$(field "${PTY[$kind]}" seconds)")x"; done
echo "$line"
echo "key event to predicted glyph, p99: $(field "$K" p99_ms) ms (target < 16 ms)"
line="JediTermFX direct / Tern pipeline (target >= 20x):"
for kind in $KINDS; do
  line="$line $kind lines $(ratio "$(field "${DIRECT[$kind]}" seconds)" "$(field "${PIPE[$kind]}" seconds)")x"
done
echo "$line"
