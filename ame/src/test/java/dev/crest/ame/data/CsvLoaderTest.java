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

class CsvLoaderTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("train.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsHeaderFeaturesAndLastColumnLabels() throws IOException {
        Dataset data = CsvLoader.load(write("a,b,label\n1.5,2,0\n\n-3,4e1,2\n"));
        assertThat(data.size()).isEqualTo(2);
        assertThat(data.features().shape().dims()).containsExactly(2, 2);
        assertThat(data.features().float32Data()).containsExactly(1.5f, 2f, -3f, 40f);
        assertThat(data.labels()).containsExactly(0, 2);
    }

    @Test
    void readsLabelFromChosenColumnWithoutHeader() throws IOException {
        Dataset data = CsvLoader.load(write("1,0.5,0.25\n0,7,8\n"), 0, 2);
        assertThat(data.features().float32Data()).containsExactly(0.5f, 0.25f, 7f, 8f);
        assertThat(data.labels()).containsExactly(1, 0);
    }

    @Test
    void raggedRowNamesFileAndLine() throws IOException {
        Path file = write("1,2,0\n3,0\n");
        assertThatThrownBy(() -> CsvLoader.load(file)).isInstanceOf(AmeException.class)
                .hasMessageContaining(file + " line 2").hasMessageContaining("expected 3 fields");
    }

    @Test
    void nonNumericValueNamesFileAndLine() throws IOException {
        Path file = write("x,y,label\n1,2,0\n1,abc,1\n");
        assertThatThrownBy(() -> CsvLoader.load(file)).isInstanceOf(AmeException.class)
                .hasMessageContaining(file + " line 3").hasMessageContaining("'abc'");
    }

    @Test
    void labelsOutOfRangeNegativeOrFractionalAreRejected() throws IOException {
        Path tooLarge = write("1,2,5\n");
        assertThatThrownBy(() -> CsvLoader.load(tooLarge, -1, 3)).isInstanceOf(AmeException.class)
                .hasMessageContaining("line 1").hasMessageContaining("label 5 is out of range");
        Path negative = write("1,2,-1\n");
        assertThatThrownBy(() -> CsvLoader.load(negative)).isInstanceOf(AmeException.class)
                .hasMessageContaining("out of range");
        Path fractional = write("1,2,0.5\n");
        assertThatThrownBy(() -> CsvLoader.load(fractional)).isInstanceOf(AmeException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void missingLabelColumnEmptyFileAndMissingFileAreRejected() throws IOException {
        Path file = write("1,2,0\n");
        assertThatThrownBy(() -> CsvLoader.load(file, 7, 0)).isInstanceOf(AmeException.class)
                .hasMessageContaining("label column 7");
        Path empty = write("a,b\n");
        assertThatThrownBy(() -> CsvLoader.load(empty)).isInstanceOf(AmeException.class)
                .hasMessageContaining("no data rows");
        assertThatThrownBy(() -> CsvLoader.load(dir.resolve("absent.csv"))).isInstanceOf(AmeException.class)
                .hasMessageContaining("cannot read");
    }
}
