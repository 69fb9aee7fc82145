package dev.crest.spark.ame;

import dev.crest.ame.data.Queries;
import dev.crest.ame.learn.LearnerSettings;
import dev.crest.ame.run.SubmodelJob;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import java.io.Serializable;

/**
 * A {@link SubmodelJob} as plain arrays and strings, the form Spark broadcasts to executors once per run; each
 * executor rebuilds the identical job from it.
 */
final class AmeJobPayload implements Serializable {
    private static final long serialVersionUID = 1L;

    private final float[] trainingFeatures;
    private final int[] trainingDims;
    private final int[] trainingLabels;
    private final int classCount;
    private final float[] queryFeatures;
    private final int[] queryDims;
    private final int[] queryLabels;
    private final int[] queryRows;
    private final String learnerName;
    private final int steps;
    private final int batchSize;
    private final double learningRate;
    private final int hiddenUnits;
    private final String outcomeSpec;
    private final double[] grid;
    private final long designSeed;
    private final long trainingSeed;

    private AmeJobPayload(SubmodelJob job) {
        Dataset training = job.training();
        trainingFeatures = training.features().float32Data();
        trainingDims = training.features().shape().dims();
        trainingLabels = training.labels();
        classCount = job.classCount();
        Dataset queries = job.queries().examples();
        queryFeatures = queries.features().float32Data();
        queryDims = queries.features().shape().dims();
        queryLabels = queries.labels();
        queryRows = job.queries().rows();
        learnerName = job.learnerName();
        LearnerSettings settings = job.settings();
        steps = settings.steps();
        batchSize = settings.batchSize();
        learningRate = settings.learningRate();
        hiddenUnits = settings.hiddenUnits();
        outcomeSpec = job.outcomeSpec();
        grid = job.grid();
        designSeed = job.designSeed();
        trainingSeed = job.trainingSeed();
    }

    static AmeJobPayload of(SubmodelJob job) {
        return new AmeJobPayload(job);
    }

    /** The job this payload was made from, rebuilt around the payload's arrays (shared, never modified). */
    SubmodelJob toJob() {
        Dataset training = new Dataset(Tensor.wrapFloat32(Shape.of(trainingDims), trainingFeatures), trainingLabels);
        Dataset queryExamples = new Dataset(Tensor.wrapFloat32(Shape.of(queryDims), queryFeatures), queryLabels);
        return new SubmodelJob(training, classCount, new Queries(queryExamples, queryRows), learnerName,
                new LearnerSettings(steps, batchSize, learningRate, hiddenUnits), outcomeSpec, grid, designSeed,
                trainingSeed);
    }
}
