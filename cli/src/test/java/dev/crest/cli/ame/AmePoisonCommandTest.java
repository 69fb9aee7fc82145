package dev.crest.cli.ame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.ame.data.IdxLoader;
import dev.crest.ame.data.IdxWriter;
import dev.crest.cli.CliRunner;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmePoisonCommandTest {
    private static final int IMAGES = 8;
    private static final int SIDE = 6;

    @TempDir
    Path dir;

    private Dataset writeClean() {
        float[] pixels = new float[IMAGES * SIDE * SIDE];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 7) * 10 / 255f;
        }
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1};
        IdxWriter.writeImages(dir.resolve("images.gz"), Tensor.wrapFloat32(Shape.of(IMAGES, SIDE, SIDE), pixels));
        IdxWriter.writeLabels(dir.resolve("labels.gz"), labels);
        return IdxLoader.load(dir.resolve("images.gz"), dir.resolve("labels.gz"), 0);
    }

    @Test
    void poisonsTheChosenImagesAndWritesTheGroundTruth() throws IOException {
        Dataset clean = writeClean();
        Path out = dir.resolve("out");
        CliRunner.Result result = CliRunner.run("ame", "poison", "--train-images", dir.resolve("images.gz").toString(),
                "--train-labels", dir.resolve("labels.gz").toString(), "--count", "3", "--target", "1", "--patch", "2",
                "--seed", "5", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();

        List<Integer> truth = Files.readAllLines(out.resolve("ground-truth.txt")).stream()
                .map(Integer::parseInt).toList();
        assertThat(truth).hasSize(3).isSorted().doesNotHaveDuplicates();
        Dataset poisoned = IdxLoader.load(out.resolve(AmePoisonCommand.IMAGES),
                out.resolve(AmePoisonCommand.LABELS), 0);
        float[] before = clean.features().float32Data();
        float[] after = poisoned.features().float32Data();
        for (int n = 0; n < IMAGES; n++) {
            boolean chosen = truth.contains(n);
            if (chosen) {
                assertThat(clean.label(n)).isNotEqualTo(1);
            }
            assertThat(poisoned.label(n)).isEqualTo(chosen ? 1 : clean.label(n));
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int k = n * SIDE * SIDE + y * SIDE + x;
                    boolean inPatch = chosen && y >= SIDE - 2 && x >= SIDE - 2;
                    assertThat(after[k]).isEqualTo(inPatch ? 1f : before[k]);
                }
            }
        }
    }

    @Test
    void askingForMorePoisonThanCandidatesIsAOneLineError() {
        writeClean();
        CliRunner.Result result = CliRunner.run("ame", "poison", "--train-images", dir.resolve("images.gz").toString(),
                "--train-labels", dir.resolve("labels.gz").toString(), "--count", "7", "--target", "1",
                "--out", dir.resolve("out").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("cannot poison 7 images");
    }

    @Test
    void limitKeepsTheFirstImagesAndTheTestSetIsStampedWithLabelsKept() {
        Dataset clean = writeClean();
        Path out = dir.resolve("out");
        CliRunner.Result result = CliRunner.run("ame", "poison", "--train-images", dir.resolve("images.gz").toString(),
                "--train-labels", dir.resolve("labels.gz").toString(), "--limit", "5", "--count", "1",
                "--target", "0", "--patch", "2", "--test-images", dir.resolve("images.gz").toString(),
                "--test-labels", dir.resolve("labels.gz").toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();

        Dataset poisoned = IdxLoader.load(out.resolve(AmePoisonCommand.IMAGES),
                out.resolve(AmePoisonCommand.LABELS), 0);
        assertThat(poisoned.size()).isEqualTo(5);
        Dataset triggered = IdxLoader.load(out.resolve(AmePoisonCommand.TRIGGERED_IMAGES),
                out.resolve(AmePoisonCommand.TRIGGERED_LABELS), 0);
        assertThat(triggered.labels()).containsExactly(clean.labels());
        float[] before = clean.features().float32Data();
        float[] after = triggered.features().float32Data();
        for (int n = 0; n < IMAGES; n++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int k = n * SIDE * SIDE + y * SIDE + x;
                    boolean inPatch = y >= SIDE - 2 && x >= SIDE - 2;
                    assertThat(after[k]).isEqualTo(inPatch ? 1f : before[k]);
                }
            }
        }
    }
}
