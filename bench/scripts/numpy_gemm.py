#!/usr/bin/python3
"""NumPy float32 GEMM baseline for Crest's Blas.sgemm benchmark.

Times C = A @ B (square, row-major float32, written into a preallocated C) the way timeit does: loops of
enough calls to last a while, after a warm-up, and prints one JSON document on stdout with GFLOP/s per size
and which BLAS NumPy ran, so the Java side can print ratios. The caller sets the thread count and the
OpenBLAS environment (see bench/run.sh); this script only records what it got.
"""
import argparse
import json
import os
import platform
import sys
import time


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="256,512,1024", help="comma-separated square sizes")
    parser.add_argument("--threads", type=int, default=2, help="BLAS threads")
    parser.add_argument("--warmup-seconds", type=float, default=1.0)
    parser.add_argument("--repeats", type=int, default=5, help="measured loops per size")
    parser.add_argument("--loop-seconds", type=float, default=1.0, help="target length of one measured loop")
    return parser.parse_args()


def main():
    args = parse_args()
    # Thread pools read these when NumPy's BLAS loads, so they must be set before the import.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(args.threads)
    import numpy as np

    blas = describe_blas(np, args.threads)
    rng = np.random.default_rng(0)
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        a = rng.standard_normal((n, n), dtype=np.float32)
        b = rng.standard_normal((n, n), dtype=np.float32)
        c = np.empty((n, n), dtype=np.float32)
        check_product(np, a, b, c)
        seconds = time_matmul(np, a, b, c, args)
        per_call = sum(seconds) / len(seconds)
        results.append({
            "n": n,
            "seconds_per_call": per_call,
            "best_seconds_per_call": min(seconds),
            "gflops": 2.0 * n ** 3 / per_call / 1e9,
            "loops": len(seconds),
        })
    print(json.dumps({
        "python": sys.executable,
        "python_version": platform.python_version(),
        "numpy_version": np.__version__,
        "threads": args.threads,
        "blas": blas,
        "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS")},
        "results": results,
    }))


def check_product(np, a, b, c):
    """Guards against a broken BLAS (wrong kernel for the CPU) before timing it."""
    np.matmul(a, b, out=c)
    expected = a[:8].astype(np.float64) @ b.astype(np.float64)
    if not np.allclose(c[:8], expected, rtol=1e-3, atol=1e-3 * np.sqrt(a.shape[1])):
        raise SystemExit("NumPy's float32 matmul gives wrong results; check the BLAS and OPENBLAS_CORETYPE")


def time_matmul(np, a, b, c, args):
    calls = 1
    while True:  # timeit's autorange: grow the loop until it lasts at least 0.2 s
        elapsed = run_loop(np, a, b, c, calls)
        if elapsed >= 0.2:
            break
        calls *= 2
    calls = max(1, int(calls * args.loop_seconds / elapsed))
    deadline = time.perf_counter() + args.warmup_seconds
    while time.perf_counter() < deadline:
        run_loop(np, a, b, c, 1)
    return [run_loop(np, a, b, c, calls) / calls for _ in range(args.repeats)]


def run_loop(np, a, b, c, calls):
    start = time.perf_counter()
    for _ in range(calls):
        np.matmul(a, b, out=c)
    return time.perf_counter() - start


def describe_blas(np, threads):
    """Which BLAS NumPy calls and on how many threads: threadpoolctl when installed, else NumPy's build info."""
    try:
        import threadpoolctl
    except ImportError:
        return {"source": "numpy.show_config", "config": build_config(np)}
    limits = threadpoolctl.threadpool_limits(limits=threads, user_api="blas")
    # Kept alive for the process: the limit holds while the object exists.
    describe_blas.limits = limits
    pools = [
        {k: pool.get(k) for k in ("internal_api", "version", "architecture", "threading_layer", "num_threads",
                                  "filepath")}
        for pool in threadpoolctl.threadpool_info() if pool.get("user_api") == "blas"
    ]
    return {"source": "threadpoolctl " + threadpoolctl.__version__, "pools": pools}


def build_config(np):
    try:
        config = np.show_config(mode="dicts")
        return config.get("Build Dependencies", {}).get("blas", config)
    except TypeError:  # NumPy < 1.25 prints instead of returning a dict
        import io
        import contextlib
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            np.show_config()
        return out.getvalue()


if __name__ == "__main__":
    main()
