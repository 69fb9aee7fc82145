package dev.crest.fuzz.backend.tensorflow;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * Converts Crest tensors to TensorFlow tensors and back. TensorFlow Java has no tensor classes for int8 and
 * int16, so those cross the boundary as int32 ({@link #wireType}) and the graph casts them right after the
 * placeholder and right before the fetch; the operators themselves still run on TensorFlow's 8/16-bit kernels.
 */
final class TfTensors {
    private TfTensors() {
    }

    /** TensorFlow's element type for a Crest dtype. */
    static DataType dataType(DType dtype) {
        return switch (dtype) {
            case FLOAT16 -> DataType.DT_HALF;
            case FLOAT32 -> DataType.DT_FLOAT;
            case FLOAT64 -> DataType.DT_DOUBLE;
            case INT8 -> DataType.DT_INT8;
            case INT16 -> DataType.DT_INT16;
            case INT32 -> DataType.DT_INT32;
            case INT64 -> DataType.DT_INT64;
            case UINT8 -> DataType.DT_UINT8;
            case BOOL -> DataType.DT_BOOL;
        };
    }

    /** The Crest dtype of a TensorFlow element type, or an exception naming the type Crest lacks. */
    static DType dtype(DataType dataType) {
        return switch (dataType) {
            case DT_HALF -> DType.FLOAT16;
            case DT_FLOAT -> DType.FLOAT32;
            case DT_DOUBLE -> DType.FLOAT64;
            case DT_INT8 -> DType.INT8;
            case DT_INT16 -> DType.INT16;
            case DT_INT32 -> DType.INT32;
            case DT_INT64 -> DType.INT64;
            case DT_UINT8 -> DType.UINT8;
            case DT_BOOL -> DType.BOOL;
            default -> throw new IllegalStateException("TensorFlow produced " + dataType + ", which Crest has no dtype for");
        };
    }

    /** The dtype a value of {@code dtype} is fed and fetched as. */
    static DType wireType(DType dtype) {
        return dtype == DType.INT8 || dtype == DType.INT16 ? DType.INT32 : dtype;
    }

    /** A new TensorFlow tensor (the caller closes it) holding {@code tensor} in its {@link #wireType}. */
    static org.tensorflow.Tensor toTf(Tensor tensor) {
        org.tensorflow.ndarray.Shape shape = org.tensorflow.ndarray.Shape.of(tensor.shape().dimsAsLongs());
        return switch (tensor.dtype()) {
            case FLOAT16 -> TFloat16.tensorOf(shape, DataBuffers.of(tensor.toFloatArray(), true, false));
            case FLOAT32 -> TFloat32.tensorOf(shape, DataBuffers.of(tensor.toFloatArray(), true, false));
            case FLOAT64 -> TFloat64.tensorOf(shape, DataBuffers.of(tensor.toDoubleArray(), true, false));
            case INT8, INT16, INT32 -> TInt32.tensorOf(shape, DataBuffers.of(toInts(tensor.toLongArray()), true, false));
            case INT64 -> TInt64.tensorOf(shape, DataBuffers.of(tensor.toLongArray(), true, false));
            case UINT8 -> TUint8.tensorOf(shape, DataBuffers.of(toBytes(tensor.toLongArray()), true, false));
            case BOOL -> TBool.tensorOf(shape, DataBuffers.of(toBooleans(tensor.toLongArray()), true, false));
        };
    }

    /** A Crest tensor of {@code dtype} from a fetched TensorFlow tensor of its {@link #wireType}. */
    static Tensor fromTf(org.tensorflow.Tensor fetched, DType dtype) {
        Shape shape = Shape.of(fetched.shape().asArray());
        int size = shape.size();
        if (fetched instanceof TFloat16 t) {
            float[] values = new float[size];
            t.copyTo(DataBuffers.of(values, false, false));
            return Tensor.fromDoubles(dtype, shape, widen(values));
        }
        if (fetched instanceof TFloat32 t) {
            float[] values = new float[size];
            t.copyTo(DataBuffers.of(values, false, false));
            return Tensor.ofFloats(shape, values).cast(dtype);
        }
        if (fetched instanceof TFloat64 t) {
            double[] values = new double[size];
            t.copyTo(DataBuffers.of(values, false, false));
            return Tensor.fromDoubles(dtype, shape, values);
        }
        if (fetched instanceof TInt32 t) {
            int[] values = new int[size];
            t.copyTo(DataBuffers.of(values, false, false));
            long[] longs = new long[size];
            for (int i = 0; i < size; i++) {
                longs[i] = values[i];
            }
            return Tensor.fromLongs(dtype, shape, longs);
        }
        if (fetched instanceof TInt64 t) {
            long[] values = new long[size];
            t.copyTo(DataBuffers.of(values, false, false));
            return Tensor.fromLongs(dtype, shape, values);
        }
        if (fetched instanceof TUint8 t) {
            byte[] values = new byte[size];
            t.copyTo(DataBuffers.of(values, false, false));
            long[] longs = new long[size];
            for (int i = 0; i < size; i++) {
                longs[i] = values[i] & 0xFF;
            }
            return Tensor.fromLongs(dtype, shape, longs);
        }
        if (fetched instanceof TBool t) {
            boolean[] values = new boolean[size];
            t.copyTo(DataBuffers.of(values, false, false));
            return Tensor.ofBooleans(shape, values);
        }
        throw new IllegalStateException("TensorFlow returned a " + fetched.dataType() + " tensor, which Crest cannot read");
    }

    private static double[] widen(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static int[] toInts(long[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = Math.toIntExact(values[i]);
        }
        return ints;
    }

    private static byte[] toBytes(long[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static boolean[] toBooleans(long[] values) {
        boolean[] booleans = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            booleans[i] = values[i] != 0;
        }
        return booleans;
    }
}
