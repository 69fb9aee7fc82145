package dev.crest.tensor.nn;

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

    /** First input row (or column) of window {@code outputIndex}; negative inside the padding. */
    int windowStart(int outputIndex) {
        return outputIndex * stride - padding;
    }

    /** Checks the input is a float32 NCHW tensor and returns its dims. */
    static int[] nchw(Tensor x, String layer) {
        LayerInputs.float32(x, layer);
        LayerInputs.requireRank(x, 4, layer, "[batch, channels, height, width]");
        return x.shape().dims();
    }
}
