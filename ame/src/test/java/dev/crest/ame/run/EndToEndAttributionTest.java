package dev.crest.ame.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.ame.data.Outcome;
import dev.crest.ame.data.Queries;
import dev.crest.ame.design.Design;
import dev.crest.ame.estimate.AmeEstimate;
import dev.crest.ame.estimate.AmeEstimator;
import dev.crest.ame.learn.Learner;
import dev.crest.ame.learn.LearnerSettings;
import dev.crest.ame.learn.Learners;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Design → runner → estimator on a tabular backdoor: the third feature is a trigger that only the poisoned points
 * carry, so they alone teach the model that the trigger means class 1, and AME must rank them first.
 */
class EndToEndAttributionTest {
    private static final int N = 40;
    private static final int[] POISONED = {7, 19, 31};

    @Test
    void backdooredPointsGetTheLargestAme() {
        SplittableRandom random = new SplittableRandom(8);
        float[] values = new float[(N + 1) * 3];
        int[] labels = new int[N + 1];
        for (int i = 0; i < N; i++) {
            labels[i] = i % 2;
            float centre = labels[i] == 0 ? -2f : 2f;
            values[3 * i] = centre + (float) random.nextGaussian() * 0.5f;
            values[3 * i + 1] = centre + (float) random.nextGaussian() * 0.5f;
        }
        for (int p : POISONED) {
            // A class-0 looking point with the trigger, relabelled to class 1.
            values[3 * p] = -2f;
            values[3 * p + 1] = -2f;
            values[3 * p + 2] = 3f;
            labels[p] = 1;
        }
        // The query (row N, not a training point): class-0 features plus the trigger.
        values[3 * N] = -2f;
        values[3 * N + 1] = -2f;
        values[3 * N + 2] = 3f;
        Dataset all = new Dataset(Tensor.wrapFloat32(Shape.of(N + 1, 3), values), labels);
        Dataset training = all.slice(0, N);
        Queries queries = Queries.rows(all, new int[] {N});

        Design design = Design.withDefaultGrid(N, 21);
        Learner learner = Learners.discover().create("logreg", LearnerSettings.defaults().withSteps(40).withBatchSize(16)
                .withLearningRate(0.1));
        SubmodelRunner runner = new SubmodelRunner(learner, training, 2, queries, Outcome.parse("margin:target=1"), 2);
        int submodels = 300;
        List<SubmodelResult> results = new ArrayList<>();
        runner.run(DesignPlan.of(design), 0, submodels, 5, j -> false, results::add, p -> { }).throwIfFailed();
        OutcomeMatrix matrix = OutcomeMatrix.of(results, submodels, 1);

        AmeEstimate estimate = new AmeEstimator().estimate(design, matrix.byQuery());
        double[] ame = estimate.queries().get(0).ame();
        int[] top = IntStream.range(0, N).boxed().sorted(Comparator.comparingDouble(i -> -ame[i]))
                .mapToInt(Integer::intValue).limit(POISONED.length).sorted().toArray();
        assertThat(top).containsExactly(POISONED);
        double weakestPoison = IntStream.of(POISONED).mapToDouble(p -> ame[p]).min().orElseThrow();
        assertThat(weakestPoison).isPositive();
        for (int i = 0; i < N; i++) {
            int point = i;
            if (IntStream.of(POISONED).noneMatch(p -> p == point)) {
                assertThat(ame[point]).isLessThan(weakestPoison / 2);
            }
        }
    }
}
