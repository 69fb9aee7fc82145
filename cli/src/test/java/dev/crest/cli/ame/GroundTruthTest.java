package dev.crest.cli.ame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {
    @TempDir
    Path dir;

    @Test
    void precisionAndRecallOfASelection() throws IOException {
        Path file = dir.resolve("truth.txt");
        Files.writeString(file, "2\n\n5\n9\n11\n");
        GroundTruth truth = GroundTruth.read(file, 12);
        assertThat(truth.size()).isEqualTo(4);
        // Selected {1, 2, 5}: two of three are true (precision 2/3), two of four true points found (recall 1/2).
        assertThat(truth.precision(new int[] {1, 2, 5})).isEqualTo(2.0 / 3.0);
        assertThat(truth.recall(new int[] {1, 2, 5})).isEqualTo(0.5);
        assertThat(truth.precision(new int[0])).isNaN();
        assertThat(truth.recall(new int[0])).isZero();
    }

    @Test
    void malformedLinesAreOneLineErrors() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "1\nx\n");
        assertThatThrownBy(() -> GroundTruth.read(file, 5)).isInstanceOf(AmeException.class)
                .hasMessageContaining("line 2");
    }
}
