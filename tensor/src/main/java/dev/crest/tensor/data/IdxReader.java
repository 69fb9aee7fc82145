package dev.crest.tensor.data;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads unsigned-byte IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed (detected
 * from the file's first bytes). Images come back as float32 scaled to [0, 1], labels as ints.
 *
 * <p>Format (Y. LeCun, "THE MNIST DATABASE"): two zero bytes, a type byte (0x08 = unsigned byte, the only type
 * read here), a rank byte, then one big-endian int32 per dimension, then the row-major data.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /**
     * Reads an IDX file of rank ≥ 2 (e.g. {@code [n, 28, 28]}) as a float32 tensor of the same shape, each
     * byte divided by 255.
     */
    public static Tensor readImages(Path file) {
        RawIdx raw = read(file);
        if (raw.dims.length < 2) {
            throw new TensorException("IDX file " + file + " has rank " + raw.dims.length
                    + " but images need rank 2 or more (is it a labels file?)");
        }
        float[] values = new float[raw.data.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (raw.data[i] & 0xff) / 255f;
        }
        return Tensor.wrapFloat32(Shape.of(raw.dims), values);
    }

    /** Reads a rank-1 IDX file of labels. */
    public static int[] readLabels(Path file) {
        RawIdx raw = read(file);
        if (raw.dims.length != 1) {
            throw new TensorException("IDX file " + file + " has rank " + raw.dims.length
                    + " but labels need rank 1 (is it an images file?)");
        }
        int[] labels = new int[raw.data.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = raw.data[i] & 0xff;
        }
        return labels;
    }

    private static final class RawIdx {
        final int[] dims;
        final byte[] data;

        RawIdx(int[] dims, byte[] data) {
            this.dims = dims;
            this.data = data;
        }
    }

    private static RawIdx read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TensorException("IDX file not found: " + file);
        }
        try (InputStream in = open(file); DataInputStream data = new DataInputStream(in)) {
            int zero0 = data.readUnsignedByte();
            int zero1 = data.readUnsignedByte();
            int type = data.readUnsignedByte();
            int rank = data.readUnsignedByte();
            if (zero0 != 0 || zero1 != 0) {
                throw new TensorException("not an IDX file (bad magic number): " + file);
            }
            if (type != UNSIGNED_BYTE) {
                throw new TensorException(String.format(
                        "IDX file %s has element type 0x%02x; only unsigned byte (0x08) is supported", file, type));
            }
            if (rank == 0 || rank > Shape.MAX_RANK) {
                throw new TensorException("IDX file " + file + " has unsupported rank " + rank);
            }
            int[] dims = new int[rank];
            long count = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = data.readInt();
                if (dims[i] < 0) {
                    throw new TensorException("IDX file " + file + " has a negative dimension " + dims[i]);
                }
                count *= dims[i];
                if (count > Integer.MAX_VALUE - 16) {
                    throw new TensorException("IDX file " + file + " is too large (more than 2^31 elements)");
                }
            }
            byte[] bytes = new byte[(int) count];
            data.readFully(bytes);
            if (data.read() != -1) {
                throw new TensorException("IDX file " + file + " has trailing data after " + count
                        + " elements; its header does not match its size");
            }
            return new RawIdx(dims, bytes);
        } catch (EOFException e) {
            throw new TensorException("IDX file " + file + " is truncated (it ends before the data its header"
                    + " announces)", e);
        } catch (IOException e) {
            throw new TensorException("cannot read IDX file " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        // 0x1f 0x8b is the gzip magic number; an IDX file always starts with 0x00 0x00.
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }
}
