package dev.crest.tensor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private static final byte[] PIXELS = {0, (byte) 255, (byte) 128, 51, 1, (byte) 254, 10, 20, 30, 40, 50, 60};

    @Test
    void readsPlainAndGzipImagesScaledToUnitInterval() throws IOException {
        byte[] file = IdxFiles.idx(new int[] {2, 2, 3}, PIXELS);
        for (boolean gzip : new boolean[] {false, true}) {
            Tensor images = IdxReader.readImages(IdxFiles.write(dir.resolve("img" + gzip), file, gzip));
            assertThat(images.dtype()).isEqualTo(DType.FLOAT32);
            assertThat(images.shape()).isEqualTo(Shape.of(2, 2, 3));
            float[] values = images.float32Data();
            for (int i = 0; i < PIXELS.length; i++) {
                assertThat(values[i]).isEqualTo((PIXELS[i] & 0xff) / 255f);
            }
            assertThat(values[0]).isZero();
            assertThat(values[1]).isEqualTo(1f);
        }
    }

    @Test
    void readsLabelsAsUnsignedInts() throws IOException {
        byte[] labels = {3, 0, 9, (byte) 200};
        Path file = IdxFiles.write(dir.resolve("labels.gz"), IdxFiles.idx(new int[] {4}, labels), true);
        assertThat(IdxReader.readLabels(file)).containsExactly(3, 0, 9, 200);
    }

    @Test
    void truncatedDataIsReportedAsTruncated() throws IOException {
        byte[] full = IdxFiles.idx(new int[] {2, 2, 3}, PIXELS);
        byte[] cut = Arrays.copyOf(full, full.length - 5);
        for (boolean gzip : new boolean[] {false, true}) {
            Path file = IdxFiles.write(dir.resolve("cut" + gzip), cut, gzip);
            assertThatThrownBy(() -> IdxReader.readImages(file))
                    .isInstanceOf(TensorException.class).hasMessageContaining("truncated");
        }
    }

    @Test
    void truncatedGzipStreamIsReported() throws IOException {
        Path whole = IdxFiles.write(dir.resolve("whole.gz"), IdxFiles.idx(new int[] {2, 2, 3}, PIXELS), true);
        byte[] compressed = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(compressed, compressed.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(cut)).isInstanceOf(TensorException.class);
    }

    @Test
    void truncatedHeaderIsReported() throws IOException {
        Path file = IdxFiles.write(dir.resolve("header"), new byte[] {0, 0, 8, 3, 0, 0}, false);
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(TensorException.class).hasMessageContaining("truncated");
    }

    @Test
    void badMagicTypeRankAndTrailingBytesAreRejected() throws IOException {
        byte[] good = IdxFiles.idx(new int[] {4}, new byte[] {1, 2, 3, 4});
        byte[] badMagic = good.clone();
        badMagic[0] = 7;
        byte[] badType = good.clone();
        badType[2] = 0x0D;
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> IdxReader.readLabels(IdxFiles.write(dir.resolve("m"), badMagic, false)))
                .isInstanceOf(TensorException.class).hasMessageContaining("magic");
        assertThatThrownBy(() -> IdxReader.readLabels(IdxFiles.write(dir.resolve("t"), badType, false)))
                .isInstanceOf(TensorException.class).hasMessageContaining("0x0d");
        assertThatThrownBy(() -> IdxReader.readLabels(IdxFiles.write(dir.resolve("x"), trailing, false)))
                .isInstanceOf(TensorException.class).hasMessageContaining("trailing");
        Path labels = IdxFiles.write(dir.resolve("l"), good, false);
        assertThatThrownBy(() -> IdxReader.readImages(labels))
                .isInstanceOf(TensorException.class).hasMessageContaining("rank 1");
        assertThatThrownBy(() -> IdxReader.readLabels(dir.resolve("missing")))
                .isInstanceOf(TensorException.class).hasMessageContaining("not found");
    }

    @Test
    void readsFashionMnistWhenInstalled() {
        assumeTrue(FashionMnist.isAvailable(FashionMnist.DEBIAN_DIRECTORY),
                "Fashion-MNIST not installed (Debian package dataset-fashion-mnist)");
        Dataset test = FashionMnist.test(FashionMnist.DEBIAN_DIRECTORY);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(test.exampleShape()).isEqualTo(Shape.of(28, 28));
        assertThat(test.classCount()).isEqualTo(10);
        int[] counts = new int[10];
        for (int label : test.labels()) {
            counts[label]++;
        }
        // The Fashion-MNIST test split is balanced: 1,000 images per class.
        assertThat(counts).containsOnly(1000);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : test.features().float32Data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isZero();
        assertThat(max).isEqualTo(1f);
    }
}
