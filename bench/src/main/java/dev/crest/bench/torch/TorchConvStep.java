package dev.crest.bench.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;

/**
 * One float32 2-d convolution forward and backward in PyTorch (through DJL autograd): the baseline for Crest's
 * {@code Conv2d} layer. Backward is seeded with ones of the output's shape (the gradient of the sum of the
 * outputs, without computing that sum) and computes the gradients of the input, the weight and the bias.
 */
public final class TorchConvStep implements AutoCloseable {
    private final TorchRuntime runtime;
    private final NDManager manager;
    private final NDArray input;
    private final NDArray weight;
    private final NDArray bias;
    private final Shape stride;
    private final Shape padding;
    private final Shape dilation;

    /**
     * Prepares the step for {@code input} of shape {@code [n, c, h, w]} (row-major) and a weight
     * {@code [outChannels, c, kernel, kernel]}, stride 1 and {@code pad} zero padding on every side.
     */
    public TorchConvStep(TorchRuntime runtime, float[] input, long[] inputShape, float[] weight, long[] weightShape,
            float[] bias, int pad) {
        this.runtime = runtime;
        this.manager = runtime.engine().newBaseManager();
        this.input = leaf(input, inputShape);
        this.weight = leaf(weight, weightShape);
        this.bias = leaf(bias, new long[] {bias.length});
        this.stride = new Shape(1, 1);
        this.padding = new Shape(pad, pad);
        this.dilation = new Shape(1, 1);
    }

    private NDArray leaf(float[] values, long[] shape) {
        NDArray array = manager.create(values, new Shape(shape));
        array.setRequiresGradient(true);
        return array;
    }

    /**
     * Runs forward and backward once. Gradients are cleared first because PyTorch accumulates them.
     */
    public void forwardBackward() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            clearGradient(input);
            clearGradient(weight);
            clearGradient(bias);
            try (GradientCollector collector = runtime.engine().newGradientCollector()) {
                collector.backward(convolve());
            }
        }
    }

    /** The forward output alone, row-major {@code [n, outChannels, h', w']}. */
    public float[] forward() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return convolve().toFloatArray();
        }
    }

    private NDArray convolve() {
        return Conv2d.conv2d(input, weight, bias, stride, padding, dilation).singletonOrThrow();
    }

    private static void clearGradient(NDArray parameter) {
        parameter.getGradient().muli(0f);
    }

    /** The gradient of the weight after the last {@link #forwardBackward()}, row-major. */
    public float[] weightGradient() {
        try (NDArray gradient = weight.getGradient()) {
            return gradient.toFloatArray();
        }
    }

    /** The gradient of the bias after the last {@link #forwardBackward()}. */
    public float[] biasGradient() {
        try (NDArray gradient = bias.getGradient()) {
            return gradient.toFloatArray();
        }
    }

    /** The gradient of the input after the last {@link #forwardBackward()}, row-major. */
    public float[] inputGradient() {
        try (NDArray gradient = input.getGradient()) {
            return gradient.toFloatArray();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
