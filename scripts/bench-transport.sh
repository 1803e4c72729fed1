#!/usr/bin/env bash
# JMH benchmarks of the Mosh transport: datagram seal/open (DatagramCipherBenchmark) and the client's full
# receive path per datagram (ReceivePathBenchmark). Extra arguments go to JMH (default: a short run).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source scripts/find-jdk.sh
tern_find_jdk
tern_require_maven
mvn -B -ntp -q -pl testbed install -DskipTests
mvn -B -ntp -q -pl transport test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(-f 1 -wi 3 -w 1s -i 5 -r 1s 'dev.tern.transport.(crypto|session).*Benchmark')
exec java --enable-native-access=ALL-UNNAMED \
    -cp "transport/target/test-classes:transport/target/classes:$(cat transport/target/bench-classpath.txt)" \
    org.openjdk.jmh.Main "${args[@]}"
