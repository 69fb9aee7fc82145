package dev.crest.ame.learn;

import dev.crest.tensor.data.Dataset;
import java.util.BitSet;

/**
 * Trains one AME submodel: a classifier fitted on the training points selected by a mask, always for the same
 * number of optimization steps so that small subsets converge as well as large ones. Implementations must be
 * deterministic in (training set, mask, seed) and safe to call from several threads at once.
 */
public interface Learner {
    /** The name this learner is known by (e.g. {@code logreg}); recorded in checkpoints as provenance. */
    String name();

    /**
     * Trains on the examples of {@code training} whose bit is set in {@code subset}.
     *
     * @param classCount number of classes of the full training set, so every submodel has the same outputs
     *     even when its subset lacks a class
     */
    TrainedModel train(Dataset training, BitSet subset, int classCount, long seed);
}
