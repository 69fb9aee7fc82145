#!/usr/bin/env bash
# The AME backdoor experiment of the README, end to end: poisons 50 of the first 10,000 Fashion-MNIST training
# images with a 4x4 white trigger (relabelled to class 0), measures the attack on a model trained on all of them,
# runs `crest ame run` with triggered test images as queries, and prints attack success, precision and recall
# of the selected points against the poisoned ones, and the wall time of the run.
#   bench/ame-backdoor.sh [work-dir]      (default: a fresh temporary directory)
# Settings can be overridden through the environment: SUBMODELS, GRID, STEPS, BATCH, LR, FDR, LAMBDA, KNOCKOFF,
# QUERIES, SEED. The defaults are the configuration measured for seeds 1-5 in bench/results/ame-backdoor.md; why
# each one was chosen is in bench/README.md ("crest ame: the backdoor experiment").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data=/usr/share/datasets/fashion-mnist
work="${1:-$(mktemp -d)}"
mkdir -p "$work"

submodels="${SUBMODELS:-2500}"
grid="${GRID:-0.01,0.02,0.03,0.04}"
steps="${STEPS:-200}"
batch="${BATCH:-64}"
lr="${LR:-0.01}"
fdr="${FDR:-0.05}"
lambda="${LAMBDA:-min}"
knockoff="${KNOCKOFF:-plus}"
queries="${QUERIES:-100}"
seed="${SEED:-1}"
target=0

for f in train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz; do
  [ -f "$data/$f" ] || { echo "ame-backdoor: $data/$f is missing (apt-get install dataset-fashion-mnist)" >&2; exit 2; }
done

crest="$root/crest"
echo "== poisoning 50 of the first 10,000 training images (seed $seed)"
rm -rf "$work/poisoned"
"$crest" ame poison --train-images "$data/train-images-idx3-ubyte.gz" --train-labels "$data/train-labels-idx1-ubyte.gz" \
  --limit 10000 --count 50 --target "$target" --seed "$seed" \
  --test-images "$data/t10k-images-idx3-ubyte.gz" --test-labels "$data/t10k-labels-idx1-ubyte.gz" \
  --out "$work/poisoned"
p="$work/poisoned"

# Queries: the first test images whose true class is not the target, with the trigger stamped on.
rows="$(/usr/bin/python3 - "$data/t10k-labels-idx1-ubyte.gz" "$target" "$queries" <<'PY'
import gzip, sys
labels = gzip.open(sys.argv[1]).read()[8:]
target, count = int(sys.argv[2]), int(sys.argv[3])
print(",".join([str(i) for i, label in enumerate(labels) if label != target][:count]))
PY
)"

echo "== attack success of logreg trained on all 10,000 poisoned images"
(cd "$root" && mvn -B -o -q -pl bench -am package -DskipTests) > "$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 2; }
classpath="$root/bench/target/crest-bench-0.1.0-SNAPSHOT.jar:$(cat "$root/bench/target/runtime-classpath.txt")"
OPENBLAS_NUM_THREADS=1 java -cp "$classpath" dev.crest.bench.ame.BackdoorAttack \
  "$p/train-images-idx3-ubyte.gz" "$p/train-labels-idx1-ubyte.gz" \
  "$data/t10k-images-idx3-ubyte.gz" "$data/t10k-labels-idx1-ubyte.gz" "$p/test-triggered-images-idx3-ubyte.gz" \
  "$target" logreg "$steps" "$batch" "$lr" 2>/dev/null

echo "== crest ame run: $submodels submodels, grid $grid, queries $rows (load: $(cut -d' ' -f1-3 /proc/loadavg))"
rm -rf "$work/run"
start=$(date +%s)
"$crest" ame run --train "$p/train-images-idx3-ubyte.gz" --train-labels "$p/train-labels-idx1-ubyte.gz" \
  --test "$p/test-triggered-images-idx3-ubyte.gz" --test-labels "$p/test-triggered-labels-idx1-ubyte.gz" \
  --queries "$rows" --combine-queries --outcome "margin:target=$target" --learner logreg \
  --steps "$steps" --batch-size "$batch" --learning-rate "$lr" --submodels "$submodels" --grid "$grid" \
  --fdr "$fdr" --lambda "$lambda" --knockoff "$knockoff" --seed "$seed" \
  --ground-truth "$p/ground-truth.txt" --out "$work/run" 2>/dev/null
end=$(date +%s)

/usr/bin/python3 - "$work/run/selected.json" "$p/ground-truth.txt" <<'PY'
import json, sys
truth = {int(line) for line in open(sys.argv[2]) if line.strip()}
for query in json.load(open(sys.argv[1]))["queries"]:
    selected = set(query["helping"]["selected"])
    hits = len(selected & truth)
    precision = hits / len(selected) if selected else float("nan")
    print(f"selected {len(selected)} points, {hits} poisoned: precision {precision:.3f}, recall {hits / len(truth):.3f}")
PY
echo "wall time of crest ame run: $((end - start)) s (load at the end: $(cut -d' ' -f1-3 /proc/loadavg)); report: $work/run/index.html"
