#!/usr/bin/env bash
# crest ame run on Spark vs. the local engine, on the Fashion-MNIST poisoning setup of bench/ame-backdoor.sh
# (50 of the first 10,000 training images poisoned; logreg submodels; margin outcome of triggered test images):
#   1. local engine, 2 threads     2. --engine spark --master local[2]
#   3. --engine spark on a standalone cluster on this machine: a Master and 2 Workers of 1 core each (loopback)
# It prints each run's wall time, the number of Spark tasks, the overhead per task against the local run, and
# checks that the three checkpoints hold the same submodels. Results go to bench/results/spark-ame.md.
#   bench/spark-ame.sh [work-dir]      (default: a fresh temporary directory)
# Environment: SUBMODELS (default 1000), STEPS (200), SEED (1), QUERIES (10).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data=/usr/share/datasets/fashion-mnist
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
submodels="${SUBMODELS:-1000}"
steps="${STEPS:-200}"
seed="${SEED:-1}"
queries="${QUERIES:-10}"
grid=0.05,0.1,0.15,0.2
target=0
crest="$root/crest"

for f in train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz; do
  [ -f "$data/$f" ] || { echo "spark-ame: $data/$f is missing (apt-get install dataset-fashion-mnist)" >&2; exit 2; }
done

echo "== building the crest command line and the Spark executor jar"
(cd "$root" && mvn -B -o -q -pl cli -am package -DskipTests -Pexecutor-jar) > "$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 2; }
touch "$root/cli/target/crest-cli-0.1.0-SNAPSHOT.jar" # the launcher need not rebuild what was just built

echo "== poisoning 50 of the first 10,000 training images (seed $seed)"
rm -rf "$work/poisoned"
"$crest" ame poison --train-images "$data/train-images-idx3-ubyte.gz" --train-labels "$data/train-labels-idx1-ubyte.gz" \
  --limit 10000 --count 50 --target "$target" --seed "$seed" \
  --test-images "$data/t10k-images-idx3-ubyte.gz" --test-labels "$data/t10k-labels-idx1-ubyte.gz" \
  --out "$work/poisoned" >/dev/null
p="$work/poisoned"
rows="$(/usr/bin/python3 - "$data/t10k-labels-idx1-ubyte.gz" "$target" "$queries" <<'PY'
import gzip, sys
labels = gzip.open(sys.argv[1]).read()[8:]
target, count = int(sys.argv[2]), int(sys.argv[3])
print(",".join([str(i) for i, label in enumerate(labels) if label != target][:count]))
PY
)"

# One AME run; extra arguments choose the engine. Prints the wall time in milliseconds.
ame_run() {
  local out="$1"; shift
  rm -rf "$out"
  local start end
  start=$(date +%s%N)
  "$crest" ame run --train "$p/train-images-idx3-ubyte.gz" --train-labels "$p/train-labels-idx1-ubyte.gz" \
    --test "$p/test-triggered-images-idx3-ubyte.gz" --test-labels "$p/test-triggered-labels-idx1-ubyte.gz" \
    --queries "$rows" --combine-queries --outcome "margin:target=$target" --learner logreg \
    --steps "$steps" --submodels "$submodels" --grid "$grid" --seed "$seed" --out "$out" --json "$@" \
    > "$out.json" 2> "$out.err" || { cat "$out.err" >&2; exit 2; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "== $submodels submodels, $steps steps each, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
local_ms=$(ame_run "$work/local" --threads 2)
echo "local engine, 2 threads:        $local_ms ms"
spark_local_ms=$(ame_run "$work/spark-local" --engine spark --master 'local[2]')
echo "Spark local[2]:                 $spark_local_ms ms"

# A standalone cluster from the Spark jars crest runs with: a Spark home whose jars/ links to them.
home="$work/spark-home"
rm -rf "$home"; mkdir -p "$home/jars"
echo "Spark for the Crest benchmark" > "$home/RELEASE"
tr ':' '\n' < "$root/cli/target/runtime-classpath.txt" | while read -r jar || [ -n "$jar" ]; do
  ln -sf "$jar" "$home/jars/"
done
spark_cp="$(cat "$root/cli/target/runtime-classpath.txt")"
opens="$(sed -n '/^spark_opens=/,/^-Djdk/p' "$crest" | tr -d '\\"' | sed 's/^spark_opens=//' | tr '\n' ' ')"
master_port=$(free_port)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 java $opens -cp "$spark_cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 \
  --port "$master_port" --webui-port "$(free_port)" > "$work/master.log" 2>&1 &
pids+=($!)
for i in 1 2; do
  SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 OPENBLAS_NUM_THREADS=1 java $opens -cp "$spark_cp" \
    org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g --webui-port "$(free_port)" \
    --work-dir "$work/worker-$i" "spark://127.0.0.1:$master_port" > "$work/worker-$i.log" 2>&1 &
  pids+=($!)
done
# The master must listen before the driver connects; the workers may join later (their start is part of the run).
for _ in $(seq 1 120); do
  (exec 3<>"/dev/tcp/127.0.0.1/$master_port") 2>/dev/null && break
  sleep 0.5
done
cluster_ms=$(ame_run "$work/cluster" --engine spark --master "spark://127.0.0.1:$master_port")
echo "standalone, 2 workers x 1 core: $cluster_ms ms"
cleanup

for run in spark-local cluster; do
  cmp -s <(sort "$work/local/outcomes.ckpt") <(sort "$work/$run/outcomes.ckpt") \
    || { echo "spark-ame: the $run checkpoint differs from the local one" >&2; exit 1; }
done
echo "the three checkpoints hold the same $submodels submodels"

# SparkSubmodelEngine cuts the submodels into 4 tasks per core: 2 cores in every Spark run here.
tasks=$(( (submodels + (submodels + 7) / 8 - 1) / ((submodels + 7) / 8) ))
load="$(cut -d' ' -f1-3 /proc/loadavg)"
results="$root/bench/results/spark-ame.md"
{
  echo "# crest ame run on Spark (bench/spark-ame.sh)"
  echo
  echo "Fashion-MNIST poisoning setup (10,000 training images, 50 poisoned), logreg, $submodels submodels of"
  echo "$steps steps, grid $grid, $queries queries, seed $seed; $(nproc) cores; load at the end: $load."
  echo "Spark runs cut the submodels into $tasks tasks; overhead per task = (Spark wall - local wall) / tasks,"
  echo "which includes starting the Spark context (and, on the cluster, its executors)."
  echo
  echo "| engine | wall time (s) | vs. local | overhead per task (ms) |"
  echo "|---|---|---|---|"
  for row in "local engine, 2 threads:$local_ms" "Spark local[2]:$spark_local_ms" \
             "standalone cluster, 2 workers x 1 core:$cluster_ms"; do
    name="${row%%:*}"; ms="${row##*:}"
    /usr/bin/python3 -c "import sys; n,ms,base,t=sys.argv[1],int(sys.argv[2]),int(sys.argv[3]),int(sys.argv[4]); print(f'| {n} | {ms/1000:.1f} | {ms/base:.2f}x | ' + ('-' if ms==base and n.startswith('local') else f'{(ms-base)/t:.0f}') + ' |')" \
      "$name" "$ms" "$local_ms" "$tasks"
  done
  echo
  echo "All three checkpoints hold identical submodels (sorted outcomes.ckpt files compared byte for byte)."
} > "$results"
cat "$results"
