package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArgKernelTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor arg(String op, Tensor data, long axis, long keepdims, long selectLast) {
        Attributes attributes = Attributes.builder().put("axis", axis).put("keepdims", keepdims)
                .put("select_last_index", selectLast).build();
        return REGISTRY.run1(op, attributes, data);
    }

    @Test
    void findsTheFirstExtremeAlongAnAxis() {
        // The ONNX specification's examples: [[2, 1], [3, 10]].
        Tensor x = Tensor.ofFloats(Shape.of(2, 2), 2, 1, 3, 10);
        Tensor byColumn = arg("ArgMax", x, 0, 1, 0);
        assertThat(byColumn.dtype()).isEqualTo(DType.INT64);
        assertThat(byColumn.shape()).isEqualTo(Shape.of(1, 2));
        assertThat(byColumn.toLongArray()).containsExactly(1, 1);
        Tensor byRow = arg("ArgMax", x, 1, 0, 0);
        assertThat(byRow.shape()).isEqualTo(Shape.of(2));
        assertThat(byRow.toLongArray()).containsExactly(0, 1);
        assertThat(arg("ArgMin", x, -1, 1, 0).toLongArray()).containsExactly(1, 0);
        assertThat(REGISTRY.run1("ArgMax", Attributes.empty(), x).shape()).isEqualTo(Shape.of(1, 2));
    }

    @Test
    void selectLastIndexBreaksTiesTowardsTheEnd() {
        // The ONNX specification's example: [[2, 2], [3, 10]].
        Tensor x = Tensor.ofLongs(Shape.of(2, 2), 2, 2, 3, 10);
        assertThat(arg("ArgMax", x, 1, 1, 1).toLongArray()).containsExactly(1, 1);
        assertThat(arg("ArgMax", x, 1, 1, 0).toLongArray()).containsExactly(0, 1);
        Tensor ties = Tensor.fromLongs(DType.INT8, Shape.of(5), new long[] {-1, -5, 4, -5, 4});
        assertThat(arg("ArgMin", ties, 0, 0, 0).toLongArray()).containsExactly(1);
        assertThat(arg("ArgMin", ties, 0, 0, 1).toLongArray()).containsExactly(3);
        assertThat(arg("ArgMax", ties, 0, 0, 0).toLongArray()).containsExactly(2);
        assertThat(arg("ArgMax", ties, 0, 0, 1).toLongArray()).containsExactly(4);
    }

    @Test
    void nanWinsAndSignedZerosTie() {
        Tensor x = Tensor.ofDoubles(Shape.of(5), 1, Double.NaN, 7, Double.NaN, -9);
        assertThat(arg("ArgMax", x, 0, 0, 0).toLongArray()).containsExactly(1);
        assertThat(arg("ArgMin", x, 0, 0, 0).toLongArray()).containsExactly(1);
        assertThat(arg("ArgMax", x, 0, 0, 1).toLongArray()).containsExactly(3);
        Tensor zeros = Tensor.ofDoubles(Shape.of(2), 0.0, -0.0);
        assertThat(arg("ArgMax", zeros, 0, 0, 0).toLongArray()).containsExactly(0);
        assertThat(arg("ArgMin", zeros, 0, 0, 0).toLongArray()).containsExactly(0);
        assertThat(arg("ArgMin", zeros, 0, 0, 1).toLongArray()).containsExactly(1);
    }

    @Test
    void comparesInt64Exactly() {
        // Both values round to the same double, so only an exact comparison tells them apart.
        Tensor x = Tensor.ofLongs(Shape.of(2), (1L << 60) + 1, 1L << 60);
        assertThat(arg("ArgMax", x, 0, 0, 0).toLongArray()).containsExactly(0);
        assertThat(arg("ArgMin", x, 0, 0, 0).toLongArray()).containsExactly(1);
    }

    @Test
    void matchesABruteForceSearchOnHighRanks() {
        Random random = new Random(5);
        int[] dims = {2, 1, 3, 2, 1, 3};
        Shape shape = Shape.of(dims);
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(5);
        }
        Tensor x = Tensor.ofDoubles(shape, values);
        int[] strides = shape.strides();
        for (int axis = 0; axis < dims.length; axis++) {
            Tensor y = arg("ArgMax", x, axis - dims.length, 1, 0);
            int[] outDims = dims.clone();
            outDims[axis] = 1;
            assertThat(y.shape()).isEqualTo(Shape.of(outDims));
            for (int flat = 0; flat < y.size(); flat++) {
                // The input offset of this output element with the reduced coordinate at 0.
                int rest = flat;
                int base = 0;
                for (int a = dims.length - 1; a >= 0; a--) {
                    base += (rest % outDims[a]) * strides[a];
                    rest /= outDims[a];
                }
                int best = 0;
                for (int i = 1; i < dims[axis]; i++) {
                    if (values[base + i * strides[axis]] > values[base + best * strides[axis]]) {
                        best = i;
                    }
                }
                assertThat(y.getLong(flat)).as("axis %d element %d", axis, flat).isEqualTo(best);
            }
        }
    }

    @Test
    void rejectsEmptyAxesScalarsAndBooleans() {
        Tensor empty = Tensor.zeros(DType.FLOAT32, Shape.of(2, 0));
        assertThatThrownBy(() -> arg("ArgMax", empty, 1, 1, 0))
                .hasMessage("ArgMax: cannot take the argmax of axis 1 of shape [2, 0] because it is empty");
        assertThat(arg("ArgMin", empty, 0, 0, 0).shape()).isEqualTo(Shape.of(0));
        assertThatThrownBy(() -> arg("ArgMin", Tensor.scalar(DType.FLOAT32, 1), 0, 1, 0))
                .hasMessageContaining("axis 0 is out of range for rank 0");
        assertThatThrownBy(() -> arg("ArgMax", Tensor.ofBooleans(Shape.of(2), true, false), 0, 1, 0))
                .hasMessageContaining("unsupported dtype bool");
        assertThatThrownBy(() -> arg("ArgMax", Tensor.ofFloats(Shape.of(2), 1, 2), 1, 1, 0))
                .hasMessageContaining("axis 1 is out of range for rank 1");
    }
}
