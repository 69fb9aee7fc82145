package dev.crest.spark.ame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.ame.run.LocalSubmodelEngine;
import dev.crest.ame.run.RunSummary;
import dev.crest.ame.run.SubmodelJob;
import dev.crest.ame.run.SubmodelResult;
import dev.crest.spark.SparkConnection;
import dev.crest.spark.SparkEngineSettings;
import dev.crest.spark.LoopbackCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs an AME job on a real standalone cluster on loopback (a Master and Worker processes), kills the worker and
 * its executor while the job runs, starts a new worker, and checks the job completes with the local engine's
 * result.
 */
class StandaloneClusterAmeTest {
    private static final int SUBMODELS = 32;

    @Test
    void aJobSurvivesLosingItsWorkerAndMatchesTheLocalEngine(@TempDir Path dir) throws Exception {
        SubmodelJob job = AmeTestJobs.logreg(40, "class:" + SlowLogregLearner.class.getName(), 20);
        List<SubmodelResult> expected = AmeTestJobs.collect(new LocalSubmodelEngine(2), job, 0, SUBMODELS);

        try (LoopbackCluster cluster = LoopbackCluster.start(dir)) {
            Process firstWorker = cluster.startWorker(2);
            SparkEngineSettings settings = new SparkEngineSettings(cluster.masterUrl(), Duration.ofMinutes(2),
                    List.of(cluster.classesJar()));
            List<SubmodelResult> delivered = Collections.synchronizedList(new ArrayList<>());
            try (SparkConnection spark = SparkConnection.open(settings, "crest-cluster-test")) {
                CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> new SparkSubmodelEngine(
                        spark, 2).run(job, 0, SUBMODELS, j -> false, delivered::add, p -> { }));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (delivered.size() < 4 && !run.isDone() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(delivered).as("results before the worker is killed; worker log:%n%s",
                        cluster.log("worker-0")).hasSizeGreaterThanOrEqualTo(4);
                assertThat(run).as("the job is still running when its worker dies").isNotDone();
                LoopbackCluster.kill(firstWorker);
                cluster.startWorker(2);
                RunSummary summary = run.get(100, TimeUnit.SECONDS);
                assertThat(summary.failures()).isEmpty();
                assertThat(summary.trained()).isEqualTo(SUBMODELS);
            }
            List<SubmodelResult> results = new ArrayList<>(delivered);
            results.sort(Comparator.comparingInt(SubmodelResult::index));
            assertThat(results).extracting(SubmodelResult::index).containsExactlyElementsOf(
                    expected.stream().map(SubmodelResult::index).toList());
            for (int j = 0; j < SUBMODELS; j++) {
                assertThat(results.get(j).probability()).isEqualTo(expected.get(j).probability());
                assertThat(results.get(j).outcomes()).containsExactly(expected.get(j).outcomes());
            }
        }
    }
}
