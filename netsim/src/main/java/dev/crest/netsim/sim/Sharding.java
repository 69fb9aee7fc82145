package dev.crest.netsim.sim;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.workload.Workload;
import java.util.List;

/**
 * How parameter tensors are split over the PS shards: {@link #even()} balances bits greedily (each tensor, in
 * model order, goes to the shard holding the fewest bits so far, lowest index on ties); {@link #given} names the
 * shard of every tensor, as in a traced parameter→PS assignment.
 *
 * @param shardOfTensor the shard of each tensor in model order; empty means even
 */
public record Sharding(List<Integer> shardOfTensor) {
    public Sharding {
        shardOfTensor = List.copyOf(shardOfTensor);
        for (int shard : shardOfTensor) {
            if (shard < 0) {
                throw new NetsimException("PS shard indices must be non-negative, got " + shard);
            }
        }
    }

    public static Sharding even() {
        return new Sharding(List.of());
    }

    public static Sharding given(List<Integer> shardOfTensor) {
        if (shardOfTensor.isEmpty()) {
            throw new NetsimException("a given sharding needs one PS index per tensor, got none");
        }
        return new Sharding(shardOfTensor);
    }

    public boolean isEven() {
        return shardOfTensor.isEmpty();
    }

    /** The shard of every tensor of {@code workload} over {@code shards} parameter servers. */
    public int[] assign(Workload workload, int shards) {
        int tensors = workload.tensors().size();
        int[] assignment = new int[tensors];
        if (isEven()) {
            long[] load = new long[shards];
            for (int t = 0; t < tensors; t++) {
                int least = 0;
                for (int s = 1; s < shards; s++) {
                    if (load[s] < load[least]) {
                        least = s;
                    }
                }
                assignment[t] = least;
                load[least] += workload.tensors().get(t).bits();
            }
            return assignment;
        }
        if (shardOfTensor.size() != tensors) {
            throw new NetsimException("the sharding names " + shardOfTensor.size() + " PS indices but model '"
                    + workload.name() + "' has " + tensors + " tensors; give one per tensor");
        }
        for (int t = 0; t < tensors; t++) {
            int shard = shardOfTensor.get(t);
            if (shard >= shards) {
                throw new NetsimException("tensor '" + workload.tensors().get(t).name() + "' is assigned to PS " + shard
                        + " but there are only " + shards + " parameter servers (0.." + (shards - 1) + ")");
            }
            assignment[t] = shard;
        }
        return assignment;
    }
}
