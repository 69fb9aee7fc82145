package dev.crest.ame.data;

import dev.crest.ame.AmeException;

/**
 * The scalar behaviour U of a trained model on one query that AME attributes to training points, computed from
 * the query's class logits and its label. Parsed from the strings users write: {@code prob:target=3},
 * {@code prob:predicted}, {@code loss}, {@code margin} or {@code margin:target=3}.
 */
public sealed interface Outcome {
    /** The outcome for one query with logits {@code logits} and label {@code label}. */
    double of(float[] logits, int label);

    /** The string this outcome parses from (recorded in checkpoints as provenance). */
    String spec();

    /**
     * Checks, before any training, that this outcome can be computed for models with {@code classCount} classes
     * on queries labelled {@code queryLabels}; a target or label out of range is an {@link AmeException}.
     */
    default void validate(int classCount, int[] queryLabels) {
    }

    /** Softmax probability of class {@code target}. */
    record TargetProbability(int target) implements Outcome {
        @Override
        public double of(float[] logits, int label) {
            checkClass(target, logits.length);
            return Softmax.probabilities(logits)[target];
        }

        @Override
        public String spec() {
            return "prob:target=" + target;
        }

        @Override
        public void validate(int classCount, int[] queryLabels) {
            checkClass(target, classCount);
        }
    }

    /** Softmax probability of the class with the largest logit (the first one on ties). */
    record PredictedProbability() implements Outcome {
        @Override
        public double of(float[] logits, int label) {
            return Softmax.probabilities(logits)[Softmax.argmax(logits)];
        }

        @Override
        public String spec() {
            return "prob:predicted";
        }
    }

    /** Cross-entropy loss −log softmax(logits)[label] of the query's own label. */
    record Loss() implements Outcome {
        @Override
        public double of(float[] logits, int label) {
            checkClass(label, logits.length);
            return Softmax.logSumExp(logits) - logits[label];
        }

        @Override
        public String spec() {
            return "loss";
        }

        @Override
        public void validate(int classCount, int[] queryLabels) {
            checkLabels(classCount, queryLabels, spec());
        }
    }

    /**
     * Logit margin: the logit of the class (the given target, or the query's label when {@code target < 0})
     * minus the largest other logit; positive exactly when that class is predicted.
     */
    record Margin(int target) implements Outcome {
        @Override
        public double of(float[] logits, int label) {
            int chosen = target >= 0 ? target : label;
            checkClass(chosen, logits.length);
            double otherMax = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < logits.length; c++) {
                if (c != chosen) {
                    otherMax = Math.max(otherMax, logits[c]);
                }
            }
            return (double) logits[chosen] - otherMax;
        }

        @Override
        public String spec() {
            return target >= 0 ? "margin:target=" + target : "margin";
        }

        @Override
        public void validate(int classCount, int[] queryLabels) {
            if (target >= 0) {
                checkClass(target, classCount);
            } else {
                checkLabels(classCount, queryLabels, spec());
            }
        }
    }

    /** Parses an outcome string; a bad one gives an {@link AmeException} listing the accepted forms. */
    public static Outcome parse(String text) {
        String spec = text.trim();
        switch (spec) {
            case "prob:predicted":
                return new PredictedProbability();
            case "loss":
                return new Loss();
            case "margin":
                return new Margin(-1);
            default:
                break;
        }
        if (spec.startsWith("prob:target=")) {
            return new TargetProbability(parseTarget(spec, "prob:target=".length()));
        }
        if (spec.startsWith("margin:target=")) {
            return new Margin(parseTarget(spec, "margin:target=".length()));
        }
        throw new AmeException("unknown outcome '" + text + "'; use prob:target=<class>, prob:predicted, loss, "
                + "margin or margin:target=<class>");
    }

    private static int parseTarget(String spec, int start) {
        String digits = spec.substring(start);
        try {
            int target = Integer.parseInt(digits);
            if (target < 0) {
                throw new AmeException("outcome '" + spec + "' needs a class number of 0 or more");
            }
            return target;
        } catch (NumberFormatException e) {
            throw new AmeException("outcome '" + spec + "' needs a whole class number after '=', got '" + digits + "'");
        }
    }

    private static void checkLabels(int classCount, int[] queryLabels, String spec) {
        for (int q = 0; q < queryLabels.length; q++) {
            if (queryLabels[q] >= classCount) {
                throw new AmeException("outcome " + spec + " uses the query's label, but query " + q + " is labelled "
                        + queryLabels[q] + " and the model has " + classCount + " classes (0.." + (classCount - 1)
                        + ")");
            }
        }
    }

    private static void checkClass(int target, int classes) {
        if (target >= classes) {
            throw new AmeException("outcome class " + target + " is out of range: the model has " + classes
                    + " classes (0.." + (classes - 1) + ")");
        }
    }
}
