package dev.crest.fuzz.backend.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.crest.tensor.DType;
import dev.crest.tensor.Float16;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Converts Crest tensors to PyTorch tensors (DJL {@link NDArray}s) and back, bit for bit. int16 has no DJL
 * mapping to PyTorch (DJL 0.36's native side aborts the process on it), so int16 values are stored in int32
 * tensors and wrapped back to 16 bits after every node ({@link #wrapInt16}).
 */
final class TorchTensors {
    private TorchTensors() {
    }

    /** The DJL data type that stores {@code dtype} (int32 for int16), or empty when there is none. */
    static Optional<DataType> dataType(DType dtype) {
        switch (dtype) {
            case FLOAT16:
                return Optional.of(DataType.FLOAT16);
            case FLOAT32:
                return Optional.of(DataType.FLOAT32);
            case FLOAT64:
                return Optional.of(DataType.FLOAT64);
            case INT8:
                return Optional.of(DataType.INT8);
            case INT16:
            case INT32:
                return Optional.of(DataType.INT32);
            case INT64:
                return Optional.of(DataType.INT64);
            case UINT8:
                return Optional.of(DataType.UINT8);
            case BOOL:
                return Optional.of(DataType.BOOLEAN);
            default:
                return Optional.empty();
        }
    }

    /** int32-stored values wrapped to int16's range, two's complement, as a 16-bit result would wrap. */
    static NDArray wrapInt16(NDArray stored) {
        return stored.add(32768).mod(65536).sub(32768);
    }

    /** The DJL data type of {@code dtype}; a programming error for a dtype the compile check let through. */
    static DataType requireDataType(DType dtype) {
        return dataType(dtype).orElseThrow(() -> new IllegalStateException(dtype + " has no PyTorch mapping"));
    }

    /** A PyTorch tensor in {@code manager} holding a copy of {@code tensor}. */
    static NDArray toTorch(NDManager manager, Tensor tensor) {
        DataType dataType = requireDataType(tensor.dtype());
        int size = tensor.size();
        ByteBuffer buffer = ByteBuffer.allocateDirect(Math.max(1, size * dataType.getNumOfBytes()))
                .order(ByteOrder.nativeOrder());
        switch (tensor.dtype()) {
            case FLOAT16:
                for (int i = 0; i < size; i++) {
                    buffer.putShort(Float16.toBits(tensor.getDouble(i)));
                }
                break;
            case FLOAT32:
                for (int i = 0; i < size; i++) {
                    buffer.putFloat((float) tensor.getDouble(i));
                }
                break;
            case FLOAT64:
                for (int i = 0; i < size; i++) {
                    buffer.putDouble(tensor.getDouble(i));
                }
                break;
            case INT16:
            case INT32:
                for (int i = 0; i < size; i++) {
                    buffer.putInt((int) tensor.getLong(i));
                }
                break;
            case INT64:
                for (int i = 0; i < size; i++) {
                    buffer.putLong(tensor.getLong(i));
                }
                break;
            default:
                // int8, uint8 and bool: one byte each; uint8 values above 127 wrap into the byte's sign bit.
                for (int i = 0; i < size; i++) {
                    buffer.put((byte) tensor.getLong(i));
                }
                break;
        }
        buffer.flip();
        return manager.create(buffer, new ai.djl.ndarray.types.Shape(tensor.shape().dimsAsLongs()), dataType);
    }

    /** A Crest tensor of {@code dtype} with a copy of {@code array}'s values (any memory layout). */
    static Tensor fromTorch(NDArray array, DType dtype) {
        if (array.getDataType() != requireDataType(dtype)) {
            throw new IllegalStateException("a " + array.getDataType() + " tensor cannot hold " + dtype);
        }
        Shape shape = Shape.of(array.getShape().getShape());
        int size = shape.size();
        ByteBuffer buffer = array.toByteBuffer().order(ByteOrder.nativeOrder());
        switch (dtype) {
            case FLOAT16: {
                double[] values = new double[size];
                for (int i = 0; i < size; i++) {
                    values[i] = Float16.fromBits(buffer.getShort());
                }
                return Tensor.fromDoubles(dtype, shape, values);
            }
            case FLOAT32: {
                float[] values = new float[size];
                buffer.asFloatBuffer().get(values);
                return Tensor.wrapFloat32(shape, values);
            }
            case FLOAT64: {
                double[] values = new double[size];
                buffer.asDoubleBuffer().get(values);
                return Tensor.fromDoubles(dtype, shape, values);
            }
            default: {
                long[] values = new long[size];
                for (int i = 0; i < size; i++) {
                    values[i] = readInteger(buffer, dtype);
                }
                return Tensor.fromLongs(dtype, shape, values);
            }
        }
    }

    private static long readInteger(ByteBuffer buffer, DType dtype) {
        switch (dtype) {
            case INT16:
            case INT32:
                return buffer.getInt();
            case INT64:
                return buffer.getLong();
            case UINT8:
                return Byte.toUnsignedLong(buffer.get());
            default:
                return buffer.get();
        }
    }
}
