package dev.crest.netsim.collective;

import dev.crest.netsim.workload.Workload;

/**
 * Rabenseifner's all-reduce (Thakur, Rabenseifner and Gropp, "Optimization of collective communication
 * operations in MPICH", IJHPCA 2005) on a power-of-two number of workers, per chunk: a reduce-scatter by
 * recursive halving (round r pairs workers at distance N/2^(r+1); each keeps the half of its current segment
 * selected by its bit and sends the other half), then an allgather by recursive doubling (distance 1, 2, …,
 * N/2; each sends the fully reduced segment it owns so far). Each worker sends 2(N−1)/N of every chunk in
 * 2 log2 N messages. Odd segment lengths split with the smaller half first; MPICH's extra step for
 * non-power-of-two N is not modelled — such N are rejected.
 */
public final class HalvingDoublingAllReduce extends PairwiseExchangeAllReduce {

    public HalvingDoublingAllReduce(int workers, Workload workload, long chunkBits) {
        super("halving-doubling", workers, workload, chunkBits, 2);
    }

    @Override
    protected int partner(int worker, int round) {
        if (round < log2Workers) {
            return worker ^ (workers >>> (round + 1));
        }
        return worker ^ (1 << (round - log2Workers));
    }

    @Override
    protected long bitsSent(int worker, int round, long chunkBits) {
        if (round < log2Workers) {
            // The half given away is the one the partner keeps: its own path one level down.
            return segmentBits(chunkBits, partner(worker, round), round + 1);
        }
        return segmentBits(chunkBits, worker, log2Workers - (round - log2Workers));
    }

    /** Length of the segment reached from [0, chunkBits) by following the top {@code depth} bits of worker. */
    private long segmentBits(long chunkBits, int worker, int depth) {
        long lo = 0;
        long hi = chunkBits;
        for (int i = 0; i < depth; i++) {
            long mid = lo + (hi - lo) / 2;
            if (((worker >>> (log2Workers - 1 - i)) & 1) == 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi - lo;
    }
}
