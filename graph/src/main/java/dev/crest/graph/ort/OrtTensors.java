package dev.crest.graph.ort;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import dev.crest.graph.GraphException;
import dev.crest.graph.onnx.TensorProtoCodec;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.Map;

/**
 * Converts Crest tensors to ONNX Runtime tensors and back, for every Crest dtype. Data crosses as
 * little-endian bytes in ONNX's layout (float16 as its 16 bits, bool as one 0/1 byte), which is also the layout
 * ONNX Runtime keeps in native memory on little-endian machines.
 */
public final class OrtTensors {
    private static final Map<DType, String> JAVA_TYPE_NAMES = javaTypeNames();
    private static final Map<DType, OnnxJavaType> JAVA_TYPES = javaTypes();

    private OrtTensors() {
    }

    /** An ONNX Runtime tensor holding a copy of {@code tensor}; the caller closes it. */
    public static OnnxTensor toOrt(OrtEnvironment env, Tensor tensor) throws OrtException {
        byte[] raw = TensorProtoCodec.toRawBytes(tensor);
        ByteBuffer buffer = ByteBuffer.allocateDirect(raw.length).order(ByteOrder.nativeOrder());
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new GraphException("ONNX Runtime tensors need a little-endian machine");
        }
        buffer.put(raw).rewind();
        long[] shape = tensor.shape().dimsAsLongs();
        // Releases before 1.14 count a ByteBuffer's bytes as elements whatever the type, so multi-byte types go
        // through views of their own width, which every release reads correctly.
        switch (tensor.dtype()) {
            case FLOAT32:
                return OnnxTensor.createTensor(env, buffer.asFloatBuffer(), shape);
            case FLOAT64:
                return OnnxTensor.createTensor(env, buffer.asDoubleBuffer(), shape);
            case INT16:
                return OnnxTensor.createTensor(env, buffer.asShortBuffer(), shape);
            case INT32:
                return OnnxTensor.createTensor(env, buffer.asIntBuffer(), shape);
            case INT64:
                return OnnxTensor.createTensor(env, buffer.asLongBuffer(), shape);
            default:
                return OnnxTensor.createTensor(env, buffer, shape, javaType(tensor.dtype()));
        }
    }

    /** A Crest tensor copied out of an ONNX Runtime tensor. */
    public static Tensor fromOrt(OnnxTensor value) {
        TensorInfo info = value.getInfo();
        DType dtype = dtypeOf(info);
        Shape shape = Shape.of(info.getShape());
        ByteBuffer buffer = value.getByteBuffer().order(ByteOrder.nativeOrder());
        byte[] raw = new byte[buffer.remaining()];
        buffer.get(raw);
        return TensorProtoCodec.fromRawBytes(dtype, shape, raw, "output");
    }

    static OnnxJavaType javaType(DType dtype) {
        OnnxJavaType type = JAVA_TYPES.get(dtype);
        if (type == null) {
            throw new GraphException("this ONNX Runtime's Java API (" + OrtRunner.version() + ") cannot create "
                    + dtype + " tensors; a later release can");
        }
        return type;
    }

    /**
     * The dtype of an ONNX Runtime tensor, read from its ONNX element type: older releases report float16 outputs
     * with a Java type that is not float16, while the element type's name is the same in every release.
     */
    static DType dtypeOf(TensorInfo info) {
        String prefix = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";
        String element = info.onnxType.name().startsWith(prefix) ? info.onnxType.name().substring(prefix.length()) : "";
        for (Map.Entry<DType, String> e : JAVA_TYPE_NAMES.entrySet()) {
            String onnxName = e.getKey() == DType.FLOAT32 ? "FLOAT" : e.getValue();
            if (onnxName.equals(element)) {
                return e.getKey();
            }
        }
        throw new GraphException("ONNX Runtime returned a " + info.onnxType + " tensor, which Crest does not support");
    }

    /**
     * Crest dtypes to ONNX Runtime Java types, looked up by name because ONNX Runtime's Java API gained types over
     * time (FLOAT16 came in 1.16): a worker running an older release must still load this class.
     */
    private static Map<DType, String> javaTypeNames() {
        Map<DType, String> names = new EnumMap<>(DType.class);
        names.put(DType.FLOAT16, "FLOAT16");
        names.put(DType.FLOAT32, "FLOAT");
        names.put(DType.FLOAT64, "DOUBLE");
        names.put(DType.INT8, "INT8");
        names.put(DType.INT16, "INT16");
        names.put(DType.INT32, "INT32");
        names.put(DType.INT64, "INT64");
        names.put(DType.UINT8, "UINT8");
        names.put(DType.BOOL, "BOOL");
        return names;
    }

    private static Map<DType, OnnxJavaType> javaTypes() {
        Map<DType, OnnxJavaType> types = new EnumMap<>(DType.class);
        for (Map.Entry<DType, String> e : JAVA_TYPE_NAMES.entrySet()) {
            for (OnnxJavaType type : OnnxJavaType.values()) {
                if (type.name().equals(e.getValue())) {
                    types.put(e.getKey(), type);
                }
            }
        }
        return types;
    }
}
