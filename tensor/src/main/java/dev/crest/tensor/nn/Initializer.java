package dev.crest.tensor.nn;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Draws the initial value of a float32 parameter from its shape and fan-in/fan-out, using only the random
 * source it is given, so that a seeded model is reproducible.
 */
@FunctionalInterface
public interface Initializer {
    /**
     * A float32 tensor of {@code shape}.
     *
     * @param fanIn inputs feeding one output unit (in-features, or in-channels × kernel area)
     * @param fanOut outputs fed by one input unit (out-features, or out-channels × kernel area)
     */
    Tensor initialize(Shape shape, int fanIn, int fanOut, SplittableRandom random);

    /** As {@link #initialize(Shape, int, int, SplittableRandom)} with a generator seeded by {@code seed}. */
    default Tensor initialize(Shape shape, int fanIn, int fanOut, long seed) {
        return initialize(shape, fanIn, fanOut, new SplittableRandom(seed));
    }

    /**
     * He et al. (2015) uniform initialization for ReLU networks: U(−b, b) with b = √(6 / fanIn), i.e. gain √2.
     */
    static Initializer kaimingUniform() {
        return (shape, fanIn, fanOut, random) -> uniform(shape, Math.sqrt(6.0 / Math.max(1, fanIn)), random);
    }

    /** Glorot and Bengio (2010) uniform initialization: U(−b, b) with b = √(6 / (fanIn + fanOut)). */
    static Initializer xavierUniform() {
        return (shape, fanIn, fanOut, random) ->
                uniform(shape, Math.sqrt(6.0 / Math.max(1, fanIn + fanOut)), random);
    }

    /** U(−1/√fanIn, 1/√fanIn), PyTorch's default for Linear and Conv2d weights and biases. */
    static Initializer fanInUniform() {
        return (shape, fanIn, fanOut, random) -> uniform(shape, 1.0 / Math.sqrt(Math.max(1, fanIn)), random);
    }

    /** All zeros (the usual bias initialization). */
    static Initializer zeros() {
        return (shape, fanIn, fanOut, random) -> Tensor.wrapFloat32(shape, new float[shape.size()]);
    }

    /** A float32 tensor with elements drawn independently from U(−bound, bound). */
    static Tensor uniform(Shape shape, double bound, SplittableRandom random) {
        float[] values = new float[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-bound, bound);
        }
        return Tensor.wrapFloat32(shape, values);
    }
}
