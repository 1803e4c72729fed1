#!/usr/bin/env bash
# bench/wakeup.sh [LINES] [ROUNDS] [GAP_MS] -- records what mosh-server sends for `seq 1 LINES` and replays it through
# the client's per-state path (receive, overlays, frame renderer) in warm code, back to back and with the live
# session's gap between states, with the CLI's JVM flags. Prints the CPU of each and their ratio: the cost of
# waking up for every state, on top of the compute.
source "$(dirname "$(readlink -f "$0")")/lib.sh"
bench_use_tmux
cd "$ROOT"
if [ -z "${TERN_SKIP_BUILD:-}" ]; then
  mvn -B -ntp -q -pl testbed install -DskipTests >&2
fi
mvn -B -ntp -q -pl transport test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1 \
  -cp "transport/target/test-classes:transport/target/classes:$(cat transport/target/bench-classpath.txt)" \
  dev.tern.transport.session.WakeupCostBench "$@"
