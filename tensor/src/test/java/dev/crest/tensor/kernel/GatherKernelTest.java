package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GatherKernelTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor gather(Tensor data, Tensor indices, long axis) {
        return REGISTRY.run1("Gather", Attributes.builder().put("axis", axis).build(), data, indices);
    }

    @Test
    void gathersRowsWithTwoDimensionalIndices() {
        // The ONNX specification's axis-0 example.
        Tensor data = Tensor.ofFloats(Shape.of(3, 2), 1.0f, 1.2f, 2.3f, 3.4f, 4.5f, 5.7f);
        Tensor indices = Tensor.ofLongs(Shape.of(2, 2), 0, 1, 1, 2);
        Tensor y = gather(data, indices, 0);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 2, 2));
        assertThat(y.toFloatArray()).containsExactly(1.0f, 1.2f, 2.3f, 3.4f, 2.3f, 3.4f, 4.5f, 5.7f);
    }

    @Test
    void gathersColumnsAlongAxisOne() {
        // The ONNX specification's axis-1 example.
        Tensor data = Tensor.ofFloats(Shape.of(3, 3), 1.0f, 1.2f, 1.9f, 2.3f, 3.4f, 3.9f, 4.5f, 5.7f, 5.9f);
        Tensor indices = Tensor.ofLongs(Shape.of(1, 2), 0, 2);
        Tensor y = gather(data, indices, 1);
        assertThat(y.shape()).isEqualTo(Shape.of(3, 1, 2));
        assertThat(y.toFloatArray()).containsExactly(1.0f, 1.9f, 2.3f, 3.9f, 4.5f, 5.9f);
    }

    @Test
    void negativeIndicesAndAxesCountFromTheEnd() {
        Tensor data = Tensor.ofLongs(Shape.of(2, 3), 10, 11, 12, 20, 21, 22);
        Tensor indices = Tensor.fromLongs(DType.INT32, Shape.of(2), new long[] {-1, 0});
        Tensor y = gather(data, indices, -1);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 2));
        assertThat(y.toLongArray()).containsExactly(12, 10, 22, 20);
    }

    @Test
    void scalarIndexRemovesTheAxis() {
        Tensor data = Tensor.ofBooleans(Shape.of(2, 3), true, false, false, false, true, true);
        Tensor y = gather(data, Tensor.scalar(DType.INT64, 1), 0);
        assertThat(y.shape()).isEqualTo(Shape.of(3));
        assertThat(y.dtype()).isEqualTo(DType.BOOL);
        assertThat(y.toLongArray()).containsExactly(0, 1, 1);
    }

    @Test
    void gathersFromHighRanksAndKeepsInt64Exact() {
        // data[a][b][c][d][e] = a*16 + b*8 + c*4 + d*2 + e over [2, 2, 2, 2, 2]; pick c = 1 then c = 0.
        long[] values = new long[32];
        for (int i = 0; i < 32; i++) {
            values[i] = Long.MAX_VALUE - i;
        }
        Tensor data = Tensor.ofLongs(Shape.of(2, 2, 2, 2, 2), values);
        Tensor y = gather(data, Tensor.ofLongs(Shape.of(2), 1, 0), 2);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 2, 2, 2, 2));
        // Output [a][b][k][d][e] reads c = 1 - k.
        assertThat(y.getLong(0)).isEqualTo(Long.MAX_VALUE - 4);
        assertThat(y.getLong(4)).isEqualTo(Long.MAX_VALUE);
        assertThat(y.getLong(31)).isEqualTo(Long.MAX_VALUE - 27);
    }

    @Test
    void handlesEmptyIndices() {
        Tensor data = Tensor.ofFloats(Shape.of(2, 2), 1, 2, 3, 4);
        Tensor y = gather(data, Tensor.ofLongs(Shape.of(0)), 1);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 0));
    }

    @Test
    void rejectsBadIndicesAndAxes() {
        Tensor data = Tensor.ofFloats(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertThatThrownBy(() -> gather(data, Tensor.ofLongs(Shape.of(1), 3), 1))
                .hasMessage("Gather: index 3 is out of range for axis 1 of size 3 (expected -3 to 2)");
        assertThatThrownBy(() -> gather(data, Tensor.ofLongs(Shape.of(1), -3), 0))
                .hasMessageContaining("index -3 is out of range for axis 0 of size 2");
        assertThatThrownBy(() -> gather(data, Tensor.ofLongs(Shape.of(1), 0), 2))
                .hasMessageContaining("axis 2 is out of range for rank 2");
        assertThatThrownBy(() -> gather(data, Tensor.ofFloats(Shape.of(1), 0f), 0))
                .hasMessageContaining("int32 or int64");
        assertThatThrownBy(() -> gather(Tensor.scalar(DType.FLOAT32, 1), Tensor.ofLongs(Shape.of(1), 0), 0))
                .hasMessageContaining("rank 1 or more");
    }
}
