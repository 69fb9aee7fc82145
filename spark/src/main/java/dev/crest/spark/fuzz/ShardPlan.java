package dev.crest.spark.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Splits a campaign into shards: each shard's seed comes from the campaign seed and the shard's index alone (so the
 * same seed gives the same shards, and shard i's seed does not depend on how many shards there are), and a model
 * count is divided as evenly as possible. A campaign of fewer models than shards gets one shard per model.
 */
public final class ShardPlan {
    private ShardPlan() {
    }

    /** The shards of a campaign with {@code campaignSeed}, {@code shards} shards and an optional model count. */
    public static List<ShardSpec> of(long campaignSeed, int shards, OptionalLong maxModels) {
        if (shards < 1) {
            throw new IllegalArgumentException("a campaign needs at least one shard, got " + shards);
        }
        int count = maxModels.isPresent() ? (int) Math.min(shards, maxModels.getAsLong()) : shards;
        SplittableRandom seeds = new SplittableRandom(campaignSeed);
        List<ShardSpec> plan = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long seed = seeds.split().nextLong();
            long models = -1;
            if (maxModels.isPresent()) {
                long total = maxModels.getAsLong();
                models = total / count + (i < total % count ? 1 : 0);
            }
            plan.add(new ShardSpec(i, seed, models));
        }
        return plan;
    }
}
