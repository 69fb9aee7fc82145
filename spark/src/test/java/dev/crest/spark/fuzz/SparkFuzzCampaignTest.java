package dev.crest.spark.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.campaign.CampaignSettings;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.SummaryFile;
import dev.crest.fuzz.testing.TestBackends;
import dev.crest.spark.SparkConnection;
import dev.crest.spark.SparkEngineException;
import dev.crest.spark.SparkEngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    @Test
    void twoShardsFindingThePlantedBugMergeIntoOneBugFolderCountingEveryFinding() throws IOException {
        Path out = dir.resolve("campaign");
        SparkFuzzCampaign.Result result = new SparkFuzzCampaign(spark,
                settings(TestBackends.PERTURBED_OPT, 6, out), 2, dir.resolve("capabilities")).run();

        CampaignSummary summary = result.summary();
        assertThat(result.shards()).isEqualTo(2);
        assertThat(result.failures()).isEmpty();
        assertThat(summary.counts().generated()).isEqualTo(6);
        assertThat(summary.counts().tested()).isPositive();
        assertThat(summary.counts().findings()).isPositive();
        assertThat(summary.uniqueBugs()).singleElement().satisfies(bug -> {
            assertThat(bug.count()).isEqualTo(summary.counts().findings());
            assertThat(bug.backend()).isEqualTo(TestBackends.PERTURBED_OPT);
            assertThat(bug.folder()).isEqualTo("bug-inconsistency-verify-0");
        });
        assertThat(entries(out)).containsExactly("bug-inconsistency-verify-0", "summary.json");
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
