package dev.crest.spark.fuzz;

import dev.crest.fuzz.campaign.CampaignSettings;
import dev.crest.fuzz.diff.Tolerance;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The settings every shard of a campaign shares, in a form Spark can ship to executors; each task turns them
 * back into a one-pipeline {@link CampaignSettings} with its shard's seed, model count and scratch folder.
 */
final class ShardSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> backends;
    private final ArrayList<String> compare;
    private final ArrayList<String> operators;
    private final long timeBudgetNanos;
    private final int nodes;
    private final int opset;
    private final double rtol;
    private final double atol;
    private final double float16Rtol;
    private final double float16Atol;
    private final boolean keepFloat16Overflow;
    private final long caseTimeoutNanos;
    private final long searchBudgetNanos;
    private final int searchIterations;
    private final long reduceBudgetNanos;
    private final String capabilityCache;

    /** The shared part of {@code campaign}; {@code capabilityCache} is the executors' cache folder, or null. */
    ShardSettings(CampaignSettings campaign, Path capabilityCache) {
        backends = new ArrayList<>(campaign.backends());
        compare = new ArrayList<>(campaign.compare());
        operators = new ArrayList<>(campaign.operators());
        timeBudgetNanos = campaign.timeBudget().map(Duration::toNanos).orElse(-1L);
        nodes = campaign.nodes();
        opset = campaign.opset();
        rtol = campaign.tolerance().rtol();
        atol = campaign.tolerance().atol();
        float16Rtol = campaign.tolerance().float16Rtol();
        float16Atol = campaign.tolerance().float16Atol();
        keepFloat16Overflow = campaign.tolerance().keepFloat16Overflow();
        caseTimeoutNanos = campaign.caseTimeout().toNanos();
        searchBudgetNanos = campaign.searchBudget().toNanos();
        searchIterations = campaign.searchIterations().orElse(-1);
        reduceBudgetNanos = campaign.reduceBudget().toNanos();
        this.capabilityCache = capabilityCache == null ? null : capabilityCache.toString();
    }

    /** The campaign one shard runs: one pipeline, its own seed and model count, writing into {@code out}. */
    CampaignSettings forShard(ShardSpec shard, Path out) {
        return new CampaignSettings(backends,
                timeBudgetNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(timeBudgetNanos)),
                shard.modelBudget(), shard.seed(), nodes, opset, operators, new Tolerance(rtol, atol, float16Rtol, float16Atol, keepFloat16Overflow),
                Duration.ofNanos(caseTimeoutNanos), Duration.ofNanos(searchBudgetNanos),
                searchIterations < 0 ? OptionalInt.empty() : OptionalInt.of(searchIterations), out, 1, compare,
                false, Duration.ofNanos(reduceBudgetNanos));
    }

    /** Every backend name the shards test, compared ones included. */
    List<String> allBackends() {
        List<String> all = new ArrayList<>(backends);
        all.addAll(compare);
        return all;
    }

    /** The executors' capability cache folder, if the user chose one. */
    Optional<Path> capabilityCache() {
        return Optional.ofNullable(capabilityCache).map(Path::of);
    }
}
