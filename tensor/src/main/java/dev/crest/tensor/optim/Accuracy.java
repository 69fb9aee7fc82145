package dev.crest.tensor.optim;

import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.data.Batch;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.data.MiniBatches;
import dev.crest.tensor.nn.Module;

/** Classification accuracy: the fraction of examples whose highest-scoring class is their label. */
public final class Accuracy {
    private Accuracy() {
    }

    /**
     * The accuracy of {@code model} on {@code data}, evaluated in inference mode in batches of
     * {@code batchSize}; the model is left in inference mode.
     */
    public static double of(Module model, Dataset data, int batchSize) {
        if (data.size() == 0) {
            return Double.NaN;
        }
        model.eval();
        long correct = 0;
        for (Batch batch : MiniBatches.inOrder(data, batchSize).epoch(0)) {
            Tape tape = new Tape();
            Tensor scores = model.forward(tape, tape.constant(batch.features())).value();
            correct += countCorrect(scores, batch.labels());
        }
        return (double) correct / data.size();
    }

    /** How many rows of {@code scores} ({@code [batch, classes]}) have their maximum at the row's label. */
    public static int countCorrect(Tensor scores, int[] labels) {
        int rows = labels.length;
        int classes = scores.size() / Math.max(1, rows);
        float[] s = scores.dtype() == DType.FLOAT32 ? scores.float32Data() : scores.toFloatArray();
        int correct = 0;
        for (int row = 0; row < rows; row++) {
            int offset = row * classes;
            int best = 0;
            for (int j = 1; j < classes; j++) {
                if (s[offset + j] > s[offset + best]) {
                    best = j;
                }
            }
            if (best == labels[row]) {
                correct++;
            }
        }
        return correct;
    }
}
