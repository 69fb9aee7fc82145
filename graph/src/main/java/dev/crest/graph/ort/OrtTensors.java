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

/**
 * Converts Crest tensors to ONNX Runtime tensors and back, for every Crest dtype. Data crosses as
 * little-endian bytes in ONNX's layout (float16 as its 16 bits, bool as one 0/1 byte), which is also the layout
 * ONNX Runtime keeps in native memory on little-endian machines.
 */
public final class OrtTensors {
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
        return OnnxTensor.createTensor(env, buffer, tensor.shape().dimsAsLongs(), javaType(tensor.dtype()));
    }

    /** A Crest tensor copied out of an ONNX Runtime tensor. */
    public static Tensor fromOrt(OnnxTensor value) {
        TensorInfo info = value.getInfo();
        DType dtype = dtypeOf(info.type);
        Shape shape = Shape.of(info.getShape());
        ByteBuffer buffer = value.getByteBuffer().order(ByteOrder.nativeOrder());
        byte[] raw = new byte[buffer.remaining()];
        buffer.get(raw);
        return TensorProtoCodec.fromRawBytes(dtype, shape, raw, "output");
    }

    static OnnxJavaType javaType(DType dtype) {
        switch (dtype) {
            case FLOAT16:
                return OnnxJavaType.FLOAT16;
            case FLOAT32:
                return OnnxJavaType.FLOAT;
            case FLOAT64:
                return OnnxJavaType.DOUBLE;
            case INT8:
                return OnnxJavaType.INT8;
            case INT16:
                return OnnxJavaType.INT16;
            case INT32:
                return OnnxJavaType.INT32;
            case INT64:
                return OnnxJavaType.INT64;
            case UINT8:
                return OnnxJavaType.UINT8;
            case BOOL:
                return OnnxJavaType.BOOL;
            default:
                throw new IllegalArgumentException("no ONNX Runtime type for " + dtype);
        }
    }

    static DType dtypeOf(OnnxJavaType type) {
        for (DType d : DType.values()) {
            if (javaType(d) == type) {
                return d;
            }
        }
        throw new GraphException("ONNX Runtime returned a " + type + " tensor, which Crest does not support");
    }
}
