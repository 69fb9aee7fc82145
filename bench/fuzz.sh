#!/usr/bin/env bash
# End-to-end throughput of crest fuzz run (generate → search → test on reference + ONNX Runtime no-opt + opt) and
# of generation alone; see dev.crest.bench.fuzz.FuzzThroughputBenchmark.
#   bench/fuzz.sh [models] [nodes] [seed]      (defaults 300, 10, 1)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl bench -am package -DskipTests
classpath="bench/target/crest-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)"
exec java -Xmx2g -cp "$classpath" dev.crest.bench.fuzz.FuzzThroughputBenchmark "$@"
