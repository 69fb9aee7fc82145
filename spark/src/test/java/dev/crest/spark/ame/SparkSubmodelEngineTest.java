package dev.crest.spark.ame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.ame.design.Design;
import dev.crest.ame.estimate.AmeEstimate;
import dev.crest.ame.estimate.AmeEstimator;
import dev.crest.ame.run.Checkpoint;
import dev.crest.ame.run.CheckpointHeader;
import dev.crest.ame.run.LocalSubmodelEngine;
import dev.crest.ame.run.OutcomeMatrix;
import dev.crest.ame.run.RunProgress;
import dev.crest.ame.run.RunSummary;
import dev.crest.ame.run.SubmodelJob;
import dev.crest.ame.run.SubmodelResult;
import dev.crest.spark.SparkConnection;
import dev.crest.spark.SparkEngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSubmodelEngineTest {
    private static SparkConnection spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkConnection.open(new SparkEngineSettings("local[2]", Duration.ofMinutes(5), List.of()),
                "crest-test");
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    private static CheckpointHeader header(SubmodelJob job) {
        return new CheckpointHeader(job.designSeed(), job.training().size(), job.queries().describe(),
                job.queries().size(), job.learnerName(), job.outcomeSpec(), "0.2,0.4,0.6,0.8");
    }

    @Test
    void sparkTrainsTheSameSubmodelsAsTheLocalEngine() {
        SubmodelJob job = AmeTestJobs.logreg(40, "logreg", 20);
        List<SubmodelResult> local = AmeTestJobs.collect(new LocalSubmodelEngine(2), job, 0, 24);
        List<SubmodelResult> onSpark = AmeTestJobs.collect(new SparkSubmodelEngine(spark, 0), job, 0, 24);
        assertThat(onSpark).hasSize(24);
        for (int j = 0; j < 24; j++) {
            assertThat(onSpark.get(j).index()).isEqualTo(j);
            assertThat(onSpark.get(j).probability()).isEqualTo(local.get(j).probability());
            assertThat(onSpark.get(j).outcomes()).containsExactly(local.get(j).outcomes());
        }
        // The outcomes depend on the data: not every submodel predicts the same for query 0.
        assertThat(local.stream().mapToDouble(r -> r.outcomes()[0]).distinct().count()).isGreaterThan(1);
    }

    @Test
    void aResumedSparkRunFillsTheCheckpointAndEstimatesLikeTheLocalEngine(@TempDir Path dir) {
        SubmodelJob job = AmeTestJobs.logreg(40, "logreg", 20);
        int submodels = 40;
        Path sparkFile = dir.resolve("spark.checkpoint");
        try (Checkpoint checkpoint = Checkpoint.create(sparkFile, header(job))) {
            RunSummary first = new SparkSubmodelEngine(spark, 3).run(job, 0, 17, j -> false, checkpoint::append,
                    p -> { });
            assertThat(first.trained()).isEqualTo(17);
        }
        List<RunProgress> progress = new ArrayList<>();
        try (Checkpoint checkpoint = Checkpoint.resume(sparkFile, header(job))) {
            RunSummary second = new SparkSubmodelEngine(spark, 0).run(job, 0, submodels,
                    checkpoint.finishedIndices()::get, checkpoint::append, progress::add);
            assertThat(second.skipped()).isEqualTo(17);
            assertThat(second.trained()).isEqualTo(submodels - 17);
        }
        assertThat(progress).last().satisfies(p -> assertThat(p.done()).isEqualTo(submodels - 17));

        Path localFile = dir.resolve("local.checkpoint");
        try (Checkpoint checkpoint = Checkpoint.create(localFile, header(job))) {
            new LocalSubmodelEngine(2).run(job, 0, submodels, j -> false, checkpoint::append, p -> { })
                    .throwIfFailed();
        }
        OutcomeMatrix fromSpark = OutcomeMatrix.of(Checkpoint.read(sparkFile).records(), submodels, 3);
        OutcomeMatrix fromLocal = OutcomeMatrix.of(Checkpoint.read(localFile).records(), submodels, 3);
        assertThat(fromSpark.probabilities()).containsExactly(fromLocal.probabilities());
        assertThat(fromSpark.byQuery()).isDeepEqualTo(fromLocal.byQuery());

        Design design = job.design();
        AmeEstimate sparkEstimate = new AmeEstimator().estimate(design, fromSpark.byQuery());
        AmeEstimate localEstimate = new AmeEstimator().estimate(design, fromLocal.byQuery());
        assertThat(sparkEstimate).usingRecursiveComparison().isEqualTo(localEstimate);
    }
}
