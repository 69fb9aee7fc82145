package dev.crest.fuzz.worker;

/**
 * When a healthy worker is retired and replaced by a fresh one, to keep a long campaign's memory bounded. The
 * backends' native libraries keep state that grows with the operator shapes and kinds they have seen and never
 * shrinks (kernel and primitive caches, JIT-compiled XLA clusters, allocator arenas): after its warm-up a worker
 * running ONNX Runtime, TensorFlow with XLA and PyTorch still grew about 4 KiB per model (measured over a
 * 30-minute campaign, see the README), which is bounded by nothing but the campaign's length. A worker whose
 * resident memory has grown by more than {@code growthKib} since its baseline — its resident memory once it had
 * served {@code warmUpRequests} requests — ends after its current request; the next request starts a fresh worker,
 * which costs a JVM start and loading the backends again (seconds), not a test case.
 *
 * @param warmUpRequests requests a worker serves before its baseline is taken (loading each backend and running
 *     each operator kind for the first time grows it legitimately)
 * @param checkEvery requests between two readings of the worker's resident memory
 * @param growthKib growth over the baseline, in KiB, at which the worker is retired
 */
public record WorkerRecycling(int warmUpRequests, int checkEvery, long growthKib) {
    /**
     * The campaign's policy: the baseline after 5,000 requests (a few minutes of a campaign comparing every
     * backend, past the bulk of its warm-up), a reading every 200 requests, retirement after 32 MiB of growth.
     */
    public static final WorkerRecycling DEFAULT = new WorkerRecycling(5_000, 200, 32 * 1024);

    /** Never retires a healthy worker. */
    public static final WorkerRecycling NEVER = new WorkerRecycling(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Long.MAX_VALUE);

    public WorkerRecycling {
        if (warmUpRequests < 1 || checkEvery < 1 || growthKib < 1) {
            throw new IllegalArgumentException("worker recycling needs positive counts and growth, got "
                    + warmUpRequests + ", " + checkEvery + ", " + growthKib);
        }
    }

    /** Whether a worker that has served {@code served} requests is due for a reading of its resident memory. */
    boolean readingDue(long served) {
        return served >= warmUpRequests && (served - warmUpRequests) % checkEvery == 0;
    }
}
