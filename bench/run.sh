#!/usr/bin/env bash
# Builds and runs the JMH benchmarks. Arguments go to JMH, e.g. bench/run.sh PublishedModelBenchmark -p solver=dp853
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -pl bench -am package)
exec java -cp "$root/bench/target/osteobiome-bench.jar:$root/bench/target/lib/*" org.openjdk.jmh.Main "$@"
