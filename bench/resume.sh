#!/usr/bin/env bash
# The start of the desktop app to the live screen of its restored Mosh tab: a kept session taken up again against
# a new session over SSH for the same tab, alternated, nine of each, on the test bed's sshd and a private Xvfb
# (app/src/test/java/dev/tern/app/person/ResumeTimeBenchmark.java). Needs what the person tests need (README).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
started=$(mktemp); trap 'rm -f "$started"' EXIT
if [ -z "${TERN_SKIP_BUILD:-}" ]; then
  mvn -B -q -ntp install -DskipTests -Dtern.skipFuzz=true -pl transport,terminal-widget,testbed,app >&2
fi
mvn -B -q -ntp -pl app test-compile failsafe:integration-test -Dit.test=ResumeTimeBenchmark \
  -Dfailsafe.failIfNoSpecifiedTests=false >&2 || { echo "resume: the benchmark failed (see app/target/failsafe-reports)" >&2; exit 1; }
grep -h '^BENCH' app/target/failsafe-reports/*ResumeTimeBenchmark-output.txt
