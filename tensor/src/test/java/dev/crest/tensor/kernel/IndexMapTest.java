package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import org.junit.jupiter.api.Test;

class IndexMapTest {
    @Test
    void composesTablesInRowMajorOrder() {
        int[][] tables = {{0, 10}, {5}, {0, 1, 2}};
        assertThat(IndexMap.compose(tables)).containsExactly(5, 6, 7, 15, 16, 17);
    }

    @Test
    void fillOnAnyAxisFillsTheElement() {
        int[][] tables = {{IndexMap.FILL, 3}, {0, IndexMap.FILL}};
        assertThat(IndexMap.compose(tables)).containsExactly(IndexMap.FILL, IndexMap.FILL, 3, IndexMap.FILL);
        int[][] constantAxis = {{IndexMap.FILL}, {0, 1}};
        assertThat(IndexMap.compose(constantAxis)).containsExactly(IndexMap.FILL, IndexMap.FILL);
    }

    @Test
    void handlesScalarAndEmptyCompositions() {
        assertThat(IndexMap.compose(new int[0][])).containsExactly(0);
        assertThat(IndexMap.compose(new int[][] {{4}})).containsExactly(4);
        assertThat(IndexMap.compose(new int[][] {{0, 1}, {}})).isEmpty();
    }

    @Test
    void takeCopiesEachStorageKindExactlyAndWritesTheFill() {
        int[] map = {2, IndexMap.FILL, 0};
        Tensor floats = Tensor.ofFloats(Shape.of(3), 1.5f, 2.5f, 3.5f);
        assertThat(IndexMap.take(floats, Shape.of(3), map, Tensor.scalar(DType.FLOAT32, 9)).toFloatArray())
                .containsExactly(3.5f, 9f, 1.5f);
        Tensor doubles = Tensor.ofDoubles(Shape.of(3), 0.1, 0.2, 0.3);
        assertThat(IndexMap.take(doubles, Shape.of(3), map).toDoubleArray()).containsExactly(0.3, 0.0, 0.1);
        Tensor longs = Tensor.ofLongs(Shape.of(3), Long.MIN_VALUE, 0, Long.MAX_VALUE);
        assertThat(IndexMap.take(longs, Shape.of(3), map, Tensor.scalar(DType.INT64, -1)).toLongArray())
                .containsExactly(Long.MAX_VALUE, -1, Long.MIN_VALUE);
    }
}
