package dev.crest.ame.games;

/**
 * A game whose attribution values are known in closed form, so estimators can be checked against the truth.
 */
public interface KnownGame extends Game {
    /** The exact Shapley value of every player (AME with p ~ Uniform(0, 1)). */
    double[] shapleyValues();

    /** The exact AME of every player when p is drawn uniformly from {@code grid}. */
    double[] ameValues(double[] grid);

    /**
     * The Shapley value truncated to [ε, 1−ε]: the AME with p ~ Uniform(ε, 1−ε), which is what the Shapley
     * variant of the estimator targets.
     */
    double[] truncatedShapleyValues(double epsilon);
}
