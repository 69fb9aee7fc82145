package dev.crest.ame.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.ame.AmeException;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.data.Dataset;
import org.junit.jupiter.api.Test;

class QueriesTest {
    private final Dataset source = new Dataset(Tensor.ofFloats(Shape.of(3, 1), 10f, 11f, 12f), new int[] {0, 1, 2});

    @Test
    void selectsRowsWithTheirLabels() {
        Queries queries = Queries.rows(source, Queries.parseIndices("2, 0"));
        assertThat(queries.examples().features().float32Data()).containsExactly(12f, 10f);
        assertThat(queries.examples().labels()).containsExactly(2, 0);
        assertThat(queries.describe()).isEqualTo("2,0");
        assertThat(Queries.parseIndices("0-2,5")).containsExactly(0, 1, 2, 5);
    }

    @Test
    void badListsAndOutOfRangeRowsAreUserErrors() {
        assertThatThrownBy(() -> Queries.rows(source, new int[] {3})).isInstanceOf(AmeException.class)
                .hasMessageContaining("query index 3 is out of range");
        assertThatThrownBy(() -> Queries.parseIndices("1,x")).isInstanceOf(AmeException.class)
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> Queries.parseIndices("5-2")).isInstanceOf(AmeException.class)
                .hasMessageContaining("ends before");
        assertThatThrownBy(() -> Queries.parseIndices(" ")).isInstanceOf(AmeException.class);
        assertThatThrownBy(() -> Queries.parseIndices("0-2000000000")).isInstanceOf(AmeException.class)
                .hasMessageContaining("more than " + Queries.MAX_QUERIES + " rows");
    }
}
