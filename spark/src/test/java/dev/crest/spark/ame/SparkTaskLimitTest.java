package dev.crest.spark.ame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.run.SubmodelJob;
import dev.crest.ame.run.SubmodelResult;
import dev.crest.spark.SparkConnection;
import dev.crest.spark.SparkEngineException;
import dev.crest.spark.SparkEngineSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkTaskLimitTest {
    @Test
    void aTaskPastTheTimeLimitCancelsTheRunWithAnErrorNamingIt() {
        SubmodelJob job = AmeTestJobs.logreg(20, "class:" + SleepingLearner.class.getName(), 1);
        List<SubmodelResult> delivered = new ArrayList<>();
        try (SparkConnection spark = SparkConnection.open(
                new SparkEngineSettings("local[1]", Duration.ofSeconds(3), List.of()), "crest-test")) {
            assertThatThrownBy(() -> new SparkSubmodelEngine(spark, 4).run(job, 0, 8, j -> false, delivered::add,
                    p -> { }))
                    .isInstanceOf(SparkEngineException.class)
                    .hasMessageContaining("submodels 0-3")
                    .hasMessageContaining("ran longer than the task time limit of 3 s");
        }
        assertThat(delivered).isEmpty();
    }
}
