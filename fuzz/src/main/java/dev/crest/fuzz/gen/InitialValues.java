package dev.crest.fuzz.gen;

import dev.crest.graph.TensorType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Starting data for generated inputs and weights, as NNSmith initialises them: uniform in [3, 7] (integers
 * rounded, so 3 to 7), booleans fair coin flips. Positive values away from zero keep most domain-limited
 * operators (Log, Sqrt, Div) finite before any search.
 */
public final class InitialValues {
    public static final double LOW = 3;
    public static final double HIGH = 7;

    private InitialValues() {
    }

    /** A tensor of the type's dtype and (fully known) shape with uniform values. */
    public static Tensor uniform(TensorType type, SplittableRandom random) {
        Shape shape = type.toShape();
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            if (type.dtype().isBool()) {
                values[i] = random.nextBoolean() ? 1 : 0;
            } else if (type.dtype().isFloat()) {
                values[i] = LOW + (HIGH - LOW) * random.nextDouble();
            } else {
                values[i] = random.nextLong((long) LOW, (long) HIGH + 1);
            }
        }
        return Tensor.fromDoubles(type.dtype(), shape, values);
    }
}
