package dev.crest.ame.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import dev.crest.tensor.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxLoaderTest {
    @TempDir
    Path dir;

    /** Writes an unsigned-byte IDX file: two zero bytes, type 0x08, rank, big-endian dims, data. */
    static Path writeIdx(Path file, int[] dims, int[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(0);
            out.writeByte(0x08);
            out.writeByte(dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            for (int v : data) {
                out.writeByte(v);
            }
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }

    @Test
    void readsImagesScaledToUnitRangeWithLabels() throws IOException {
        Path images = writeIdx(dir.resolve("img"), new int[] {2, 2, 2}, new int[] {0, 255, 51, 102, 0, 0, 0, 255});
        Path labels = writeIdx(dir.resolve("lbl"), new int[] {2}, new int[] {3, 1});
        Dataset data = IdxLoader.load(images, labels, 10);
        assertThat(data.features().shape().dims()).containsExactly(2, 2, 2);
        assertThat(data.features().float32Data()).containsExactly(0f, 1f, 0.2f, 0.4f, 0f, 0f, 0f, 1f);
        assertThat(data.labels()).containsExactly(3, 1);
    }

    @Test
    void countMismatchLabelRangeMissingAndMalformedFilesAreRejected() throws IOException {
        Path images = writeIdx(dir.resolve("img"), new int[] {2, 1, 1}, new int[] {0, 0});
        Path threeLabels = writeIdx(dir.resolve("lbl3"), new int[] {3}, new int[] {0, 0, 0});
        assertThatThrownBy(() -> IdxLoader.load(images, threeLabels, 0)).isInstanceOf(AmeException.class)
                .hasMessageContaining("2 images but").hasMessageContaining("3 labels");
        Path bigLabel = writeIdx(dir.resolve("lbl2"), new int[] {2}, new int[] {0, 12});
        assertThatThrownBy(() -> IdxLoader.load(images, bigLabel, 10)).isInstanceOf(AmeException.class)
                .hasMessageContaining("label 12 is out of range");
        assertThatThrownBy(() -> IdxLoader.load(dir.resolve("none"), bigLabel, 0)).isInstanceOf(AmeException.class)
                .hasMessageContaining("does not exist");
        Path garbage = dir.resolve("garbage");
        Files.write(garbage, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> IdxLoader.load(garbage, bigLabel, 0)).isInstanceOf(AmeException.class);
    }
}
