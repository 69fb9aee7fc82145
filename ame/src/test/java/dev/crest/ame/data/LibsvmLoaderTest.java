package dev.crest.ame.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import dev.crest.tensor.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibsvmLoaderTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("train.svm");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsSparseRowsWithOneBasedIndicesAndComments() throws IOException {
        Dataset data = LibsvmLoader.load(write("# comment\n2 1:0.5 3:2\n0 2:-1 # tail\n\n1\n"));
        assertThat(data.features().shape().dims()).containsExactly(3, 3);
        assertThat(data.features().float32Data()).containsExactly(0.5f, 0f, 2f, 0f, -1f, 0f, 0f, 0f, 0f);
        assertThat(data.labels()).containsExactly(2, 0, 1);
    }

    @Test
    void plusMinusOneLabelsBecomeClassesZeroAndOne() throws IOException {
        Dataset data = LibsvmLoader.load(write("+1 1:1\n-1 1:2\n"), 4, 0);
        assertThat(data.features().shape().dims()).containsExactly(2, 4);
        assertThat(data.labels()).containsExactly(1, 0);
    }

    @Test
    void badLinesNameFileAndLine() throws IOException {
        Path zeroIndex = write("0 1:1\n1 0:3\n");
        assertThatThrownBy(() -> LibsvmLoader.load(zeroIndex)).isInstanceOf(AmeException.class)
                .hasMessageContaining(zeroIndex + " line 2").hasMessageContaining("start at 1");
        Path noColon = write("0 5\n");
        assertThatThrownBy(() -> LibsvmLoader.load(noColon)).isInstanceOf(AmeException.class)
                .hasMessageContaining("line 1").hasMessageContaining("index:value");
        Path badValue = write("0 1:x\n");
        assertThatThrownBy(() -> LibsvmLoader.load(badValue)).isInstanceOf(AmeException.class)
                .hasMessageContaining("not a number");
        Path badIndex = write("0 a:1\n");
        assertThatThrownBy(() -> LibsvmLoader.load(badIndex)).isInstanceOf(AmeException.class)
                .hasMessageContaining("not a whole number");
        Path wide = write("0 9:1\n");
        assertThatThrownBy(() -> LibsvmLoader.load(wide, 4, 0)).isInstanceOf(AmeException.class)
                .hasMessageContaining("exceeds the 4 features");
        Path badLabel = write("0 1:1\n7 1:1\n");
        assertThatThrownBy(() -> LibsvmLoader.load(badLabel, 0, 3)).isInstanceOf(AmeException.class)
                .hasMessageContaining("line 2").hasMessageContaining("label 7 is out of range");
        Path empty = write("# nothing\n");
        assertThatThrownBy(() -> LibsvmLoader.load(empty)).isInstanceOf(AmeException.class)
                .hasMessageContaining("no data lines");
    }
}
