package dev.crest.netsim.collective;

import dev.crest.netsim.workload.Workload;

/**
 * Butterfly (recursive-doubling) all-reduce as in the reference simulator: in round r = 0..log2 N − 1 every
 * worker swaps its whole partial sum with worker {@code w xor 2^r}, so after log2 N rounds of full-size
 * exchanges everyone holds the sum. N must be a power of two. Tensors are cut into chunks like the ring's so
 * that large tensors pipeline through the rounds; the traffic per worker, log2 N times the model, does not
 * depend on the chunk size.
 */
public final class ButterflyAllReduce extends PairwiseExchangeAllReduce {

    public ButterflyAllReduce(int workers, Workload workload, long chunkBits) {
        super("butterfly", workers, workload, chunkBits, 1);
    }

    @Override
    protected int partner(int worker, int round) {
        return worker ^ (1 << round);
    }

    @Override
    protected long bitsSent(int worker, int round, long chunkBits) {
        return chunkBits;
    }
}
