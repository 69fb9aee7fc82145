#!/usr/bin/env bash
# Runs every Crest benchmark against its baseline and prints the comparison table; see bench/README.md.
#   bench/run.sh [--quick] [--only gemm,conv,mlp] [--python /usr/bin/python3] [--out bench/results]
# Both sides run on CREST_BENCH_THREADS threads (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."

threads="${CREST_BENCH_THREADS:-2}"

# Build crest-tensor and the benchmarks (offline, no tests); the build writes the runtime class path.
mvn -B -o -q -pl bench -am package -DskipTests
classpath="bench/target/crest-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)"

# Crest's BLAS (netlib → OpenBLAS through JNI) and PyTorch's OpenMP read their thread counts from here; JMH
# forks and the MLP processes inherit them.
export OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads"
# OpenMP workers sleep instead of spinning between parallel regions. With the default policy PyTorch's workers
# spin, and on a shared 2-core machine one descheduled worker stalls every region: its MLP epoch measured
# 8-26 s with other work running, 0.4-0.5 s with this setting. It only makes the baseline faster.
export OMP_WAIT_POLICY=PASSIVE
# DJL: CPU build from the native jar on the class path, never a download.
export PYTORCH_FLAVOR=cpu

# The Vector API module lets netlib fall back to its vectorised Java BLAS when no native BLAS is installed.
exec java -Xms1g -Xmx4g --add-modules=jdk.incubator.vector \
  -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "$classpath" dev.crest.bench.BenchSuite --threads "$threads" "$@"
