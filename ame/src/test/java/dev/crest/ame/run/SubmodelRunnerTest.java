package dev.crest.ame.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import dev.crest.ame.data.Outcome;
import dev.crest.ame.data.Queries;
import dev.crest.ame.design.Design;
import dev.crest.ame.design.Submodel;
import dev.crest.ame.learn.Learner;
import dev.crest.ame.learn.LearnerSettings;
import dev.crest.ame.learn.Learners;
import dev.crest.ame.learn.TrainedModel;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SubmodelRunnerTest {
    static Dataset points(int n) {
        float[] values = new float[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            values[2 * i] = (labels[i] == 0 ? -1f : 1f) + 0.1f * (i % 5);
            values[2 * i + 1] = (labels[i] == 0 ? -1f : 1f) - 0.07f * (i % 3);
        }
        return new Dataset(Tensor.wrapFloat32(Shape.of(n, 2), values), labels);
    }

    static List<SubmodelResult> collect(SubmodelRunner runner, SubsetPlan plan, int from, int to, long seed) {
        List<SubmodelResult> results = new ArrayList<>();
        RunSummary summary = runner.run(plan, from, to, seed, j -> false, results::add, progress -> { });
        summary.throwIfFailed();
        results.sort(Comparator.comparingInt(SubmodelResult::index));
        return results;
    }

    @Test
    void outcomesDoNotDependOnThreadCountOrRangeSplit() {
        Dataset data = points(30);
        Queries queries = Queries.rows(data, new int[] {0, 1, 7});
        Learner learner = Learners.discover().create("logreg", LearnerSettings.defaults().withSteps(10));
        SubsetPlan plan = TestPlans.bernoulli(30, 3);
        Outcome outcome = Outcome.parse("prob:target=1");
        List<SubmodelResult> serial = collect(new SubmodelRunner(learner, data, 2, queries, outcome, 1), plan, 0, 8, 5);
        SubmodelRunner parallel = new SubmodelRunner(learner, data, 2, queries, outcome, 3);
        List<SubmodelResult> split = new ArrayList<>(collect(parallel, plan, 0, 3, 5));
        split.addAll(collect(parallel, plan, 3, 8, 5));
        assertThat(serial).hasSize(8);
        for (int j = 0; j < 8; j++) {
            assertThat(split.get(j).index()).isEqualTo(j);
            assertThat(split.get(j).probability()).isEqualTo(plan.subset(j).probability());
            assertThat(split.get(j).outcomes()).containsExactly(serial.get(j).outcomes());
        }
    }

    @Test
    void skipsFinishedIndicesAndReportsProgress() {
        Dataset data = points(10);
        Learner learner = Learners.discover().create("logreg", LearnerSettings.defaults().withSteps(2));
        SubmodelRunner runner = new SubmodelRunner(learner, data, 2, Queries.rows(data, new int[] {0}),
                Outcome.parse("loss"), 2);
        List<SubmodelResult> results = new ArrayList<>();
        List<RunProgress> progress = new ArrayList<>();
        RunSummary summary = runner.run(TestPlans.bernoulli(10, 1), 0, 6, 9, j -> j % 2 == 0, results::add,
                progress::add);
        assertThat(summary.trained()).isEqualTo(3);
        assertThat(summary.skipped()).isEqualTo(3);
        assertThat(results).extracting(SubmodelResult::index).containsExactlyInAnyOrder(1, 3, 5);
        assertThat(progress).extracting(RunProgress::done).containsExactly(1, 2, 3);
        assertThat(progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(3));
    }

    @Test
    void aCrashIsRetriedOnceAndARepeatedCrashIsReportedNotCountedAsZero() {
        Dataset data = points(8);
        Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Learner flaky = new Learner() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public TrainedModel train(Dataset training, BitSet subset, int classCount, long seed) {
                int j = subset.nextSetBit(0);
                int attempt = attempts.computeIfAbsent(j, k -> new AtomicInteger()).incrementAndGet();
                if (j == 3 && attempt == 1) {
                    throw new IllegalStateException("transient failure");
                }
                if (j == 5) {
                    throw new IllegalStateException("learner diverged on subset 5");
                }
                return examples -> new float[][] {{0f, j}};
            }
        };
        SubsetPlan onePointEach = j -> {
            BitSet mask = new BitSet();
            mask.set(j);
            return new PlannedSubset(j, 0.5, mask);
        };
        SubmodelRunner runner = new SubmodelRunner(flaky, data, 2, Queries.rows(data, new int[] {0}),
                Outcome.parse("margin:target=1"), 2);
        List<SubmodelResult> results = new ArrayList<>();
        RunSummary summary = runner.run(onePointEach, 0, 7, 1, j -> false, results::add, p -> { });
        assertThat(results).extracting(SubmodelResult::index).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 6);
        SubmodelResult retried = results.stream().filter(r -> r.index() == 3).findFirst().orElseThrow();
        assertThat(retried.outcomes()).containsExactly(3.0);
        assertThat(attempts.get(3).get()).isEqualTo(2);
        assertThat(attempts.get(5).get()).isEqualTo(2);
        assertThat(summary.failures()).extracting(SubmodelFailure::index).containsExactly(5);
        assertThatThrownBy(summary::throwIfFailed).isInstanceOf(AmeException.class)
                .hasMessageContaining("submodel 5 failed twice").hasMessageContaining("diverged");
    }

    @Test
    void trainsTheSubsetsOfTheAmeDesign() {
        Dataset data = points(20);
        Design design = Design.withDefaultGrid(20, 4);
        List<BitSet> seen = Collections.synchronizedList(new ArrayList<>());
        Learner recording = new Learner() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public TrainedModel train(Dataset training, BitSet subset, int classCount, long seed) {
                seen.add((BitSet) subset.clone());
                return examples -> new float[][] {{0f, subset.cardinality()}};
            }
        };
        SubmodelRunner runner = new SubmodelRunner(recording, data, 2, Queries.rows(data, new int[] {0}),
                Outcome.parse("margin:target=1"), 2);
        List<SubmodelResult> results = collect(runner, DesignPlan.of(design), 0, 5, 1);
        for (SubmodelResult result : results) {
            Submodel row = design.submodel(result.index());
            assertThat(result.probability()).isEqualTo(row.p());
            assertThat(result.outcomes()).containsExactly((double) row.mask().cardinality());
            assertThat(seen).contains(row.mask());
        }
    }

    @Test
    void taskSeedsDependOnlyOnRunSeedAndIndex() {
        long[] whole = TaskSeeds.seeds(77, 0, 10);
        long[] tail = TaskSeeds.seeds(77, 4, 10);
        for (int j = 4; j < 10; j++) {
            assertThat(tail[j - 4]).isEqualTo(whole[j]);
        }
        assertThat(TaskSeeds.seed(78, 4)).isNotEqualTo(whole[4]);
        assertThat(Arrays.stream(whole).distinct().count()).isEqualTo(10);
    }
}
