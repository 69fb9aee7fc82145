package dev.crest.tensor.optim;

import dev.crest.tensor.TensorException;

/**
 * Settings of {@link Sgd}: learning rate, momentum (0 for plain SGD), Nesterov momentum and L2 weight decay.
 * Defaults: {@link #DEFAULT_LEARNING_RATE}, no momentum, no Nesterov, no weight decay.
 */
public record SgdSettings(double learningRate, double momentum, boolean nesterov, double weightDecay) {
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    public SgdSettings {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new TensorException("SGD learning rate must be positive and finite, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new TensorException("SGD momentum must be in [0, 1), got " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new TensorException("Nesterov SGD needs a momentum above 0");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new TensorException("SGD weight decay must be non-negative and finite, got " + weightDecay);
        }
    }

    /** Plain SGD with the default learning rate. */
    public static SgdSettings defaults() {
        return new SgdSettings(DEFAULT_LEARNING_RATE, 0, false, 0);
    }

    public SgdSettings withLearningRate(double value) {
        return new SgdSettings(value, momentum, nesterov, weightDecay);
    }

    public SgdSettings withMomentum(double value) {
        return new SgdSettings(learningRate, value, nesterov, weightDecay);
    }

    public SgdSettings withNesterov(boolean value) {
        return new SgdSettings(learningRate, momentum, value, weightDecay);
    }

    public SgdSettings withWeightDecay(double value) {
        return new SgdSettings(learningRate, momentum, nesterov, value);
    }
}
