package dev.crest.tensor.nn;

import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;

/** Input checks and array access shared by the float32 layers. */
final class LayerInputs {
    private LayerInputs() {
    }

    /** The float32 data of a layer input, or a {@link TensorException} naming the layer and the expected shape. */
    static float[] float32(Tensor t, String layer) {
        if (t.dtype() != DType.FLOAT32) {
            throw new TensorException(layer + " expects a float32 input, got " + t.dtype().displayName()
                    + " (cast the input to float32)");
        }
        return t.float32Data();
    }

    /** Fails unless {@code t} has {@code rank} dimensions, naming the layer and what the axes mean. */
    static void requireRank(Tensor t, int rank, String layer, String layout) {
        if (t.rank() != rank) {
            throw new TensorException(layer + " expects a rank-" + rank + " input " + layout + ", got shape "
                    + t.shape());
        }
    }

    /**
     * The float32 values of an incoming gradient. Gradients of float32 outputs are float32 already; anything
     * else is converted once, as a safety net.
     */
    static float[] gradient(Tensor g) {
        return g.dtype() == DType.FLOAT32 ? g.float32Data() : g.toFloatArray();
    }

    /** The value of the scalar gradient seeding a loss (1 for a plain {@code backward(loss)}). */
    static double seedValue(Tensor seed) {
        if (seed.size() != 1) {
            throw new TensorException("the gradient of a scalar loss must have one element, got shape "
                    + seed.shape());
        }
        return seed.dtype() == DType.FLOAT32 ? seed.float32Data()[0] : seed.getDouble(0);
    }
}
