#!/usr/bin/env bash
# Resident memory of a crest fuzz campaign over time: runs `crest fuzz run --backend onnxruntime --time DURATION`
# and samples VmRSS of the campaign JVM and of its worker processes every INTERVAL seconds (default 30), then
# prints a table and two end ratios: against the first sample with 20 models tested (the campaign's own start
# figure in summary.json) and against the first sample after WARMUP seconds (default 300), by which time every
# backend has loaded and compiled each kind of operator once. The table's "worker pids" column counts the distinct
# worker processes seen so far: a worker killed after a crash or timeout, or retired after growing (see
# dev.crest.fuzz.worker.WorkerRecycling), is replaced by a fresh (smaller) one.
#   bench/fuzz-rss.sh DURATION [crest fuzz run options...]      e.g. bench/fuzz-rss.sh 30m --jobs 2 --seed 1
# Environment: INTERVAL (seconds between samples), WARMUP (seconds), OUT (campaign folder; default a fresh
# temporary one, removed).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  echo "usage: bench/fuzz-rss.sh DURATION [crest fuzz run options...]   (e.g. 30m)" >&2
  exit 2
fi
duration="$1"
shift
interval="${INTERVAL:-30}"
warmup="${WARMUP:-300}"
out="${OUT:-}"
cleanup_out=false
if [ -z "$out" ]; then
  out="$(mktemp -d /tmp/crest-fuzz-rss.XXXXXX)"
  rmdir "$out"
  cleanup_out=true
fi

# Build first so that the build's time and memory are not sampled.
./crest fuzz --help >/dev/null

# VmRSS, or with a second argument another field of /proc/PID/status (RssAnon: the private heap memory, without
# the pages of shared libraries, which grow as a backend first runs each kind of operator and are shared).
rss_kib() { awk -v f="^${2:-VmRSS}:" '$0 ~ f {print $2; found=1} END {if (!found) print 0}' "/proc/$1/status" 2>/dev/null || echo 0; }

descendants() {
  local children
  children="$(cat /proc/"$1"/task/*/children 2>/dev/null || true)"
  for child in $children; do
    echo "$child"
    descendants "$child"
  done
}

log="$(mktemp)"
./crest fuzz run --backend onnxruntime --time "$duration" --out "$out" "$@" 2>"$log" &
campaign=$!
trap 'kill "$campaign" 2>/dev/null || true; rm -f "$log"; if $cleanup_out; then rm -rf "$out"; fi' EXIT

printf '| elapsed s | JVM MiB | workers | worker pids | workers MiB | workers anon MiB | total MiB | models tested |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|\n'
start=$(date +%s)
first_jvm=""
first_workers=""
warm_jvm=""
warm_workers=""
warm_anon=""
last_anon=0
seen_pids=" "
last_jvm=0
last_workers=0
while kill -0 "$campaign" 2>/dev/null; do
  sleep "$interval"
  kill -0 "$campaign" 2>/dev/null || break
  jvm=$(rss_kib "$campaign")
  workers=0
  workers_anon=0
  count=0
  for pid in $(descendants "$campaign"); do
    workers=$((workers + $(rss_kib "$pid")))
    workers_anon=$((workers_anon + $(rss_kib "$pid" RssAnon)))
    count=$((count + 1))
    case "$seen_pids" in *" $pid "*) ;; *) seen_pids="$seen_pids$pid " ;; esac
  done
  tested=$( (grep -o '"tested" : [0-9]*' "$out/summary.json" 2>/dev/null || true) | head -1 | grep -o '[0-9]*$' || true)
  elapsed=$(( $(date +%s) - start ))
  printf '| %d | %.0f | %d | %d | %.0f | %.0f | %.0f | %s |\n' "$elapsed" "$(echo "$jvm/1024" | bc -l)" "$count" \
    "$(wc -w <<<"$seen_pids")" "$(echo "$workers/1024" | bc -l)" "$(echo "$workers_anon/1024" | bc -l)" \
    "$(echo "($jvm+$workers)/1024" | bc -l)" \
    "${tested:-?}"
  if [ -z "$first_jvm" ] && [ "${tested:-0}" -ge 20 ]; then
    first_jvm=$jvm
    first_workers=$workers
  fi
  if [ -z "$warm_jvm" ] && [ "$elapsed" -ge "$warmup" ]; then
    warm_jvm=$jvm
    warm_workers=$workers
    warm_anon=$workers_anon
  fi
  last_jvm=$jvm
  last_workers=$workers
  last_anon=$workers_anon
done
wait "$campaign" || { cat "$log" >&2; exit 1; }

tr '\r' '\n' <"$log" | grep -v '^fuzz ' | grep -v '^ *$' | tail -3
ratio() { if [ "$2" -gt 0 ]; then printf '%.3f' "$(echo "$1/$2" | bc -l)"; else echo "n/a"; fi; }
if [ -n "$first_jvm" ] && [ "$first_jvm" -gt 0 ]; then
  echo "end/start: JVM $(ratio "$last_jvm" "$first_jvm"), workers $(ratio "$last_workers" "$first_workers"), total $(ratio $((last_jvm + last_workers)) $((first_jvm + first_workers)))"
fi
if [ -n "$warm_jvm" ] && [ "$warm_jvm" -gt 0 ]; then
  echo "end/after ${warmup} s: JVM $(ratio "$last_jvm" "$warm_jvm"), workers $(ratio "$last_workers" "$warm_workers"), total $(ratio $((last_jvm + last_workers)) $((warm_jvm + warm_workers))), workers anon $(ratio "$last_anon" "$warm_anon")"
fi
