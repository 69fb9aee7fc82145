package dev.crest.spark.fuzz;

import dev.crest.fuzz.campaign.CampaignSettings;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.spark.ChunkRunner;
import dev.crest.spark.SparkConnection;
import dev.crest.spark.SparkEngineException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a fuzzing campaign on Spark: the campaign is split into shards ({@link ShardPlan}), each Spark task runs one
 * shard as a one-pipeline campaign on its executor, and the driver merges the shards' findings into one store in
 * the campaign's output folder ({@link ShardMerger}). Failed shards are reported; if every shard fails the campaign
 * is an error and nothing is written.
 */
public final class SparkFuzzCampaign {
    /** What a shard needs beyond its time budget: worker start-up and the backends' capability probes. */
    private static final Duration START_UP_ALLOWANCE = Duration.ofMinutes(1);

    private final SparkConnection connection;
    private final CampaignSettings settings;
    private final int shards;
    private final Path capabilityCache;

    /**
     * A campaign with {@code settings} (its seed, budgets and backends; {@code jobs} and {@code resume} do not
     * apply) split into {@code shards} tasks.
     *
     * @param capabilityCache the executors' capability cache folder, or null for their default
     */
    public SparkFuzzCampaign(SparkConnection connection, CampaignSettings settings, int shards,
            Path capabilityCache) {
        if (shards < 1) {
            throw new SparkEngineException("--shards must be at least 1, got " + shards);
        }
        if (settings.resume()) {
            throw new SparkEngineException("a campaign on Spark cannot --resume; start a new one in an empty folder");
        }
        this.connection = connection;
        this.settings = settings;
        this.shards = shards;
        this.capabilityCache = capabilityCache;
    }

    /** The shard count used when the user gives none: one shard per core Spark offers, so shards run at once. */
    public static int defaultShards(SparkConnection connection) {
        return Math.max(1, connection.context().defaultParallelism());
    }

    /** What a sharded campaign produced: the merged summary and the shards that failed. */
    public record Result(CampaignSummary summary, int shards, List<ShardResult> failures) {
    }

    /** Runs the shards and merges their findings; throws when every shard failed. */
    public Result run() {
        ShardMerger.requireEmpty(settings.out().toAbsolutePath().normalize());
        requireTimeWithinTaskLimit();
        List<ShardSpec> plan = ShardPlan.of(settings.seed(), shards, settings.maxModels());
        List<List<ShardSpec>> chunks = plan.stream().map(List::of).toList();
        List<ShardResult> results = new ArrayList<>();
        long start = System.nanoTime();
        new ChunkRunner(connection).run(chunks, new ShardTask(new ShardSettings(settings, capabilityCache)),
                "fuzzing shards", i -> "fuzzing shard " + i, (i, done) -> results.addAll(done));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        List<ShardResult> failures = results.stream().filter(r -> r.failure().isPresent()).toList();
        if (failures.size() == results.size()) {
            throw new SparkEngineException("every fuzzing shard failed, so nothing was written; the first: "
                    + failures.get(0).describeFailure());
        }
        CampaignSummary summary = new ShardMerger(settings, plan.size()).merge(results, elapsed);
        return new Result(summary, plan.size(), failures);
    }

    /**
     * A shard bounded by --time runs for that long plus start-up and the reduction of its last bug; refusing a
     * budget the task limit would cut off beats cancelling every shard at the limit.
     */
    private void requireTimeWithinTaskLimit() {
        if (settings.timeBudget().isEmpty()) {
            return;
        }
        Duration needed = settings.timeBudget().get().plus(settings.reduceBudget()).plus(START_UP_ALLOWANCE);
        Duration limit = connection.settings().taskTimeout();
        if (needed.compareTo(limit) > 0) {
            throw new SparkEngineException("each shard runs for --time " + settings.timeBudget().get().toSeconds()
                    + " s plus up to " + needed.minus(settings.timeBudget().get()).toSeconds() + " s of start-up and"
                    + " reduction, beyond the Spark task time limit of " + limit.toSeconds() + " s; give"
                    + " --task-timeout " + needed.toSeconds() + " or more");
        }
    }
}
