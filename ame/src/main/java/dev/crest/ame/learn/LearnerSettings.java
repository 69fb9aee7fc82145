package dev.crest.ame.learn;

import dev.crest.ame.AmeException;

/**
 * How long and how fast a built-in learner trains: a fixed number of Adam steps on mini-batches of a fixed
 * size, whatever the subset size, and the hidden width used by the MLP.
 */
public record LearnerSettings(int steps, int batchSize, double learningRate, int hiddenUnits) {
    public static final int DEFAULT_STEPS = 200;
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    public static final int DEFAULT_HIDDEN_UNITS = 64;

    public LearnerSettings {
        if (steps < 0) {
            throw new AmeException("learner steps must be at least 0, got " + steps);
        }
        if (batchSize < 1) {
            throw new AmeException("learner batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new AmeException("learner learning rate must be a positive number, got " + learningRate);
        }
        if (hiddenUnits < 1) {
            throw new AmeException("learner hidden units must be at least 1, got " + hiddenUnits);
        }
    }

    public static LearnerSettings defaults() {
        return new LearnerSettings(DEFAULT_STEPS, DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE, DEFAULT_HIDDEN_UNITS);
    }

    public LearnerSettings withSteps(int value) {
        return new LearnerSettings(value, batchSize, learningRate, hiddenUnits);
    }

    public LearnerSettings withBatchSize(int value) {
        return new LearnerSettings(steps, value, learningRate, hiddenUnits);
    }

    public LearnerSettings withLearningRate(double value) {
        return new LearnerSettings(steps, batchSize, value, hiddenUnits);
    }

    public LearnerSettings withHiddenUnits(int value) {
        return new LearnerSettings(steps, batchSize, learningRate, value);
    }

    /** The settings as one line for provenance, e.g. {@code steps=200 batch=64 lr=0.01 hidden=64}. */
    public String describe() {
        return "steps=" + steps + " batch=" + batchSize + " lr=" + learningRate + " hidden=" + hiddenUnits;
    }
}
