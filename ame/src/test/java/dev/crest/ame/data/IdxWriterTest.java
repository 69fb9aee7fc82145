package dev.crest.ame.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxWriterTest {
    @TempDir
    Path dir;

    @Test
    void imagesAndLabelsRoundTripThroughTheLoaderPlainAndGzip() throws Exception {
        float[] pixels = new float[3 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 20) / 255f;
        }
        Tensor images = Tensor.wrapFloat32(Shape.of(3, 2, 2), pixels);
        for (String suffix : new String[] {"", ".gz"}) {
            Path imageFile = dir.resolve("images" + suffix);
            Path labelFile = dir.resolve("labels" + suffix);
            IdxWriter.writeImages(imageFile, images);
            IdxWriter.writeLabels(labelFile, new int[] {2, 0, 9});
            Dataset back = IdxLoader.load(imageFile, labelFile, 10);
            assertThat(back.features().shape()).isEqualTo(Shape.of(3, 2, 2));
            assertThat(back.features().float32Data()).containsExactly(pixels);
            assertThat(back.labels()).containsExactly(2, 0, 9);
        }
        // The header is the MNIST one: 0, 0, type 0x08, rank, then big-endian dimensions.
        byte[] raw = Files.readAllBytes(dir.resolve("images"));
        assertThat(raw).startsWith(0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2);
        assertThat(raw).hasSize(16 + 12);
    }

    @Test
    void valuesThatDoNotFitAByteAreRefused() {
        Tensor bad = Tensor.wrapFloat32(Shape.of(1, 1, 1), new float[] {1.5f});
        assertThatThrownBy(() -> IdxWriter.writeImages(dir.resolve("x"), bad)).isInstanceOf(AmeException.class);
        assertThatThrownBy(() -> IdxWriter.writeLabels(dir.resolve("y"), new int[] {256}))
                .isInstanceOf(AmeException.class);
    }
}
