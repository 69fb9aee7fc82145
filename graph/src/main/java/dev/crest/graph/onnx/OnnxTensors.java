package dev.crest.graph.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.crest.graph.GraphException;
import dev.crest.tensor.Tensor;
import java.nio.file.Path;

/**
 * Reads and writes single tensors as serialized ONNX {@code TensorProto} files ({@code .pb}), the format of
 * ONNX test data sets.
 */
public final class OnnxTensors {
    private OnnxTensors() {
    }

    /** A tensor read from a {@code .pb} file, with the name stored in it (may be empty). */
    public record NamedTensor(String name, Tensor tensor) {
    }

    /** Reads a tensor file; external data is resolved against the file's folder. */
    public static NamedTensor read(Path file) {
        byte[] bytes = AtomicFiles.read(file, "tensor file");
        try {
            TensorProto proto = parseProto(bytes);
            return new NamedTensor(proto.getName(),
                    TensorProtoCodec.fromProto(proto, ExternalData.in(file.toAbsolutePath().getParent())));
        } catch (GraphException e) {
            throw new GraphException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses tensor bytes. */
    public static NamedTensor parse(byte[] bytes) {
        TensorProto proto = parseProto(bytes);
        return new NamedTensor(proto.getName(), TensorProtoCodec.fromProto(proto));
    }

    /** Serializes a tensor under {@code name} (may be empty) as {@code raw_data}. */
    public static byte[] toBytes(Tensor tensor, String name) {
        return TensorProtoCodec.toProto(tensor, name, TensorEncoding.RAW).toByteArray();
    }

    /** Writes a tensor file atomically. */
    public static void write(Tensor tensor, String name, Path file) {
        AtomicFiles.write(file, toBytes(tensor, name));
    }

    private static TensorProto parseProto(byte[] bytes) {
        try {
            TensorProto proto = TensorProto.parseFrom(bytes);
            if (!proto.hasDataType()) {
                throw new GraphException("not an ONNX tensor: it has no data type");
            }
            return proto;
        } catch (InvalidProtocolBufferException e) {
            throw new GraphException("not a valid ONNX tensor (truncated or corrupt): " + AtomicFiles.describe(e), e);
        }
    }
}
