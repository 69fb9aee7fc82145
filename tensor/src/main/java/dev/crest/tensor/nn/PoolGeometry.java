package dev.crest.tensor.nn;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;

/**
 * The window arithmetic of a 2-D pooling layer over an NCHW input: square kernel, stride and symmetric zero
 * padding, output size ⌊(H + 2·padding − kernel) / stride⌋ + 1 as in ONNX with {@code ceil_mode = 0}.
 */
record PoolGeometry(int kernel, int stride, int padding) {
    PoolGeometry {
        if (kernel < 1 || stride < 1 || padding < 0) {
            throw new TensorException("pooling needs kernel ≥ 1, stride ≥ 1 and padding ≥ 0, got kernel=" + kernel
                    + " stride=" + stride + " padding=" + padding);
        }
        // PyTorch's rule; it guarantees every window covers at least one real input element.
        if (padding > kernel / 2) {
            throw new TensorException("pooling padding " + padding + " must be at most half the kernel " + kernel);
        }
    }

    /** Output extent for an input extent, or a {@link TensorException} when the window does not fit. */
    int outputSize(int inputSize, String layer) {
        int span = inputSize + 2 * padding - kernel;
        if (span < 0) {
            throw new TensorException(layer + " kernel " + kernel + " does not fit an input of size " + inputSize
                    + " with padding " + padding);
        }
        return span / stride + 1;
    }

    /**
     * The windows over input {@code x}, which must be a float32 NCHW tensor, clipped to the input: padded
     * positions are skipped rather than read as zeros.
     */
    Windows windows(Tensor x, String layer) {
        LayerInputs.float32(x, layer);
        LayerInputs.requireRank(x, 4, layer, "[batch, channels, height, width]");
        int[] d = x.shape().dims();
        int outHeight = outputSize(d[2], layer);
        int outWidth = outputSize(d[3], layer);
        int[] rowFrom = new int[outHeight];
        int[] rowTo = new int[outHeight];
        int[] colFrom = new int[outWidth];
        int[] colTo = new int[outWidth];
        clip(d[2], rowFrom, rowTo);
        clip(d[3], colFrom, colTo);
        return new Windows(d[0], d[1], d[2], d[3], rowFrom, rowTo, colFrom, colTo);
    }

    /** Fills {@code [from[i], to[i])} with the input range window {@code i} covers along an axis of {@code size}. */
    private void clip(int size, int[] from, int[] to) {
        for (int i = 0; i < from.length; i++) {
            int start = i * stride - padding; // negative inside the padding
            from[i] = Math.max(0, start);
            to[i] = Math.min(size, start + kernel);
        }
    }

    /** The layer's description for {@code toString}, e.g. {@code MaxPool2d(kernel=2, stride=2, padding=0)}. */
    String describe(String layer) {
        return layer + "(kernel=" + kernel + ", stride=" + stride + ", padding=" + padding + ")";
    }

    /**
     * The pooling windows of one NCHW input: output row {@code i} reads input rows {@code [rowFrom[i], rowTo[i])}
     * and output column {@code j} reads input columns {@code [colFrom[j], colTo[j])} of every (batch, channel)
     * plane.
     */
    static final class Windows {
        final int batch;
        final int channels;
        final int height;
        final int width;
        final int[] rowFrom;
        final int[] rowTo;
        final int[] colFrom;
        final int[] colTo;

        Windows(int batch, int channels, int height, int width, int[] rowFrom, int[] rowTo, int[] colFrom,
                int[] colTo) {
            this.batch = batch;
            this.channels = channels;
            this.height = height;
            this.width = width;
            this.rowFrom = rowFrom;
            this.rowTo = rowTo;
            this.colFrom = colFrom;
            this.colTo = colTo;
        }

        int planes() {
            return batch * channels;
        }

        int outHeight() {
            return rowFrom.length;
        }

        int outWidth() {
            return colFrom.length;
        }

        /** {@code [batch, channels, outHeight, outWidth]}. */
        Shape outputShape() {
            return Shape.of(batch, channels, outHeight(), outWidth());
        }
    }
}
