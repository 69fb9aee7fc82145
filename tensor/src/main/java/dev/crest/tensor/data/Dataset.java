package dev.crest.tensor.data;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;

/**
 * A labelled classification data set held in memory: float32 examples stacked along the first axis and one
 * integer class label per example.
 */
public final class Dataset {
    private final Tensor features;
    private final int[] labels;
    private final int exampleSize;

    /**
     * @param features float32 tensor of rank ≥ 1 whose first dimension counts examples
     * @param labels one non-negative class label per example (copied)
     */
    public Dataset(Tensor features, int[] labels) {
        if (features.dtype() != DType.FLOAT32) {
            throw new TensorException("dataset features must be float32, got " + features.dtype().displayName());
        }
        if (features.rank() < 1) {
            throw new TensorException("dataset features need a leading example axis, got a scalar");
        }
        if (features.shape().dim(0) != labels.length) {
            throw new TensorException("dataset has " + features.shape().dim(0) + " examples but "
                    + labels.length + " labels");
        }
        for (int label : labels) {
            if (label < 0) {
                throw new TensorException("dataset labels must be non-negative, got " + label);
            }
        }
        this.features = features;
        this.labels = labels.clone();
        this.exampleSize = labels.length == 0 ? 0 : features.size() / labels.length;
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    public Tensor features() {
        return features;
    }

    /** A copy of the labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** The label of example {@code index}. */
    public int label(int index) {
        return labels[index];
    }

    /** The shape of one example (the features' shape without the leading axis). */
    public Shape exampleShape() {
        int[] dims = features.shape().dims();
        return Shape.of(Arrays.copyOfRange(dims, 1, dims.length));
    }

    /**
     * The same examples viewed with another per-example shape of the same size, e.g. {@code [1, 28, 28]} to
     * give 28×28 images the channel axis a convolution expects. Shares the data.
     */
    public Dataset withExampleShape(Shape exampleShape) {
        if (exampleShape.size() != exampleSize && size() > 0) {
            throw new TensorException("cannot view examples of shape " + exampleShape() + " as " + exampleShape);
        }
        int[] dims = new int[exampleShape.rank() + 1];
        dims[0] = size();
        System.arraycopy(exampleShape.dims(), 0, dims, 1, exampleShape.rank());
        return new Dataset(features.reshape(Shape.of(dims)), labels);
    }

    /** Number of classes, taken as the largest label plus one. */
    public int classCount() {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    /** Examples {@code [from, to)} as a new data set. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new TensorException("slice [" + from + ", " + to + ") is out of range for a dataset of "
                    + size() + " examples");
        }
        int[] indices = new int[to - from];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = from + i;
        }
        return select(indices);
    }

    /** The examples at {@code indices}, in that order, as a new data set. */
    public Dataset select(int[] indices) {
        Batch batch = gather(indices, 0, indices.length);
        return new Dataset(batch.features(), batch.labels());
    }

    /** Gathers examples {@code indices[from..to)} into a batch, copying one contiguous row per example. */
    Batch gather(int[] indices, int from, int to) {
        int count = to - from;
        float[] source = features.float32Data();
        float[] values = new float[count * exampleSize];
        int[] batchLabels = new int[count];
        for (int i = 0; i < count; i++) {
            int example = indices[from + i];
            System.arraycopy(source, example * exampleSize, values, i * exampleSize, exampleSize);
            batchLabels[i] = labels[example];
        }
        int[] dims = features.shape().dims();
        dims[0] = count;
        return new Batch(Tensor.wrapFloat32(Shape.of(dims), values), batchLabels);
    }
}
