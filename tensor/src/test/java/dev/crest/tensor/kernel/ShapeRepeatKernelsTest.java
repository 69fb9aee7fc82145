package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ShapeRepeatKernelsTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor ints(long... values) {
        return Tensor.ofLongs(Shape.of(values.length), values);
    }

    private static Tensor expand(Tensor x, long... shape) {
        return REGISTRY.run1("Expand", Attributes.empty(), x, ints(shape));
    }

    private static Tensor tile(Tensor x, long... repeats) {
        return REGISTRY.run1("Tile", Attributes.empty(), x, ints(repeats));
    }

    @Test
    void expandBroadcastsInBothDirections() {
        // The ONNX specification's examples: [3, 1] with shape [2, 1, 6] gives [2, 3, 6]; with [3, 4] gives [3, 4].
        Tensor x = Tensor.ofFloats(Shape.of(3, 1), 1, 2, 3);
        Tensor y = expand(x, 2, 1, 6);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 3, 6));
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 6; j++) {
                    assertThat(y.getDouble(b * 18 + i * 6 + j)).isEqualTo(i + 1);
                }
            }
        }
        Tensor z = expand(x, 3, 4);
        assertThat(z.shape()).isEqualTo(Shape.of(3, 4));
        assertThat(z.toFloatArray()).containsExactly(1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3);
        // A shape smaller than the input keeps the input's dimensions.
        Tensor w = expand(Tensor.ofLongs(Shape.of(2, 2), 1, 2, 3, 4), 1);
        assertThat(w.shape()).isEqualTo(Shape.of(2, 2));
        assertThat(w.toLongArray()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void expandsScalarsAndEmptyShapes() {
        Tensor y = expand(Tensor.scalar(DType.BOOL, 1), 1, 2, 1, 1, 1, 2);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 1, 1, 1, 2));
        assertThat(y.toLongArray()).containsExactly(1, 1, 1, 1);
        assertThat(expand(Tensor.ofFloats(Shape.of(1), 5), 0).shape()).isEqualTo(Shape.of(0));
        Tensor big = expand(Tensor.ofLongs(Shape.of(1), Long.MIN_VALUE), 2);
        assertThat(big.toLongArray()).containsExactly(Long.MIN_VALUE, Long.MIN_VALUE);
    }

    @Test
    void expandRejectsIncompatibleShapes() {
        Tensor x = Tensor.ofFloats(Shape.of(3), 1, 2, 3);
        assertThatThrownBy(() -> expand(x, 4))
                .hasMessage("Expand: cannot expand shape [3] to [4]: each dimension pair must be equal or contain a 1");
        assertThatThrownBy(() -> expand(x, -1)).hasMessageContaining("negative dimension -1");
    }

    @Test
    void tileRepeatsEachAxis() {
        Tensor x = Tensor.ofLongs(Shape.of(2, 2), 1, 2, 3, 4);
        Tensor y = tile(x, 2, 3);
        assertThat(y.shape()).isEqualTo(Shape.of(4, 6));
        assertThat(y.toLongArray()).containsExactly(
                1, 2, 1, 2, 1, 2,
                3, 4, 3, 4, 3, 4,
                1, 2, 1, 2, 1, 2,
                3, 4, 3, 4, 3, 4);
        assertThat(tile(x, 1, 1).toLongArray()).containsExactly(1, 2, 3, 4);
        assertThat(tile(x, 0, 2).shape()).isEqualTo(Shape.of(0, 4));
        assertThat(tile(Tensor.scalar(DType.FLOAT64, 2.5)).toDoubleArray()).containsExactly(2.5);
        Tensor five = tile(Tensor.ofDoubles(Shape.of(1, 1, 1, 1, 2), 0.1, -0.2), 1, 2, 1, 1, 2);
        assertThat(five.shape()).isEqualTo(Shape.of(1, 2, 1, 1, 4));
        assertThat(five.toDoubleArray()).containsExactly(0.1, -0.2, 0.1, -0.2, 0.1, -0.2, 0.1, -0.2);
    }

    @Test
    void tileRejectsBadRepeats() {
        Tensor x = Tensor.ofLongs(Shape.of(2, 2), 1, 2, 3, 4);
        assertThatThrownBy(() -> tile(x, 2)).hasMessage("Tile: repeats [2] must have one entry per axis of [2, 2] (2)");
        assertThatThrownBy(() -> tile(x, 1, -1)).hasMessageContaining("may not be negative");
        assertThatThrownBy(() -> tile(x, 1L << 31, 1)).hasMessageContaining("more than 2^31-1");
    }
}
