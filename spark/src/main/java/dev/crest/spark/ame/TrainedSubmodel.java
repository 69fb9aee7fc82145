package dev.crest.spark.ame;

import dev.crest.ame.run.SubmodelFailure;
import dev.crest.ame.run.SubmodelResult;
import java.io.Serializable;

/**
 * What a Spark task sends back for one submodel: its outcomes, or the error that made it fail twice (as text,
 * since the exception's class may not exist on the driver).
 */
final class TrainedSubmodel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int index;
    private final double probability;
    private final double[] outcomes;
    private final String error;

    private TrainedSubmodel(int index, double probability, double[] outcomes, String error) {
        this.index = index;
        this.probability = probability;
        this.outcomes = outcomes;
        this.error = error;
    }

    static TrainedSubmodel finished(SubmodelResult result) {
        return new TrainedSubmodel(result.index(), result.probability(), result.outcomes(), null);
    }

    static TrainedSubmodel failed(int index, Throwable cause) {
        String message = cause.getMessage();
        return new TrainedSubmodel(index, Double.NaN, null,
                cause.getClass().getName() + (message == null ? "" : ": " + message));
    }

    boolean isFailure() {
        return error != null;
    }

    SubmodelResult result() {
        return new SubmodelResult(index, probability, outcomes);
    }

    SubmodelFailure failure() {
        return new SubmodelFailure(index, new IllegalStateException("on a Spark executor: " + error));
    }
}
