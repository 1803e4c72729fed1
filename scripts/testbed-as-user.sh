#!/usr/bin/env bash
# Runs the test bed's own tests as an ordinary (non-root) user, to check that the private sshd and the
# mosh-server launcher also work without root (sshd then runs as that user, without PAM and passwords).
# Usage, as root after `./test` has built the testbed module: scripts/testbed-as-user.sh [USER]
set -euo pipefail
ROOT="$(dirname "$(readlink -f "$0")")/.."
source "$ROOT/scripts/find-jdk.sh"; tern_find_jdk
USER_NAME=${1:-ternuser}
id "$USER_NAME" >/dev/null 2>&1 || useradd -m -s /bin/bash "$USER_NAME"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
mvn -B -q -ntp -pl testbed dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
mvn -B -q -ntp dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:1.14.4 \
  -DoutputDirectory="$WORK"
mkdir -p "$WORK/lib"; tr ':' '\n' < "$WORK/cp.txt" | xargs -I{} cp {} "$WORK/lib/"
cp -r testbed/target/classes testbed/target/test-classes "$WORK/"
chmod -R a+rX "$WORK"
runuser -u "$USER_NAME" -- env LANG=C.UTF-8 HOME="$(getent passwd "$USER_NAME" | cut -d: -f6)" \
  "$JAVA_HOME/bin/java" -jar "$WORK"/junit-platform-console-standalone-*.jar execute \
  -cp "$WORK/classes:$WORK/test-classes:$(ls "$WORK"/lib/*.jar | tr '\n' ':')" --select-package dev.tern.testbed
