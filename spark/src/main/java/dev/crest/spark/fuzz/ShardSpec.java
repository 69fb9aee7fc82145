package dev.crest.spark.fuzz;

import java.io.Serializable;
import java.util.OptionalLong;

/**
 * One shard of a sharded campaign as it travels to its executor: its index, its own campaign seed and, when the
 * campaign is bounded by a model count, its share of the models.
 *
 * @param index the shard's position, from 0
 * @param seed the shard campaign's seed, derived from the campaign seed and the index
 * @param maxModels the shard's model count, or -1 when the campaign is bounded by time alone
 */
public record ShardSpec(int index, long seed, long maxModels) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The shard's model count, if bounded. */
    public OptionalLong modelBudget() {
        return maxModels < 0 ? OptionalLong.empty() : OptionalLong.of(maxModels);
    }
}
