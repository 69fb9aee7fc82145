#!/usr/bin/env bash
# Times crest netsim on the runs its issue sets goals for; see dev.crest.bench.netsim.NetsimBenchmark.
#   bench/netsim.sh [repeats]      (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl bench -am package -DskipTests
classpath="bench/target/crest-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)"
exec java -Xmx2g -cp "$classpath" dev.crest.bench.netsim.NetsimBenchmark "$@"
