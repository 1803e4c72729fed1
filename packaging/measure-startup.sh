#!/usr/bin/env bash
# Start-up time of the packaged app (packaging/target/app-image, built by packaging/build.sh) to its first window,
# with and without the AOT cache, on a private Xvfb. Runs alternate between the variants; prints every run and
# the medians.
#   first frame: the app's own probe (-Dtern.startupProbe=exit, passed with JAVA_TOOL_OPTIONS because jpackage
#                launchers ignore JDK_JAVA_OPTIONS) prints first-frame-ms = ms from process start to the first
#                layout pulse of the shown window, then quits. Without the probe in the app the time until
#                xdotool sees the window is used instead (coarser).
#   variants:    aot        the app-image as shipped (-XX:AOTCache=$APPDIR/tern.aot in its .cfg)
#                no-aot     the same with -XX:AOTMode=off (no cache; the shipped runtime has no other CDS archive)
#                jdk-cds    a copy of the app-image without the AOT cache but with the JDK's default CDS archive
#                           (java -Xshare:dump), as a stock JDK has it
#                appcds     that copy plus a dynamic AppCDS archive of the app (-XX:ArchiveClassesAtExit in one
#                           training run, then -XX:SharedArchiveFile): the pre-JDK-24 way
#                checkout   ./tern from the source tree (JDK 25 + jars, TERN_SKIP_BUILD=1), for comparison
#                floor      the floor: an empty JavaFX window of Tern's default size (tools/EmptyStage.java) started by
#                           the app-image's own runtime with Tern's JVM options, printing first-frame-ms the same way
#                floor-aot  the same with an AOT cache of its own, recorded in one training run as build.sh does
#                           Tern's: what any JavaFX app could reach on this runtime
#                before     with TERN_STARTUP_BEFORE=DIR (an app-image folder, e.g. a copy of app-image/Tern from
#                           an earlier build): that build's launcher, alternated with the others, for a before/after
#   and the ratio of Tern as shipped (aot) to each floor, medians (issue #19's target: at most 1.3x the floor).
#   and the CLI launcher: wall time of `tern --help` in the same variants (except checkout).
# Usage: packaging/measure-startup.sh [RUNS] [--no-cds]   (default 7 runs per variant; --no-cds skips jdk-cds and
#        appcds)
# Needs: Xvfb, xdotool (apt-get install xvfb xdotool)
set -euo pipefail
source "$(dirname "$(readlink -f "$0")")/lib.sh"
tern_pkg_init
[ "$TERN_OS" = linux ] || tern_pkg_fail "this measurement runs on Linux (Xvfb)"
RUNS=7
with_cds=1
for arg in "$@"; do
  case "$arg" in
    --no-cds) with_cds="" ;;
    *) RUNS="$arg" ;;
  esac
done
[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 1 ] || tern_pkg_fail "RUNS must be a positive number"
command -v Xvfb >/dev/null 2>&1 && command -v xdotool >/dev/null 2>&1 || tern_pkg_fail "needs Xvfb and xdotool: apt-get install xvfb xdotool"
[ -x "$GUI_LAUNCHER" ] || tern_pkg_fail "no app-image at ${IMAGE#"$ROOT"/}: run packaging/build.sh first"
[ -f "$IMAGE_APP/$TERN_AOT_FILE" ] || tern_pkg_log "WARNING: the app-image has no AOT cache; 'aot' and 'no-aot' will be the same"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tern-measure.XXXXXX")"
export TERN_CONFIG_DIR="$WORK/config"  # an empty settings folder: the user's open tabs would reopen and skew the start
XVFB_PID=""
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

display_number=80
while [ -e "/tmp/.X11-unix/X$display_number" ] || [ -e "/tmp/.X$display_number-lock" ]; do display_number=$((display_number + 1)); done
Xvfb ":$display_number" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY=":$display_number"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

now_ms() { date +%s%3N; }

# One start: prints the milliseconds to the first frame (probe) or to the visible window (fallback).
one_run() {  # $1 = variant
  local variant=$1 options="-Dtern.startupProbe=exit" log="$WORK/run.log" t0 result="" window=""
  local cmd=("$GUI_LAUNCHER")
  case "$variant" in
    no-aot) options="$options -XX:AOTMode=off" ;;
    jdk-cds) cmd=("$COPY/bin/$TERN_NAME") ;;
    appcds) cmd=("$COPY/bin/$TERN_NAME"); options="$options -XX:SharedArchiveFile=$COPY/lib/app/tern.jsa" ;;
    checkout) cmd=("$ROOT/tern") ;;
    before) cmd=("$TERN_STARTUP_BEFORE/bin/$TERN_NAME") ;;
    floor) cmd=("${FLOOR_CMD[@]}") ;;
    floor-aot) cmd=("${FLOOR_CMD[@]}"); options="$options -XX:AOTCache=$FLOOR_DIR/floor.aot" ;;
  esac
  t0=$(now_ms)
  JAVA_TOOL_OPTIONS="$options" TERN_SKIP_BUILD=1 "${cmd[@]}" >"$log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 600); do
    result="$(sed -n 's/^first-frame-ms=\([0-9]*\).*/\1/p' "$log" | head -1)"
    [ -n "$result" ] && break
    if [ -z "$window" ]; then
      window="$(xdotool search --onlyvisible --name "^$TERN_NAME\$" 2>/dev/null | head -1 || true)"
      [ -n "$window" ] && window_ms=$(($(now_ms) - t0))
    elif ! grep -q first-frame-ms "$log" && [ $(($(now_ms) - t0)) -gt $((window_ms + 5000)) ]; then
      # no probe in this build: fall back to the time the window became visible
      result="$window_ms"
      "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "$PKG_DIR/tools/CloseWindow.java" "$window" || true
      break
    fi
    kill -0 "$APP_PID" 2>/dev/null || { result="$(sed -n 's/^first-frame-ms=\([0-9]*\).*/\1/p' "$log" | head -1)"; break; }
    sleep 0.05
  done
  for _ in $(seq 200); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.05; done
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  if [ -z "$result" ] && [ "$variant" = checkout ]; then
    # the source tree may be mid-build by someone else: skip this run rather than the whole measurement
    tern_pkg_log "checkout: no first frame seen in this run (skipped): $(tail -3 "$log" | tr '\n' ' ')"
    return 0
  fi
  [ -n "$result" ] || { cat "$log" >&2; tern_pkg_fail "$variant: no first frame seen"; }
  if grep -q '\[error\]\[aot' "$log"; then cat "$log" >&2; tern_pkg_fail "$variant: AOT cache errors"; fi
  echo "$result"
}

cli_run() {  # $1 = variant: wall ms of `tern --help`
  local options="" t0 launcher="$CLI_LAUNCHER"
  case "$1" in
    no-aot) options="-XX:AOTMode=off" ;;
    jdk-cds) launcher="$COPY/bin/$TERN_CLI_NAME" ;;
    appcds) launcher="$COPY/bin/$TERN_CLI_NAME"; options="-XX:SharedArchiveFile=$COPY/lib/app/tern.jsa" ;;
  esac
  t0=$(now_ms)
  JAVA_TOOL_OPTIONS="$options" "$launcher" --help >/dev/null 2>&1 || tern_pkg_fail "$1: tern --help failed"
  echo $(($(now_ms) - t0))
}

# The copy for jdk-cds and appcds: no AOT cache, the JDK's default CDS archive, and a dynamic AppCDS archive
# recorded by one training run (like the AOT training in build.sh).
make_cds_copy() {
  COPY="$WORK/cds/$TERN_NAME"
  mkdir -p "$WORK/cds"
  cp -a "$IMAGE" "$COPY"
  rm -f "$COPY/lib/app/$TERN_AOT_FILE"
  sed -i '/-XX:AOTCache=/d' "$COPY/lib/app/$TERN_NAME.cfg" "$COPY/lib/app/$TERN_CLI_NAME.cfg"
  "$COPY/lib/runtime/bin/java" -Xshare:dump >"$WORK/cds-dump.log" 2>&1 || { cat "$WORK/cds-dump.log" >&2; tern_pkg_fail "java -Xshare:dump failed"; }
  JAVA_TOOL_OPTIONS="-Dtern.startupProbe=exit -XX:ArchiveClassesAtExit=$COPY/lib/app/tern.jsa" "$COPY/bin/$TERN_NAME" >"$WORK/cds-train.log" 2>&1 || true
  [ -s "$COPY/lib/app/tern.jsa" ] || { cat "$WORK/cds-train.log" >&2; tern_pkg_fail "the AppCDS training run wrote no archive"; }
  echo "measure: AppCDS copy: default CDS $(du -ch "$COPY"/lib/runtime/lib/server/*.jsa | tail -1 | cut -f1), app archive $(du -h "$COPY/lib/app/tern.jsa" | cut -f1)"
}

# The floor: EmptyStage compiled against the app-image's runtime and run by it, and its AOT cache.
make_floor() {
  FLOOR_DIR="$WORK/floor"
  mkdir -p "$FLOOR_DIR/classes"
  "$JAVA_HOME/bin/javac" --system "$IMAGE/lib/runtime" -d "$FLOOR_DIR/classes" "$PKG_DIR/tools/EmptyStage.java" \
    || tern_pkg_fail "could not compile tools/EmptyStage.java"
  "$JAR" --create --file "$FLOOR_DIR/empty-stage.jar" -C "$FLOOR_DIR/classes" .  # an AOT cache wants jars
  FLOOR_CMD=("$IMAGE/lib/runtime/bin/java" "${TERN_JAVA_OPTIONS[@]}" "${TERN_GUI_JAVA_OPTIONS[@]}"
    -cp "$FLOOR_DIR/empty-stage.jar" EmptyStage)
  "${FLOOR_CMD[@]}" >/dev/null 2>&1 || true  # warm the page cache
  JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$FLOOR_DIR/floor.aot" "${FLOOR_CMD[@]}" >"$WORK/floor-train.log" 2>&1 || true
  [ -s "$FLOOR_DIR/floor.aot" ] || { cat "$WORK/floor-train.log" >&2; tern_pkg_fail "the floor's AOT training wrote no cache"; }
}

median() { sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print int((v[NR/2]+v[NR/2+1])/2)}'; }

variants=(aot no-aot)
cli_variants=(aot no-aot)
if [ -n "$with_cds" ]; then
  make_cds_copy
  variants+=(jdk-cds appcds)
  cli_variants+=(jdk-cds appcds)
fi
[ -f "$APP_JAR" ] && variants+=(checkout)
make_floor
variants+=(floor floor-aot)
if [ -n "${TERN_STARTUP_BEFORE:-}" ]; then
  [ -x "$TERN_STARTUP_BEFORE/bin/$TERN_NAME" ] || tern_pkg_fail "TERN_STARTUP_BEFORE: no $TERN_NAME launcher in $TERN_STARTUP_BEFORE/bin"
  variants=(before "${variants[@]}")
fi
echo "measure: $RUNS runs per variant on $DISPLAY (Xvfb, software rendering), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
one_run aot >/dev/null # warm the page cache; not counted
declare -A runs
for _ in $(seq "$RUNS"); do
  for variant in "${variants[@]}"; do
    runs[$variant]+="$(one_run "$variant") "
  done
done
declare -A cli
for _ in $(seq "$RUNS"); do
  for variant in "${cli_variants[@]}"; do cli[$variant]+="$(cli_run "$variant") "; done
done

printf '%-34s %-8s %-6s %s\n' "start to first frame (ms)" median min "runs (sorted)"
for variant in "${variants[@]}"; do
  sorted="$(tr ' ' '\n' <<<"${runs[$variant]}" | grep . | sort -n | tr '\n' ' ')"
  printf '%-34s %-8s %-6s %s\n' "  $variant" "$(tr ' ' '\n' <<<"$sorted" | grep . | median)" "${sorted%% *}" "$sorted"
done
printf '%-34s %-8s %-6s %s\n' "tern --help, wall (ms)" median min "runs (sorted)"
for variant in "${cli_variants[@]}"; do
  sorted="$(tr ' ' '\n' <<<"${cli[$variant]}" | grep . | sort -n | tr '\n' ' ')"
  printf '%-34s %-8s %-6s %s\n' "  $variant" "$(tr ' ' '\n' <<<"$sorted" | grep . | median)" "${sorted%% *}" "$sorted"
done
declare -A medians
for variant in "${variants[@]}"; do medians[$variant]=$(tr ' ' '\n' <<<"${runs[$variant]}" | grep . | median); done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
[ -n "${medians[before]:-}" ] && echo "before / aot: $(ratio "${medians[before]}" "${medians[aot]}")x"
echo "Tern as shipped (aot) / the floor: $(ratio "${medians[aot]}" "${medians[floor]}")x," \
  "/ the floor with its own AOT cache: $(ratio "${medians[aot]}" "${medians[floor-aot]}")x (target: at most 1.3x the floor)"
echo "measure: load after the runs $(cut -d' ' -f1-3 /proc/loadavg)"
