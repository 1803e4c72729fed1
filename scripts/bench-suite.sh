#!/usr/bin/env bash
# Runs the benchmarks that are written as JUnit tests (tagged "benchmark", left out of ./test): the screen's
# throughput and renderer figures (ScreenBenchmarkTest) and the time to a connected session against the official
# mosh wrapper on the test bed (ConnectTimeBenchmarkTest), and what a Mosh tab's complete history costs
# (terminal-widget's HistoryCostBenchmarkTest). They print their figures (see the surefire output files under
# */target/surefire-reports/ and transport/target/benchmarks/); only the work is asserted.
# Extra arguments go to Maven, e.g. -Dtest=ScreenBenchmarkTest.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source scripts/find-jdk.sh
tern_find_jdk
tern_require_maven
started=$(mktemp); trap 'rm -f "$started"' EXIT
mvn -B -ntp -pl transport,terminal-widget -am test -Dtern.skipFuzz=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtern.excludedTestGroups=none -Dgroups=benchmark "$@"
for report in transport/target/surefire-reports/dev.tern.transport.*Benchmark*-output.txt \
    terminal-widget/target/surefire-reports/dev.tern.widget.*Benchmark*-output.txt; do
  if [ "$report" -nt "$started" ]; then echo "== ${report##*/}"; grep -E '^(BENCH|connect)' "$report" || true; fi
done
