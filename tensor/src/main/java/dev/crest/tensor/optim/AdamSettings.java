package dev.crest.tensor.optim;

import dev.crest.tensor.TensorException;

/**
 * Settings of {@link Adam}: learning rate, the moment decay rates β1 and β2, ε, and optional weight decay,
 * either added to the gradient (L2, as in Adam) or applied to the weights directly (decoupled, as in AdamW).
 * Defaults are those of Kingma and Ba (2015): 0.001, 0.9, 0.999, 1e-8, no weight decay.
 */
public record AdamSettings(double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
        boolean decoupledWeightDecay) {
    public AdamSettings {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new TensorException("Adam learning rate must be positive and finite, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new TensorException("Adam beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new TensorException("Adam beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new TensorException("Adam epsilon must be positive and finite, got " + epsilon);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new TensorException("Adam weight decay must be non-negative and finite, got " + weightDecay);
        }
    }

    /** The defaults of Kingma and Ba (2015). */
    public static AdamSettings defaults() {
        return new AdamSettings(0.001, 0.9, 0.999, 1e-8, 0, false);
    }

    public AdamSettings withLearningRate(double value) {
        return new AdamSettings(value, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay);
    }

    public AdamSettings withBetas(double newBeta1, double newBeta2) {
        return new AdamSettings(learningRate, newBeta1, newBeta2, epsilon, weightDecay, decoupledWeightDecay);
    }

    public AdamSettings withEpsilon(double value) {
        return new AdamSettings(learningRate, beta1, beta2, value, weightDecay, decoupledWeightDecay);
    }

    /** L2 weight decay: {@code value · w} is added to each gradient before the moments are updated. */
    public AdamSettings withWeightDecay(double value) {
        return new AdamSettings(learningRate, beta1, beta2, epsilon, value, false);
    }

    /** Decoupled weight decay (Loshchilov and Hutter, 2019): weights shrink by {@code lr · value · w} each step. */
    public AdamSettings withDecoupledWeightDecay(double value) {
        return new AdamSettings(learningRate, beta1, beta2, epsilon, value, true);
    }
}
