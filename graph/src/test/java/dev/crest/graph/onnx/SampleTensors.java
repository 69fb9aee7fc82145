package dev.crest.graph.onnx;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;

/** One tensor per dtype with the values most likely to break an encoder: extremes, signed zero, NaN, subnormals. */
public final class SampleTensors {
    private SampleTensors() {
    }

    public static Tensor of(DType dtype) {
        Shape shape = Shape.of(2, 3);
        switch (dtype) {
            case FLOAT32:
                return Tensor.ofFloats(shape, 1.5f, -0.0f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
                        Float.MIN_VALUE);
            case FLOAT16:
                return Tensor.fromDoubles(dtype, shape, new double[] {1, -2.5, 65504, 0x1.0p-24, Double.NaN,
                        Double.POSITIVE_INFINITY});
            case FLOAT64:
                return Tensor.ofDoubles(shape, Math.PI, -1e300, Double.MIN_VALUE, -0.0, Double.NaN, 1);
            case INT8:
                return Tensor.fromLongs(dtype, shape, new long[] {-128, 127, 0, -1, 5, 100});
            case INT16:
                return Tensor.fromLongs(dtype, shape, new long[] {-32768, 32767, 0, -1, 300, -300});
            case INT32:
                return Tensor.fromLongs(dtype, shape, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 70000, 3});
            case INT64:
                return Tensor.fromLongs(dtype, shape, new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1L << 40, 3});
            case UINT8:
                return Tensor.fromLongs(dtype, shape, new long[] {0, 255, 128, 1, 127, 200});
            case BOOL:
                return Tensor.ofBooleans(shape, true, false, true, true, false, false);
            default:
                throw new IllegalArgumentException(dtype.toString());
        }
    }
}
