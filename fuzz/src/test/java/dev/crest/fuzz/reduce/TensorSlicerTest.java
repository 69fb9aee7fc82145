package dev.crest.fuzz.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TensorSlicerTest {
    @Test
    void cutsTheLeadingBlockOfEachAxis() {
        // [[0 1 2] [3 4 5]] → [[0 1]]
        Tensor t = Tensor.fromDoubles(DType.FLOAT32, Shape.of(2, 3), new double[] {0, 1, 2, 3, 4, 5});

        Tensor cut = TensorSlicer.leading(t, new int[] {1, 2});

        assertThat(cut.shape()).isEqualTo(Shape.of(1, 2));
        assertThat(cut.toDoubleArray()).containsExactly(0, 1);
    }

    @Test
    void keepsIntegerValuesAndTheDtype() {
        long big = (1L << 60) + 1;
        Tensor t = Tensor.fromLongs(DType.INT64, Shape.of(2, 2, 2), new long[] {0, 1, 2, 3, 4, 5, big, 7});

        Tensor cut = TensorSlicer.leading(t, new int[] {2, 1, 2});

        assertThat(cut.dtype()).isEqualTo(DType.INT64);
        assertThat(cut.toLongArray()).containsExactly(0, 1, 4, 5);
        assertThat(TensorSlicer.leading(t, new int[] {2, 2, 1}).toLongArray()).containsExactly(0, 2, 4, big);
    }

    @Test
    void refusesExtentsOutsideTheShape() {
        Tensor t = Tensor.fromDoubles(DType.FLOAT32, Shape.of(2), new double[] {0, 1});

        assertThatThrownBy(() -> TensorSlicer.leading(t, new int[] {3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TensorSlicer.leading(t, new int[] {0})).isInstanceOf(IllegalArgumentException.class);
    }
}
