package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ShapeConcatKernelTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor concat(long axis, Tensor... inputs) {
        return REGISTRY.run1("Concat", Attributes.builder().put("axis", axis).build(), inputs);
    }

    private static final Tensor A = Tensor.ofFloats(Shape.of(2, 2), 1, 2, 3, 4);
    private static final Tensor B = Tensor.ofFloats(Shape.of(2, 1), 5, 6);

    @Test
    void joinsAlongEachAxis() {
        Tensor rows = concat(0, A, Tensor.ofFloats(Shape.of(1, 2), 7, 8));
        assertThat(rows.shape()).isEqualTo(Shape.of(3, 2));
        assertThat(rows.toFloatArray()).containsExactly(1, 2, 3, 4, 7, 8);
        Tensor cols = concat(1, A, B);
        assertThat(cols.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(cols.toFloatArray()).containsExactly(1, 2, 5, 3, 4, 6);
        assertThat(concat(-1, B, A, B).toFloatArray()).containsExactly(5, 1, 2, 5, 6, 3, 4, 6);
    }

    @Test
    void joinsHigherRanksAndEmptyInputs() {
        Tensor x = Tensor.ofLongs(Shape.of(1, 2, 1, 1, 1, 2), 1, 2, 3, 4);
        Tensor y = Tensor.ofLongs(Shape.of(1, 2, 1, 1, 1, 1), 9, 8);
        Tensor empty = Tensor.zeros(DType.INT64, Shape.of(1, 2, 1, 1, 1, 0));
        Tensor z = concat(5, x, empty, y);
        assertThat(z.shape()).isEqualTo(Shape.of(1, 2, 1, 1, 1, 3));
        assertThat(z.toLongArray()).containsExactly(1, 2, 9, 3, 4, 8);
        assertThat(concat(0, Tensor.ofLongs(Shape.of(1), 4)).toLongArray()).containsExactly(4);
    }

    @Test
    void keepsEveryDtypeExactly() {
        Tensor big = concat(0, Tensor.ofLongs(Shape.of(1), Long.MAX_VALUE), Tensor.ofLongs(Shape.of(1), -1));
        assertThat(big.toLongArray()).containsExactly(Long.MAX_VALUE, -1);
        Tensor d = concat(0, Tensor.ofDoubles(Shape.of(1), 0.1), Tensor.ofDoubles(Shape.of(1), Double.NaN));
        assertThat(d.toDoubleArray()).containsExactly(0.1, Double.NaN);
        Tensor h = concat(0, Tensor.fromDoubles(DType.FLOAT16, Shape.of(1), new double[] {0.1}),
                Tensor.fromDoubles(DType.FLOAT16, Shape.of(1), new double[] {3}));
        assertThat(h.dtype()).isEqualTo(DType.FLOAT16);
        assertThat(h.getDouble(0)).isEqualTo(Tensor.scalar(DType.FLOAT16, 0.1).getDouble(0));
        Tensor u = concat(0, Tensor.fromLongs(DType.UINT8, Shape.of(1), new long[] {255}),
                Tensor.fromLongs(DType.UINT8, Shape.of(1), new long[] {0}));
        assertThat(u.toLongArray()).containsExactly(255, 0);
    }

    @Test
    void rejectsMismatchedInputs() {
        assertThatThrownBy(() -> concat(0, A, B))
                .hasMessage("Concat: inputs[1] has shape [2, 1] but inputs[0] has [2, 2]: all dimensions except "
                        + "axis 0 must match");
        assertThatThrownBy(() -> concat(0, A, Tensor.ofDoubles(Shape.of(1, 2), 1, 2)))
                .hasMessageContaining("same dtype");
        assertThatThrownBy(() -> concat(2, A, A)).hasMessageContaining("axis 2 is out of range for rank 2");
        assertThatThrownBy(() -> concat(0, Tensor.scalar(DType.FLOAT32, 1))).hasMessageContaining("scalars");
        assertThatThrownBy(() -> concat(0, A, Tensor.ofFloats(Shape.of(4), 1, 2, 3, 4)))
                .hasMessageContaining("all dimensions except");
        assertThatThrownBy(() -> REGISTRY.run1("Concat", Attributes.empty(), A))
                .hasMessageContaining("missing required attribute 'axis'");
    }
}
