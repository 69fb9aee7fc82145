package dev.crest.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShapeTest {
    @Test
    void sizeRankAndStrides() {
        Shape s = Shape.of(2, 3, 4);
        assertThat(s.rank()).isEqualTo(3);
        assertThat(s.size()).isEqualTo(24);
        assertThat(s.strides()).containsExactly(12, 4, 1);
        assertThat(s.dim(0)).isEqualTo(2);
        assertThat(s.dim(-1)).isEqualTo(4);
        assertThat(s.dimsAsLongs()).containsExactly(2L, 3L, 4L);
        assertThat(s).hasToString("[2, 3, 4]");
    }

    @Test
    void scalarAndEmptyShapes() {
        assertThat(Shape.scalar().rank()).isZero();
        assertThat(Shape.scalar().size()).isEqualTo(1);
        assertThat(Shape.of()).isSameAs(Shape.scalar());
        assertThat(Shape.scalar()).hasToString("[]");
        assertThat(Shape.of(3, 0, 2).size()).isZero();
        assertThat(Shape.of(3, 0, 2).strides()).containsExactly(0, 2, 1);
    }

    @Test
    void dimsAreCopiedBothWays() {
        int[] dims = {2, 3};
        Shape s = Shape.of(dims);
        dims[0] = 9;
        assertThat(s.dim(0)).isEqualTo(2);
        s.dims()[1] = 9;
        assertThat(s.dim(1)).isEqualTo(3);
    }

    @Test
    void equalityByDimensions() {
        assertThat(Shape.of(2, 3)).isEqualTo(Shape.of(2L, 3L)).hasSameHashCodeAs(Shape.of(2, 3));
        assertThat(Shape.of(2, 3)).isNotEqualTo(Shape.of(3, 2));
        assertThat(Shape.of(1)).isNotEqualTo(Shape.scalar());
    }

    @Test
    void normalizeAxis() {
        Shape s = Shape.of(2, 3, 4);
        assertThat(s.normalizeAxis(-1)).isEqualTo(2);
        assertThat(s.normalizeAxis(-3)).isZero();
        assertThat(s.normalizeAxis(2)).isEqualTo(2);
        assertThatThrownBy(() -> s.normalizeAxis(3))
                .isInstanceOf(TensorException.class)
                .hasMessage("axis 3 is out of range for rank 3");
        assertThatThrownBy(() -> s.normalizeAxis(-4)).isInstanceOf(TensorException.class);
        assertThatThrownBy(() -> Shape.scalar().normalizeAxis(0)).isInstanceOf(TensorException.class);
    }

    @Test
    void invalidShapesAreUserErrors() {
        assertThatThrownBy(() -> Shape.of(2, -1))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("negative dimension");
        assertThatThrownBy(() -> Shape.of(1, 1, 1, 1, 1, 1, 1, 1, 1))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("exceeds the maximum rank 8");
        assertThatThrownBy(() -> Shape.of(65536, 65536))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("more than 2^31-1 elements");
        assertThatThrownBy(() -> Shape.of(1L << 31))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> Shape.of(-2L)).isInstanceOf(TensorException.class);
        assertThat(Shape.of(1, 1, 1, 1, 1, 1, 1, 1).rank()).isEqualTo(Shape.MAX_RANK);
    }
}
