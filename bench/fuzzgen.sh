#!/usr/bin/env bash
# Measures crest fuzz's model generation throughput; see dev.crest.bench.fuzz.GeneratorBenchmark.
#   bench/fuzzgen.sh [models] [nodes]      (default 200 models of 10 nodes)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl bench -am package -DskipTests
classpath="bench/target/crest-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)"
exec java -Xmx2g -cp "$classpath" dev.crest.bench.fuzz.GeneratorBenchmark "$@"
