# Shared helpers of the benchmark scripts (sourced): the JDK, a private Xvfb for the desktop benchmarks, CPU and
# timing helpers, and (after bench_use_tmux) the loopback Mosh set-up in a private tmux server.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
source "$ROOT/scripts/find-jdk.sh"
tern_find_jdk
export LANG=C.UTF-8

# bench_xvfb NAME FIRST LAST GEOMETRY LOG: a private X display without a window manager (as the person tests run) on
# the first free number from FIRST to LAST; exports DISPLAY and sets XVFB_PID (the caller kills it when done)
bench_xvfb() {
  local name=$1 first=$2 last=$3 geometry=$4 log=$5 n
  XVFB_PID=
  for n in $(seq "$first" "$last"); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
    Xvfb ":$n" -screen 0 "$geometry" -nolisten tcp >"$log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
    if kill -0 "$XVFB_PID" 2>/dev/null && [ -e "/tmp/.X11-unix/X$n" ]; then export DISPLAY=":$n"; return 0; fi
    XVFB_PID=
  done
  echo "$name: could not start Xvfb:" >&2; cat "$log" >&2; exit 1
}

# bench_use_tmux: the Mosh benchmarks' tools, and T, a tmux of their own that ends with the script
bench_use_tmux() {
  for tool in tmux mosh-server mosh-client python3; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (Debian: apt-get install tmux mosh python3)" >&2; exit 1; }
  done
  TMUX_SOCKET="tern-bench-$$"
  trap 'T kill-server 2>/dev/null || true' EXIT
}
T() { tmux -L "$TMUX_SOCKET" -f /dev/null "$@"; }

build_once() {  # the CLI's class path, building the modules first when needed
  if [ ! -f "$ROOT/app/target/tern-app.jar" ] || [ -z "${TERN_SKIP_BUILD:-}" ]; then
    (cd "$ROOT" && mvn -B -q -ntp -DskipTests install) >&2
  fi
  TERN_CP="$ROOT/app/target/tern-app.jar"
  for jar in "$ROOT"/app/target/lib/*.jar; do
    case "$(basename "$jar")" in javafx-*) ;; *) TERN_CP="$TERN_CP:$jar" ;; esac
  done
  TESTBED_JAR=$(ls "$ROOT"/testbed/target/tern-testbed-*.jar | head -1)
  (cd "$ROOT" && mvn -B -q -ntp -pl testbed dependency:build-classpath -Dmdep.outputFile="$ROOT/testbed/target/runtime-cp.txt" \
    -Dmdep.includeScope=runtime) >&2
  TESTBED_CP="$TESTBED_JAR:$(cat "$ROOT/testbed/target/runtime-cp.txt")"
}

# the real launcher, as a user runs it (already built by build_once); TERN_BENCH_LAUNCHER measures another one,
# e.g. the installed /opt/tern/bin/tern
tern_cli() { echo "env TERN_SKIP_BUILD=1 ${TERN_BENCH_LAUNCHER:-$ROOT/tern}"; }

start_server() {  # prints "PORT KEY PID" of a fresh mosh-server running a plain bash with prompt "$ "
  local port=$(( 42000 + RANDOM % 8000 )) out
  out=$(mosh-server new -i 127.0.0.1 -p "$port" -c 256 -l LANG=C.UTF-8 -- env 'PS1=$ ' bash --norc --noprofile 2>&1)
  echo "$(sed -n 's/^MOSH CONNECT \([0-9]*\) \(.*\)$/\1 \2/p' <<<"$out") $(sed -n 's/.*detached, pid = \([0-9]*\).*/\1/p' <<<"$out")"
}

# attach_via_proxy tern|mosh SESSION DELAY_MS [PREDICT]: a fresh mosh-server, the impairment proxy in front of it
# (DELAY_MS each way) and the client attached through it in a 100x30 tmux pane, cleared at its prompt; PREDICT sets the
# local echo mode (--predict for Tern, MOSH_PREDICTION_DISPLAY for mosh-client). detach_proxied ends all three.
attach_via_proxy() {
  local client=$1 s=$2 delay=$3 predict=${4:-} port key proxy_port cmd
  read -r port key PROXIED_SERVER_PID <<<"$(start_server)"
  coproc PROXY { exec "$JAVA_HOME/bin/java" -cp "$TESTBED_CP" dev.tern.testbed.ProxyMain "$port" "$delay" 0 600; }
  PROXIED_PROXY_PID=$PROXY_PID; read -r proxy_port <&"${PROXY[0]}"
  if [ "$client" = tern ]; then cmd="$(tern_cli) ${predict:+--predict=$predict} --attach 127.0.0.1 $proxy_port"
  else cmd="env ${predict:+MOSH_PREDICTION_DISPLAY=$predict} mosh-client 127.0.0.1 $proxy_port"; fi
  T new-session -d -s "$s" -x 100 -y 30 "exec env LANG=C.UTF-8 MOSH_KEY=$key $cmd"
  wait_for "$s" '^\$ ?$' 60
  T send-keys -t "$s" 'clear' Enter; sleep 2
}

detach_proxied() {  # detach_proxied SESSION
  T kill-session -t "$1"; kill "$PROXIED_SERVER_PID" "$PROXIED_PROXY_PID" 2>/dev/null || true
  wait "$PROXIED_PROXY_PID" 2>/dev/null || true
}

pane() { T capture-pane -p -t "$1"; }
pane_pid() { T display -p -t "$1" '#{pane_pid}'; }
now_ms() { date +%s%3N; }
cpu_ms() {  # CPU time of a pid's live threads, in ms, from the scheduler's nanosecond counters (/proc/.../stat's
  # clock ticks are 10 ms, as much as mosh-client spends on a whole seq). A thread that ends inside a measured window
  # would go uncounted: mosh-client has one thread, and the JVM had the same threads before and after every seq measured.
  [ -d "/proc/$1/task" ] || { echo 0; return; }
  cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ns += $1} END {printf "%d\n", ns / 1e6}'
}
wait_for() {  # wait_for SESSION REGEX SECONDS
  local deadline=$(( $(date +%s) + $3 ))
  until pane "$1" | grep -Eq "$2"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "bench: timed out waiting for /$2/ in $1:" >&2; pane "$1" >&2; return 1; }
    sleep 0.02
  done
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
