package dev.crest.spark.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.campaign.Campaign;
import dev.crest.fuzz.campaign.CampaignSettings;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.GeneratedCaseSource;
import dev.crest.fuzz.campaign.SummaryFile;
import dev.crest.fuzz.testing.TestBackends;
import dev.crest.spark.SparkConnection;
import dev.crest.spark.SparkEngineException;
import dev.crest.spark.SparkEngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharded campaigns on embedded Spark with two cores, against a backend with a planted bug. */
class SparkFuzzCampaignTest {
    private static SparkConnection spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkConnection.open(new SparkEngineSettings("local[2]", Duration.ofMinutes(5), List.of()),
                "crest-test");
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    private CampaignSettings settings(String backend, long models, Path out) {
        return CampaignSettings.defaults(out).withBackends(List.of(backend)).withMaxModels(OptionalLong.of(models))
                .withSeed(5).withNodes(3).withSearchIterations(OptionalInt.of(10));
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** What identifies a bug in a summary, as the merger deduplicates by it. */
    private static List<String> signature(CampaignSummary.BugRecord bug) {
        return Arrays.asList(bug.symptom(), bug.stage(), bug.backend(), bug.pair(), bug.signature(),
                bug.localizedOperator());
    }

    @Test
    void twoShardsFindingThePlantedBugMergeIntoTheBugsAndCountsOfTheSameShardsRunLocally() throws IOException {
        Path out = dir.resolve("campaign");
        Path cache = dir.resolve("capabilities");
        CampaignSettings settings = settings(TestBackends.PERTURBED_OPT, 6, out);
        SparkFuzzCampaign.Result result = new SparkFuzzCampaign(spark, settings, 2, cache).run();

        // The oracle: the same shards as plain local campaigns, one after the other, summed by hand.
        Map<List<String>, Long> expectedBugs = new LinkedHashMap<>();
        long tested = 0;
        long findings = 0;
        for (ShardSpec shard : ShardPlan.of(settings.seed(), 2, settings.maxModels())) {
            CampaignSummary local = new Campaign(new ShardSettings(settings, cache).forShard(shard,
                    dir.resolve("local-" + shard.index())), Campaign.isolatedWorker(),
                    GeneratedCaseSource.factory(cache)).run();
            tested += local.counts().tested();
            findings += local.counts().findings();
            local.uniqueBugs().forEach(bug -> expectedBugs.merge(signature(bug), bug.count(), Long::sum));
        }

        CampaignSummary summary = result.summary();
        assertThat(result.shards()).isEqualTo(2);
        assertThat(result.failures()).isEmpty();
        assertThat(summary.counts().generated()).isEqualTo(6);
        assertThat(summary.counts().tested()).isEqualTo(tested);
        assertThat(summary.counts().findings()).isEqualTo(findings).isPositive();
        Map<List<String>, Long> mergedBugs = new LinkedHashMap<>();
        summary.uniqueBugs().forEach(bug -> mergedBugs.put(signature(bug), bug.count()));
        assertThat(mergedBugs).hasSameSizeAs(summary.uniqueBugs()).isEqualTo(expectedBugs);
        assertThat(summary.uniqueBugs()).allSatisfy(bug -> assertThat(bug.backend())
                .isEqualTo(TestBackends.PERTURBED_OPT));
        List<String> folders = new ArrayList<>();
        for (int n = 0; n < expectedBugs.size(); n++) {
            folders.add("bug-inconsistency-verify-" + n);
        }
        assertThat(summary.uniqueBugs()).extracting(CampaignSummary.BugRecord::folder)
                .containsExactlyInAnyOrderElementsOf(folders);
        folders.add("summary.json");
        assertThat(entries(out)).containsExactlyInAnyOrderElementsOf(folders);
        assertThat(entries(out.resolve("bug-inconsistency-verify-0"))).contains("model.onnx", "meta.json");
        assertThat(SummaryFile.read(out).counts()).isEqualTo(summary.counts());
    }

    @Test
    void aCampaignWhoseShardsAllFailIsAnErrorAndWritesNothing() {
        Path out = dir.resolve("failed");
        assertThatThrownBy(() -> new SparkFuzzCampaign(spark, settings("no-such-backend", 2, out), 2,
                dir.resolve("capabilities")).run())
                .isInstanceOf(SparkEngineException.class)
                .hasMessageStartingWith("every fuzzing shard failed, so nothing was written; the first: shard 0 on ")
                .hasMessageContaining("no-such-backend");
        assertThat(out).doesNotExist();
    }

    @Test
    void aTimeBudgetBeyondTheTaskTimeLimitIsRefusedBeforeAnyShardRuns() {
        Path out = dir.resolve("long");
        CampaignSettings longRun = settings(TestBackends.PERTURBED_OPT, 2, out)
                .withTimeBudget(Optional.of(Duration.ofMinutes(5))).withMaxModels(OptionalLong.empty()).withReduceBudget(Duration.ofSeconds(30));
        assertThatThrownBy(() -> new SparkFuzzCampaign(spark, longRun, 2, null).run())
                .isInstanceOf(SparkEngineException.class)
                .hasMessage("each shard runs for --time 300 s plus up to 90 s of start-up and reduction, beyond the"
                        + " Spark task time limit of 300 s; give --task-timeout 390 or more");
        assertThat(out).doesNotExist();
    }

    @Test
    void zeroShardsAreRejected() {
        assertThatThrownBy(() -> new SparkFuzzCampaign(spark, settings(TestBackends.PERTURBED_OPT, 2,
                dir.resolve("x")), 0, null))
                .isInstanceOf(SparkEngineException.class).hasMessage("--shards must be at least 1, got 0");
    }
}
