package dev.crest.graph.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.crest.graph.GraphException;
import dev.crest.tensor.DType;
import dev.crest.tensor.Float16;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Converts between Crest tensors and ONNX {@code TensorProto}s, for every Crest dtype and both storage forms
 * ({@link TensorEncoding}). Float16 elements travel as their 16 bits (in {@code int32_data} when typed) and
 * booleans as 0/1, as the ONNX spec prescribes. A proto whose data does not match its shape and type is refused.
 */
public final class TensorProtoCodec {
    private TensorProtoCodec() {
    }

    /** Encodes {@code tensor} under {@code name} (may be empty). */
    public static TensorProto toProto(Tensor tensor, String name, TensorEncoding encoding) {
        DType dtype = tensor.dtype();
        TensorProto.Builder b = TensorProto.newBuilder().setDataType(dtype.onnxCode());
        if (name != null && !name.isEmpty()) {
            b.setName(name);
        }
        for (long d : tensor.shape().dimsAsLongs()) {
            b.addDims(d);
        }
        int n = tensor.size();
        if (encoding == TensorEncoding.RAW) {
            return b.setRawData(ByteString.copyFrom(toRawBytes(tensor))).build();
        }
        switch (dtype) {
            case FLOAT32:
                for (int i = 0; i < n; i++) {
                    b.addFloatData((float) tensor.getDouble(i));
                }
                break;
            case FLOAT64:
                for (int i = 0; i < n; i++) {
                    b.addDoubleData(tensor.getDouble(i));
                }
                break;
            case INT64:
                for (int i = 0; i < n; i++) {
                    b.addInt64Data(tensor.getLong(i));
                }
                break;
            case FLOAT16:
                for (int i = 0; i < n; i++) {
                    b.addInt32Data(Float16.toBits(tensor.getDouble(i)) & 0xffff);
                }
                break;
            default: // int8, int16, int32, uint8, bool all live in int32_data
                for (int i = 0; i < n; i++) {
                    b.addInt32Data((int) tensor.getLong(i));
                }
                break;
        }
        return b.build();
    }

    /** Packs the elements little-endian, as ONNX {@code raw_data} holds them. */
    public static byte[] toRawBytes(Tensor tensor) {
        DType dtype = tensor.dtype();
        int n = tensor.size();
        ByteBuffer buf = ByteBuffer.allocate(Math.multiplyExact(n, dtype.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            switch (dtype) {
                case FLOAT32:
                    buf.putFloat((float) tensor.getDouble(i));
                    break;
                case FLOAT64:
                    buf.putDouble(tensor.getDouble(i));
                    break;
                case FLOAT16:
                    buf.putShort(Float16.toBits(tensor.getDouble(i)));
                    break;
                case INT64:
                    buf.putLong(tensor.getLong(i));
                    break;
                case INT32:
                    buf.putInt((int) tensor.getLong(i));
                    break;
                case INT16:
                    buf.putShort((short) tensor.getLong(i));
                    break;
                default: // int8, uint8, bool: one byte each
                    buf.put((byte) tensor.getLong(i));
                    break;
            }
        }
        return buf.array();
    }

    /** Decodes little-endian {@code raw_data} bytes of the given type and shape. */
    public static Tensor fromRawBytes(DType dtype, Shape shape, byte[] bytes, String name) {
        long expected = (long) shape.size() * dtype.byteSize();
        if (bytes.length != expected) {
            throw new GraphException("tensor " + label(name) + " has " + bytes.length + " bytes of data but "
                    + dtype.displayName() + shape + " needs " + expected);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n = shape.size();
        switch (dtype) {
            case FLOAT32: {
                float[] f = new float[n];
                buf.asFloatBuffer().get(f);
                return Tensor.wrapFloat32(shape, f);
            }
            case FLOAT64: {
                double[] d = new double[n];
                buf.asDoubleBuffer().get(d);
                return Tensor.fromDoubles(dtype, shape, d);
            }
            case FLOAT16: {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = Float16.fromBits(buf.getShort());
                }
                return Tensor.fromDoubles(dtype, shape, d);
            }
            default: {
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    switch (dtype) {
                        case INT64:
                            l[i] = buf.getLong();
                            break;
                        case INT32:
                            l[i] = buf.getInt();
                            break;
                        case INT16:
                            l[i] = buf.getShort();
                            break;
                        case UINT8:
                            l[i] = buf.get() & 0xff;
                            break;
                        default: // int8, bool
                            l[i] = buf.get();
                            break;
                    }
                }
                return Tensor.fromLongs(dtype, shape, l);
            }
        }
    }

    /** Decodes a proto whose data is inline; external data fails (use the overload with an {@link ExternalData}). */
    public static Tensor fromProto(TensorProto proto) {
        return fromProto(proto, ExternalData.none());
    }

    /** Decodes a proto, loading external data through {@code external}. */
    public static Tensor fromProto(TensorProto proto, ExternalData external) {
        String name = proto.getName();
        DType dtype = dtypeOf(proto.getDataType(), "tensor " + label(name));
        Shape shape = shapeOf(proto, name);
        if (proto.hasSegment()) {
            throw new GraphException("tensor " + label(name) + " is a segment of a larger tensor, which Crest does not support");
        }
        if (proto.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            return fromRawBytes(dtype, shape, external.load(proto), name);
        }
        if (proto.hasRawData()) {
            return fromRawBytes(dtype, shape, proto.getRawData().toByteArray(), name);
        }
        int n = shape.size();
        switch (dtype) {
            case FLOAT32: {
                checkCount(name, "float_data", proto.getFloatDataCount(), dtype, shape);
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = proto.getFloatData(i);
                }
                return Tensor.wrapFloat32(shape, f);
            }
            case FLOAT64: {
                checkCount(name, "double_data", proto.getDoubleDataCount(), dtype, shape);
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = proto.getDoubleData(i);
                }
                return Tensor.fromDoubles(dtype, shape, d);
            }
            case INT64: {
                checkCount(name, "int64_data", proto.getInt64DataCount(), dtype, shape);
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    l[i] = proto.getInt64Data(i);
                }
                return Tensor.fromLongs(dtype, shape, l);
            }
            case FLOAT16: {
                checkCount(name, "int32_data", proto.getInt32DataCount(), dtype, shape);
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = Float16.fromBits((short) proto.getInt32Data(i));
                }
                return Tensor.fromDoubles(dtype, shape, d);
            }
            default: {
                checkCount(name, "int32_data", proto.getInt32DataCount(), dtype, shape);
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    l[i] = proto.getInt32Data(i);
                }
                return Tensor.fromLongs(dtype, shape, l);
            }
        }
    }

    /** The Crest dtype for an ONNX data type code, or a {@link GraphException} naming the ONNX type. */
    public static DType dtypeOf(int onnxCode, String context) {
        try {
            return DType.fromOnnxCode(onnxCode);
        } catch (TensorException e) {
            TensorProto.DataType known = TensorProto.DataType.forNumber(onnxCode);
            String typeName = known == null ? "code " + onnxCode : known.name().toLowerCase(java.util.Locale.ROOT)
                    + " (code " + onnxCode + ")";
            throw new GraphException(context + " has data type " + typeName + ", which Crest does not support", e);
        }
    }

    private static Shape shapeOf(TensorProto proto, String name) {
        long[] dims = new long[proto.getDimsCount()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = proto.getDims(i);
        }
        try {
            return Shape.of(dims);
        } catch (TensorException e) {
            throw new GraphException("tensor " + label(name) + " has invalid shape " + Arrays.toString(dims) + ": "
                    + e.getMessage(), e);
        }
    }

    private static void checkCount(String name, String field, int count, DType dtype, Shape shape) {
        if (count != shape.size()) {
            throw new GraphException("tensor " + label(name) + " has " + count + " values in " + field + " but "
                    + dtype.displayName() + shape + " needs " + shape.size());
        }
    }

    private static String label(String name) {
        return name == null || name.isEmpty() ? "(unnamed)" : "'" + name + "'";
    }
}
