package dev.crest.ame.data;

import dev.crest.ame.AmeException;
import dev.crest.tensor.Tensor;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes unsigned-byte IDX files (the MNIST format {@link IdxLoader} reads): images in [0, 1] are stored as
 * bytes {@code round(255·x)}, labels as bytes. A name ending in {@code .gz} is gzip-compressed. Each file is
 * written through {@link AtomicFile}, so a reader never sees half a file.
 */
public final class IdxWriter {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxWriter() {
    }

    /** Writes images shaped {@code [n, h, w]} (or any shape) with pixel values in [0, 1]. */
    public static void writeImages(Path file, Tensor images) {
        float[] values = images.float32Data();
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!(v >= 0 && v <= 1)) {
                throw new AmeException("pixel " + i + " has value " + v + "; IDX images need values in [0, 1]");
            }
            bytes[i] = (byte) Math.round(v * 255f);
        }
        write(file, images.shape().dims(), bytes);
    }

    /** Writes labels, each in 0..255. */
    public static void writeLabels(Path file, int[] labels) {
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new AmeException("label " + labels[i] + " at " + i + " does not fit an unsigned-byte IDX file");
            }
            bytes[i] = (byte) labels[i];
        }
        write(file, new int[] {labels.length}, bytes);
    }

    private static void write(Path file, int[] dims, byte[] data) {
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        AtomicFile.write(file, stream -> {
            OutputStream raw = new BufferedOutputStream(stream, 1 << 16);
            try (DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(raw, 1 << 16) : raw)) {
                out.writeShort(0);
                out.writeByte(UNSIGNED_BYTE);
                out.writeByte(dims.length);
                for (int d : dims) {
                    out.writeInt(d);
                }
                out.write(data);
            }
        });
    }
}
