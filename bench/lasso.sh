#!/usr/bin/env bash
# Crest's cross-validated LASSO against scikit-learn's LassoCV and R's cv.glmnet on the same matrix in the same
# run; see dev.crest.bench.lasso.LassoBenchmark and bench/README.md.
#   bench/lasso.sh [--outcomes 20] [--sklearn-outcomes K] [--glmnet-outcomes K] [--submodels 2000] [--points 10000]
#                  [--crest-rounds 2] [--seed 1] [--work bench/target/lasso] [--python /usr/bin/python3] [--rscript Rscript]
#   bench/lasso.sh --memory [points submodels outcomes]   the 2 GB heap check (dev.crest.bench.lasso.LassoMemoryCheck)
# Every side runs on CREST_BENCH_THREADS threads (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
threads="${CREST_BENCH_THREADS:-2}"
mvn -B -o -q -pl bench -am package -DskipTests
classpath="bench/target/crest-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)"
export OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads"
if [[ "${1:-}" == "--memory" ]]; then
  shift
  exec java -Xmx2g -cp "$classpath" dev.crest.bench.lasso.LassoMemoryCheck "${1:-50000}" "${2:-6000}" "${3:-2}" "$threads"
fi
exec java -Xmx2g -cp "$classpath" dev.crest.bench.lasso.LassoBenchmark --threads "$threads" "$@"
