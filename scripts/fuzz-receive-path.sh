#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of the Mosh client's receive path for 10 minutes (the @FuzzTest maxDuration).
# The build fuzzes it for a bounded number of inputs only (surefire execution fuzz-receive-path). The growing
# corpus is kept in transport/.cifuzz-corpus/ (not committed); an input that breaks the target is written next to
# the seeds in transport/src/test/resources/dev/tern/transport/session/ReceivePathFuzzTestInputs/ and fails the run.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source scripts/find-jdk.sh
tern_find_jdk
tern_require_maven
mvn -B -ntp -q -pl testbed install -DskipTests
JAZZER_FUZZ=1 exec mvn -B -ntp -pl transport test -Dtest=ReceivePathFuzzTest -Dsurefire.failIfNoSpecifiedTests=false "$@"
