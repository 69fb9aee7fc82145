package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ShapeTriluKernelTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    /** Values 1..12 in a 3x4 matrix. */
    private static final Tensor M = Tensor.ofLongs(Shape.of(3, 4), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

    private static Tensor trilu(long upper, Tensor x, Long k) {
        Attributes attributes = Attributes.builder().put("upper", upper).build();
        return k == null ? REGISTRY.run1("Trilu", attributes, x)
                : REGISTRY.run1("Trilu", attributes, x, Tensor.scalar(DType.INT64, k));
    }

    @Test
    void keepsTheUpperTriangle() {
        assertThat(REGISTRY.run1("Trilu", Attributes.empty(), M).toLongArray())
                .containsExactly(1, 2, 3, 4, 0, 6, 7, 8, 0, 0, 11, 12);
        assertThat(trilu(1, M, 1L).toLongArray()).containsExactly(0, 2, 3, 4, 0, 0, 7, 8, 0, 0, 0, 12);
        assertThat(trilu(1, M, -1L).toLongArray()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 0, 10, 11, 12);
        assertThat(trilu(1, M, 4L).toLongArray()).containsOnly(0);
        assertThat(trilu(1, M, -100L).toLongArray()).containsExactly(M.toLongArray());
    }

    @Test
    void keepsTheLowerTriangle() {
        assertThat(trilu(0, M, null).toLongArray()).containsExactly(1, 0, 0, 0, 5, 6, 0, 0, 9, 10, 11, 0);
        assertThat(trilu(0, M, 1L).toLongArray()).containsExactly(1, 2, 0, 0, 5, 6, 7, 0, 9, 10, 11, 12);
        assertThat(trilu(0, M, -2L).toLongArray()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0);
        assertThat(trilu(0, M, Long.MIN_VALUE).toLongArray()).containsOnly(0);
    }

    @Test
    void appliesToEveryMatrixOfABatch() {
        Tensor x = Tensor.ofFloats(Shape.of(2, 1, 2, 2), 1, 2, 3, 4, 5, 6, 7, 8);
        Tensor y = trilu(0, x, null);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 1, 2, 2));
        assertThat(y.toFloatArray()).containsExactly(1, 0, 3, 4, 5, 0, 7, 8);
        Tensor bools = Tensor.ofBooleans(Shape.of(2, 2), true, true, true, true);
        assertThat(trilu(1, bools, null).toLongArray()).containsExactly(1, 1, 0, 1);
        assertThat(trilu(1, Tensor.zeros(DType.FLOAT32, Shape.of(0, 3)), null).shape()).isEqualTo(Shape.of(0, 3));
    }

    @Test
    void rejectsVectorsAndBadK() {
        assertThatThrownBy(() -> trilu(1, Tensor.ofFloats(Shape.of(2), 1, 2), null))
                .hasMessage("Trilu: input must have rank 2 or more, got shape [2]");
        assertThatThrownBy(() -> REGISTRY.run1("Trilu", Attributes.empty(), M, Tensor.ofLongs(Shape.of(2), 1, 2)))
                .hasMessageContaining("k must hold one value");
        assertThatThrownBy(() -> trilu(2, M, null)).hasMessageContaining("must be 0 or 1");
    }
}
