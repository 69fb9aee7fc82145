#!/usr/bin/env bash
# Submodel training throughput of crest ame's built-in learners; see dev.crest.bench.ame.AmeBenchmark.
#   bench/ame.sh [threads] [scale]      (defaults 2 and 1; scale multiplies every learner's submodel count)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl bench -am package -DskipTests
classpath="bench/target/crest-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)"
# As in crest ame: the worker threads run in parallel, so BLAS must not start threads of its own in each.
export OPENBLAS_NUM_THREADS=1
exec java -Xmx2g -cp "$classpath" dev.crest.bench.ame.AmeBenchmark "$@"
