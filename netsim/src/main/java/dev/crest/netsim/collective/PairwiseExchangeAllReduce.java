package dev.crest.netsim.collective;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.workload.Workload;

/**
 * All-reduces that proceed in rounds of pairwise exchanges over a power-of-two number of workers: in round r
 * every worker sends one message to its round-r partner. A worker's round-r message may leave once its own
 * gradient exists and it has received every earlier round's message, because those are folded into what it
 * sends; it holds the reduced chunk once it has sent and received every round. Subclasses say who the partner
 * is and how much is sent.
 */
public abstract class PairwiseExchangeAllReduce extends AllReduceProtocol {
    protected final ChunkPlan plan;
    protected final int log2Workers;
    private final int rounds;
    /** [chunk × N + worker] → bit r set once the round-r message has arrived. */
    private final long[] receivedRounds;
    /** [chunk × N + worker] → rounds sent; {@code rounds + 1} once the worker holds the reduced chunk. */
    private final byte[] sentRounds;

    protected PairwiseExchangeAllReduce(String name, int workers, Workload workload, long chunkBits,
            int roundsPerLog2) {
        super(workers, workload);
        requirePowerOfTwo(name, workers);
        this.plan = ChunkPlan.of(workload.tensors(), chunkBits);
        this.log2Workers = Integer.numberOfTrailingZeros(workers);
        this.rounds = roundsPerLog2 * log2Workers;
        long states = (long) plan.chunkCount() * workers;
        if (states > Integer.MAX_VALUE) {
            throw new NetsimException(name + ": " + plan.chunkCount() + " chunks on " + workers
                    + " workers is too much state; use a larger chunk size");
        }
        this.receivedRounds = new long[(int) states];
        this.sentRounds = new byte[(int) states];
    }

    /** Rejects a worker count that is not a power of two, naming the nearest ones that are. */
    static void requirePowerOfTwo(String strategy, int workers) {
        if (Integer.bitCount(workers) != 1) {
            throw new NetsimException(strategy + " needs a power-of-two number of workers, got " + workers
                    + "; use " + Integer.highestOneBit(workers) + " or " + Integer.highestOneBit(workers) * 2
                    + " workers, or the ring strategy");
        }
    }

    /** The worker that {@code worker} exchanges with in {@code round}. */
    protected abstract int partner(int worker, int round);

    /** Bits {@code worker} sends in {@code round} of a chunk of {@code chunkBits}. */
    protected abstract long bitsSent(int worker, int round, long chunkBits);

    @Override
    protected long unitsPerWorker() {
        return plan.chunkCount();
    }

    @Override
    protected void gradientArrived(int worker, int tensor) {
        for (int c = plan.firstChunkOf(tensor); c < plan.endChunkOf(tensor); c++) {
            advance(worker, c);
        }
    }

    @Override
    public void onDelivered(int worker, long tag) {
        int chunk = unitOf(tag);
        receivedRounds[chunk * workers + worker] |= 1L << stepOf(tag);
        advance(worker, chunk);
    }

    private void advance(int worker, int chunk) {
        int state = chunk * workers + worker;
        if (!hasGradient(worker, plan.tensorOf(chunk))) {
            return;
        }
        long received = receivedRounds[state];
        int sent = sentRounds[state];
        while (sent < rounds && (received & ((1L << sent) - 1)) == (1L << sent) - 1) {
            // Zero-size segments (chunks smaller than N bits) still cost a 1-bit message to keep rounds in step.
            long bits = Math.max(1, bitsSent(worker, sent, plan.bitsOf(chunk)));
            fabric().send(worker, partner(worker, sent), bits, tag(chunk, sent));
            sent++;
        }
        if (sent == rounds && received == (1L << rounds) - 1) {
            sent = rounds + 1;
            hold(worker, 1);
        }
        sentRounds[state] = (byte) sent;
    }
}
