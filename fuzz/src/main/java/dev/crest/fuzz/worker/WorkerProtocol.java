package dev.crest.fuzz.worker;

import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.backend.Stage;
import dev.crest.graph.onnx.OnnxTensors;
import dev.crest.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages between the campaign and its worker process: length-prefixed frames (a magic number, the length,
 * then the payload) whose payload starts with a message type. Models travel as ONNX bytes and tensors as ONNX
 * {@code TensorProto} bytes, so the wire format is the file format.
 */
final class WorkerProtocol {
    /** Marks every frame, so stray bytes on the channel are detected instead of misread. */
    static final int MAGIC = 0x43525354;
    /** Frames larger than this are treated as a corrupted channel. */
    static final int MAX_FRAME = 1 << 30;

    // Requests (campaign → worker).
    static final byte RUN = 1;
    static final byte VERSION = 2;
    // Replies (worker → campaign).
    static final byte STAGE = 10;
    static final byte OUTCOME = 11;
    static final byte VERSION_REPLY = 12;
    static final byte REQUEST_FAILED = 13;

    private WorkerProtocol() {
    }

    /** A run request as the worker decodes it. */
    record RunRequest(String backend, byte[] modelBytes, Map<String, Tensor> inputs) {
    }

    static void writeFrame(DataOutputStream out, byte[] payload) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /** The next frame's payload, or null at a clean end of stream. */
    static byte[] readFrame(DataInputStream in) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (magic != MAGIC) {
            throw new IOException(String.format("corrupted worker channel: expected frame marker %08x, read %08x",
                    MAGIC, magic));
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("corrupted worker channel: frame length " + length);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    static byte[] runRequest(String backend, byte[] modelBytes, Map<String, Tensor> inputs) {
        return encode(RUN, out -> {
            writeString(out, backend);
            writeBytes(out, modelBytes);
            writeTensors(out, inputs);
        });
    }

    static RunRequest decodeRun(DataInputStream in) throws IOException {
        return new RunRequest(readString(in), readBytes(in), readTensors(in));
    }

    static byte[] versionRequest(String backend) {
        return encode(VERSION, out -> writeString(out, backend));
    }

    static byte[] stage(Stage stage) {
        return encode(STAGE, out -> out.writeByte(stage.ordinal()));
    }

    static byte[] versionReply(String version) {
        return encode(VERSION_REPLY, out -> writeString(out, version));
    }

    static byte[] requestFailed(String message) {
        return encode(REQUEST_FAILED, out -> writeString(out, message));
    }

    static byte[] outcome(RunOutcome outcome) {
        return encode(OUTCOME, out -> {
            writeString(out, outcome.backend());
            writeString(out, outcome.version());
            out.writeByte(outcome.status().ordinal());
            out.writeByte(outcome.stage().ordinal());
            writeString(out, outcome.message());
            writeString(out, outcome.errorLog());
            writeTensors(out, outcome.outputs());
        });
    }

    static RunOutcome decodeOutcome(DataInputStream in) throws IOException {
        String backend = readString(in);
        String version = readString(in);
        RunOutcome.Status status = RunOutcome.Status.values()[in.readUnsignedByte()];
        Stage stage = readStage(in);
        String message = readString(in);
        String errorLog = readString(in);
        Map<String, Tensor> outputs = readTensors(in);
        return new RunOutcome(backend, version, status, stage, outputs, message, errorLog);
    }

    static Stage readStage(DataInputStream in) throws IOException {
        return Stage.values()[in.readUnsignedByte()];
    }

    static DataInputStream payload(byte[] frame) {
        return new DataInputStream(new ByteArrayInputStream(frame));
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] encode(byte type, Body body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(type);
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("corrupted worker message: field length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static void writeTensors(DataOutputStream out, Map<String, Tensor> tensors) throws IOException {
        out.writeInt(tensors.size());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            writeBytes(out, OnnxTensors.toBytes(e.getValue(), e.getKey()));
        }
    }

    private static Map<String, Tensor> readTensors(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            OnnxTensors.NamedTensor t = OnnxTensors.parse(readBytes(in));
            tensors.put(t.name(), t.tensor());
        }
        return tensors;
    }
}
