#!/usr/bin/env bash
# Success rate of crest fuzz's input search against random re-sampling; see
# dev.crest.bench.fuzz.InputSearchBenchmark.
#   bench/fuzz-search.sh [--source random|DIR] [--models N] [--sizes 10,20,30] [--budget-ms 20] [--seed S]
#     [--clock wall|cpu] [--max-iterations N] [--save DIR] [--failures true]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl bench -am package -DskipTests
classpath="bench/target/crest-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)"
exec java -Xmx2g -cp "$classpath" dev.crest.bench.fuzz.InputSearchBenchmark "$@"
