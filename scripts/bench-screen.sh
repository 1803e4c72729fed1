#!/usr/bin/env bash
# JMH benchmarks of the mosh-exact screen (EmulatorBenchmark): emulator throughput on ASCII, SGR-heavy and CJK
# output, snapshot cost and renderer time. Extra arguments go to JMH (default: a short run).
set -euo pipefail
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(-f 1 -wi 3 -w 1s -i 5 -r 1s 'dev.tern.transport.screen.EmulatorBenchmark')
exec "$(dirname "$(readlink -f "$0")")/bench-transport.sh" "${args[@]}"
