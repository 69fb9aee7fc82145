package dev.crest.graph.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.crest.graph.GraphException;
import dev.crest.graph.Model;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and writes ONNX model files ({@code .onnx}). Reading resolves external tensor data against the model's
 * folder (see {@link ExternalData}); writing is atomic. A missing, truncated or non-ONNX file fails with a
 * one-line {@link GraphException}.
 */
public final class OnnxModels {
    private OnnxModels() {
    }

    /** Reads a model file. */
    public static Model read(Path file) {
        byte[] bytes = AtomicFiles.read(file, "model file");
        Path folder = file.toAbsolutePath().getParent();
        try {
            return ModelProtoCodec.fromProto(parseProto(bytes), ExternalData.in(folder));
        } catch (GraphException e) {
            throw new GraphException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses model bytes; a model that keeps tensor data in external files cannot be read this way. */
    public static Model parse(byte[] bytes) {
        return ModelProtoCodec.fromProto(parseProto(bytes), ExternalData.none());
    }

    /** The model's ONNX bytes, initializers stored as {@code raw_data}. */
    public static byte[] toBytes(Model model) {
        return ModelProtoCodec.toProto(model).toByteArray();
    }

    /** Writes the model to {@code file} atomically. */
    public static void write(Model model, Path file) {
        AtomicFiles.write(file, toBytes(model));
    }

    /** Parses a {@code ModelProto}, turning protobuf's errors into a message about the file. */
    public static ModelProto parseProto(byte[] bytes) {
        if (bytes.length == 0) {
            throw new GraphException("not an ONNX model: the file is empty");
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setRecursionLimit(200);
            return ModelProto.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            throw new GraphException("not a valid ONNX model (truncated or corrupt): " + AtomicFiles.describe(e), e);
        } catch (IOException e) {
            throw new GraphException("cannot parse ONNX model: " + AtomicFiles.describe(e), e);
        }
    }
}
