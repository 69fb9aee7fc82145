package dev.crest.tensor.nn;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;

/**
 * The softmax cross-entropy loss for classification: the mean over the batch of
 * {@code logsumexp(logits_i) − logits_i[label_i]}. The log-sum-exp subtracts each row's maximum first, so large
 * logits do not overflow; the gradient with respect to the logits is {@code (softmax − onehot) / batch}.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /**
     * The mean loss of float32 {@code logits} shaped {@code [batch, classes]} against integer class
     * {@code labels}, as a scalar variable on {@code tape}.
     */
    public static Variable of(Tape tape, Variable logits, int[] labels) {
        Tensor x = logits.value();
        float[] xs = LayerInputs.float32(x, "softmax cross-entropy");
        LayerInputs.requireRank(x, 2, "softmax cross-entropy", "[batch, classes]");
        int batch = x.shape().dim(0);
        int classes = x.shape().dim(1);
        if (labels.length != batch) {
            throw new TensorException("softmax cross-entropy got " + batch + " rows of logits but "
                    + labels.length + " labels");
        }
        if (batch == 0) {
            throw new TensorException("softmax cross-entropy needs a non-empty batch");
        }
        float[] probabilities = new float[xs.length];
        double total = 0;
        for (int row = 0; row < batch; row++) {
            int label = labels[row];
            if (label < 0 || label >= classes) {
                throw new TensorException("label " + label + " at row " + row + " is outside [0, " + classes + ")");
            }
            int offset = row * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, xs[offset + j]);
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                double e = Math.exp(xs[offset + j] - max);
                probabilities[offset + j] = (float) e;
                sum += e;
            }
            float inverse = (float) (1.0 / sum);
            for (int j = 0; j < classes; j++) {
                probabilities[offset + j] *= inverse;
            }
            total += max + Math.log(sum) - xs[offset + label];
        }
        Tensor loss = Tensor.wrapFloat32(Shape.scalar(), new float[] {(float) (total / batch)});
        return tape.custom(loss, seed -> {
            float scale = (float) (LayerInputs.seedValue(seed) / batch);
            float[] dx = new float[probabilities.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = probabilities[i] * scale;
            }
            for (int row = 0; row < batch; row++) {
                dx[row * classes + labels[row]] -= scale;
            }
            return new Tensor[] {Tensor.wrapFloat32(x.shape(), dx)};
        }, logits);
    }

    /** As {@link #of(Tape, Variable, int[])} with labels in an integer tensor of shape {@code [batch]}. */
    public static Variable of(Tape tape, Variable logits, Tensor labels) {
        if (!labels.dtype().isInteger() || labels.rank() != 1) {
            throw new TensorException("softmax cross-entropy labels must be a 1-D integer tensor, got "
                    + labels.dtype().displayName() + labels.shape());
        }
        int[] ints = new int[labels.size()];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = Math.toIntExact(labels.getLong(i));
        }
        return of(tape, logits, ints);
    }
}
