package dev.crest.netsim.collective;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.workload.Workload;
import java.util.Arrays;
import java.util.List;

/**
 * Two-level all-reduce for racked clusters: per chunk, the workers of each rack reduce along a chain towards
 * the rack's leader (its first worker: last → … → second → leader, each adding its own gradient), the R rack
 * leaders all-reduce the rack sums with the reference ring (chunk rooted at leader {@code c mod R}, 2(R−1)
 * steps), and each leader passes the result back down its rack's chain. Chains keep every worker link at about
 * one model size per direction and pipeline over chunks; only 2(R−1)/R of the model per leader crosses the
 * racks, which is what makes it pay off when the spine is oversubscribed.
 */
public final class HierarchicalAllReduce extends AllReduceProtocol {
    private static final int CHAIN_REDUCE = 0;
    private static final int LEADER_RING = 1;
    private static final int CHAIN_BROADCAST = 2;

    private final ChunkPlan plan;
    private final int[][] racks;
    private final int[] rackOf;
    private final int[] positionInRack;
    /** [chunk × R + rack] → chain-reduce hops delivered / sent. */
    private final int[] chainDone;
    private final int[] chainSent;
    /** [chunk × R + rack] → the rack's sum has reached its leader. */
    private final boolean[] rackSumReady;
    private final int[] ringDone;
    private final int[] ringSent;

    /**
     * @param racks the workers of each rack, each list in chain order with the leader first; together they
     *     must name every worker 0..N−1 exactly once
     */
    public HierarchicalAllReduce(int workers, Workload workload, long chunkBits, List<int[]> racks) {
        super(workers, workload);
        this.plan = ChunkPlan.of(workload.tensors(), chunkBits);
        this.racks = racks.toArray(new int[0][]);
        this.rackOf = new int[workers];
        this.positionInRack = new int[workers];
        Arrays.fill(rackOf, -1);
        for (int g = 0; g < this.racks.length; g++) {
            if (this.racks[g].length == 0) {
                throw new NetsimException("hierarchical: rack " + g + " has no workers");
            }
            for (int i = 0; i < this.racks[g].length; i++) {
                int w = this.racks[g][i];
                if (w < 0 || w >= workers || rackOf[w] >= 0) {
                    throw new IllegalArgumentException("racks must partition workers 0.." + (workers - 1));
                }
                rackOf[w] = g;
                positionInRack[w] = i;
            }
        }
        for (int w = 0; w < workers; w++) {
            if (rackOf[w] < 0) {
                throw new IllegalArgumentException("worker " + w + " is in no rack");
            }
        }
        long states = (long) plan.chunkCount() * this.racks.length;
        if (states > Integer.MAX_VALUE) {
            throw new NetsimException("hierarchical: too many chunks; use a larger chunk size");
        }
        chainDone = new int[(int) states];
        chainSent = new int[(int) states];
        rackSumReady = new boolean[(int) states];
        ringDone = new int[plan.chunkCount()];
        ringSent = new int[plan.chunkCount()];
    }

    @Override
    protected long unitsPerWorker() {
        return plan.chunkCount();
    }

    @Override
    protected void gradientArrived(int worker, int tensor) {
        int g = rackOf[worker];
        int[] rack = racks[g];
        for (int c = plan.firstChunkOf(tensor); c < plan.endChunkOf(tensor); c++) {
            if (rack[rack.length - 1 - chainDone[c * racks.length + g]] == worker) {
                advanceChain(c, g);
            }
        }
    }

    @Override
    public void onDelivered(int worker, long tag) {
        int chunk = unitOf(tag);
        int kind = stepOf(tag) >>> 28;
        int step = stepOf(tag) & 0x0FFF_FFFF;
        switch (kind) {
            case CHAIN_REDUCE -> {
                int g = rackOf[worker];
                chainDone[chunk * racks.length + g]++;
                advanceChain(chunk, g);
            }
            case LEADER_RING -> {
                int r = racks.length;
                if (step < r - 1) {
                    ringDone[chunk] = step + 1;
                    advanceRing(chunk);
                } else {
                    leaderHoldsResult(chunk, rackOf[worker]);
                    if (step < 2 * r - 3) {
                        sendOnRing(chunk, rackOf[worker], step + 1);
                    }
                }
            }
            case CHAIN_BROADCAST -> {
                hold(worker, 1);
                int[] rack = racks[rackOf[worker]];
                int next = positionInRack[worker] + 1;
                if (next < rack.length) {
                    fabric().send(worker, rack[next], plan.bitsOf(chunk), tag(chunk, CHAIN_BROADCAST << 28));
                }
            }
            default -> throw new IllegalStateException("unknown message kind " + kind);
        }
    }

    /** Moves a chunk's rack sum one worker closer to the leader once the holder has added its gradient. */
    private void advanceChain(int chunk, int rackIndex) {
        int s = chunk * racks.length + rackIndex;
        int done = chainDone[s];
        if (chainSent[s] > done) {
            return;
        }
        int[] rack = racks[rackIndex];
        int position = rack.length - 1 - done;
        if (!hasGradient(rack[position], plan.tensorOf(chunk))) {
            return;
        }
        chainSent[s]++;
        if (position > 0) {
            fabric().send(rack[position], rack[position - 1], plan.bitsOf(chunk), tag(chunk, CHAIN_REDUCE << 28));
            return;
        }
        rackSumReady[s] = true;
        if (racks.length == 1) {
            leaderHoldsResult(chunk, rackIndex);
        } else {
            advanceRing(chunk);
        }
    }

    /** The leader ring of the reference: the holder passes the partial on once its rack sum is in. */
    private void advanceRing(int chunk) {
        int r = racks.length;
        int done = ringDone[chunk];
        if (ringSent[chunk] > done) {
            return;
        }
        int holderRack = (int) (((long) chunk + done) % r);
        if (!rackSumReady[chunk * r + holderRack]) {
            return;
        }
        ringSent[chunk]++;
        if (done == r - 1) {
            leaderHoldsResult(chunk, holderRack);
        }
        sendOnRing(chunk, holderRack, done);
    }

    private void sendOnRing(int chunk, int fromRack, int step) {
        int toRack = fromRack + 1 == racks.length ? 0 : fromRack + 1;
        fabric().send(racks[fromRack][0], racks[toRack][0], plan.bitsOf(chunk), tag(chunk, LEADER_RING << 28 | step));
    }

    private void leaderHoldsResult(int chunk, int rackIndex) {
        int[] rack = racks[rackIndex];
        hold(rack[0], 1);
        if (rack.length > 1) {
            fabric().send(rack[0], rack[1], plan.bitsOf(chunk), tag(chunk, CHAIN_BROADCAST << 28));
        }
    }
}
