package dev.crest.spark.ame;

import dev.crest.ame.data.Queries;
import dev.crest.ame.learn.LearnerSettings;
import dev.crest.ame.run.RunSummary;
import dev.crest.ame.run.SubmodelEngine;
import dev.crest.ame.run.SubmodelJob;
import dev.crest.ame.run.SubmodelResult;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Small AME jobs for the engine tests: two separable clusters of 2-d points and a logistic regression. */
final class AmeTestJobs {
    static final double[] GRID = {0.2, 0.4, 0.6, 0.8};

    private AmeTestJobs() {
    }

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

    /** A logistic-regression job over {@code n} points explaining three of them. */
    static SubmodelJob logreg(int n, String learner, int steps) {
        Dataset data = points(n);
        return new SubmodelJob(data, 2, Queries.rows(data, new int[] {0, 1, 7}), learner,
                LearnerSettings.defaults().withSteps(steps), "prob:target=1", GRID, 3, 5);
    }

    /** Every result of submodels [from, to) by index, failing the test if any submodel failed. */
    static List<SubmodelResult> collect(SubmodelEngine engine, SubmodelJob job, int from, int to) {
        List<SubmodelResult> results = new ArrayList<>();
        RunSummary summary = engine.run(job, from, to, j -> false, results::add, progress -> { });
        summary.throwIfFailed();
        results.sort(Comparator.comparingInt(SubmodelResult::index));
        return results;
    }
}
