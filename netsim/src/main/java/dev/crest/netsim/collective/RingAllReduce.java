package dev.crest.netsim.collective;

import dev.crest.netsim.workload.Workload;

/**
 * Ring all-reduce as the reference simulator models it (Chang et al., "How to Train your DNN: The Network
 * Operator Edition", 2020): gradients are cut into chunks ({@link ChunkPlan}); chunk c is rooted at worker
 * {@code c mod N} and travels the ring root → root+1 → … for N−1 reduce steps, each worker adding its own
 * gradient, so it may pass a chunk on only once its own gradient for it exists; the last worker then holds the
 * fully reduced chunk and it travels N−1 further steps (allgather), 2(N−1) in all. Every worker forwards a chunk
 * only after receiving all of it (store-and-forward at message granularity). With {@code multicastAllgather}
 * the reducing worker instead multicasts the reduced chunk to all others through the switches.
 *
 * <p>Unlike bandwidth-optimal MPI/NCCL rings, a chunk is not split N ways: balance comes from many chunks being
 * rooted round-robin, which is why the reference's iteration time depends on chunk size.
 */
public final class RingAllReduce extends AllReduceProtocol {
    private final ChunkPlan plan;
    private final boolean multicastAllgather;
    /** Reduce-phase messages of each chunk delivered so far (0..N−1); the holder is root + this. */
    private final int[] reduceHopsDone;
    /** Reduce-phase messages (plus the first allgather send) of each chunk sent so far. */
    private final int[] reduceHopsSent;

    public RingAllReduce(int workers, Workload workload, long chunkBits, boolean multicastAllgather) {
        super(workers, workload);
        this.plan = ChunkPlan.of(workload.tensors(), chunkBits);
        this.multicastAllgather = multicastAllgather;
        this.reduceHopsDone = new int[plan.chunkCount()];
        this.reduceHopsSent = new int[plan.chunkCount()];
    }

    /** The chunking this ring uses. */
    public ChunkPlan plan() {
        return plan;
    }

    @Override
    protected long unitsPerWorker() {
        return plan.chunkCount();
    }

    @Override
    protected void gradientArrived(int worker, int tensor) {
        for (int c = plan.firstChunkOf(tensor); c < plan.endChunkOf(tensor); c++) {
            if (holder(c) == worker) {
                advance(c);
            }
        }
    }

    @Override
    public void onDelivered(int worker, long tag) {
        int chunk = unitOf(tag);
        int step = stepOf(tag);
        if (step < workers - 1) {
            reduceHopsDone[chunk] = step + 1;
            advance(chunk);
            return;
        }
        hold(worker, 1);
        if (!multicastAllgather && step < 2 * workers - 3) {
            fabric().send(worker, next(worker), plan.bitsOf(chunk), tag(chunk, step + 1));
        }
    }

    private int holder(int chunk) {
        return (int) (((long) chunk + reduceHopsDone[chunk]) % workers);
    }

    private int next(int worker) {
        return worker + 1 == workers ? 0 : worker + 1;
    }

    /** Lets the worker holding a chunk's partial sum pass it on once its own gradient is folded in. */
    private void advance(int chunk) {
        int done = reduceHopsDone[chunk];
        if (reduceHopsSent[chunk] > done) {
            return;
        }
        int h = holder(chunk);
        if (!hasGradient(h, plan.tensorOf(chunk))) {
            return;
        }
        reduceHopsSent[chunk]++;
        long bits = plan.bitsOf(chunk);
        if (done < workers - 1) {
            fabric().send(h, next(h), bits, tag(chunk, done));
            return;
        }
        // h added the last contribution: it holds the reduced chunk and starts the allgather.
        hold(h, 1);
        if (multicastAllgather) {
            fabric().multicast(h, bits, tag(chunk, done));
        } else {
            fabric().send(h, next(h), bits, tag(chunk, done));
        }
    }
}
