package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SliceKernelTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor slice(Tensor data, Tensor... rest) {
        Tensor[] inputs = new Tensor[rest.length + 1];
        inputs[0] = data;
        System.arraycopy(rest, 0, inputs, 1, rest.length);
        return REGISTRY.run1("Slice", Attributes.empty(), inputs);
    }

    private static Tensor ints(long... values) {
        return Tensor.ofLongs(Shape.of(values.length), values);
    }

    private static Tensor iota(DType dtype, int... dims) {
        Shape shape = Shape.of(dims);
        long[] values = new long[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return Tensor.fromLongs(dtype, shape, values);
    }

    private static final Tensor GRID = Tensor.ofFloats(Shape.of(2, 4), 1, 2, 3, 4, 5, 6, 7, 8);

    @Test
    void slicesWithAxesAndSteps() {
        // The ONNX specification's first example.
        Tensor y = slice(GRID, ints(1, 0), ints(2, 3), ints(0, 1), ints(1, 2));
        assertThat(y.shape()).isEqualTo(Shape.of(1, 2));
        assertThat(y.toFloatArray()).containsExactly(5, 7);
    }

    @Test
    void negativeEndsAndLargeEndsAreAdjustedAndClamped() {
        // The ONNX specification's second example: ends -1 and 1000 on axes 0 and 1.
        Tensor y = slice(GRID, ints(0, 1), ints(-1, 1000));
        assertThat(y.shape()).isEqualTo(Shape.of(1, 3));
        assertThat(y.toFloatArray()).containsExactly(2, 3, 4);
    }

    @Test
    void negativeStepsWalkBackwards() {
        Tensor x = iota(DType.INT64, 10);
        assertThat(slice(x, ints(-1), ints(Long.MIN_VALUE), ints(0), ints(-1)).toLongArray())
                .containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        assertThat(slice(x, ints(8), ints(2), ints(0), ints(-3)).toLongArray()).containsExactly(8, 5);
        assertThat(slice(x, ints(7), ints(-9), ints(0), ints(-2)).toLongArray()).containsExactly(7, 5, 3);
        // Starts past the end clamp to dim-1 and ends before the start clamp to -1 when stepping backwards.
        assertThat(slice(x, ints(100), ints(-100), ints(0), ints(-4)).toLongArray()).containsExactly(9, 5, 1);
        // End -1 means index dim-1, so backwards from 3 to 9 is empty.
        assertThat(slice(x, ints(3), ints(-1), ints(0), ints(-1)).shape()).isEqualTo(Shape.of(0));
        assertThat(slice(x, ints(Long.MAX_VALUE), ints(Long.MIN_VALUE), ints(0), ints(Long.MIN_VALUE))
                .toLongArray()).containsExactly(9);
    }

    @Test
    void negativeStepStartsBeforeTheAxisClampToZeroAsTheSpecificationSays() {
        // ONNX clamps the start of a backward slice to [0, dim-1] (NumPy would give an empty slice here), and the
        // end -10 + 5 = -5 to -1, so exactly element 0 is selected.
        Tensor x = iota(DType.INT64, 5);
        assertThat(slice(x, ints(-10), ints(-10), ints(0), ints(-1)).toLongArray()).containsExactly(0);
    }

    @Property(tries = 50)
    void reversingTwiceIsIdentity(@ForAll @IntRange(min = 1, max = 4) int a, @ForAll @IntRange(min = 0, max = 4) int b,
            @ForAll @IntRange(min = -2, max = 1) int axis) {
        Tensor x = iota(DType.FLOAT32, a, b);
        Tensor reverse = ints(-1);
        Tensor once = slice(x, ints(-1), ints(Long.MIN_VALUE), ints(axis), reverse);
        assertThat(slice(once, ints(-1), ints(Long.MIN_VALUE), ints(axis), reverse).sameAs(x)).isTrue();
    }

    @Test
    void positiveStepsClampToTheAxis() {
        Tensor x = iota(DType.INT32, 5);
        assertThat(slice(x, ints(-100), ints(100)).toLongArray()).containsExactly(0, 1, 2, 3, 4);
        assertThat(slice(x, ints(1), ints(Long.MAX_VALUE), ints(0), ints(3)).toLongArray()).containsExactly(1, 4);
        assertThat(slice(x, ints(4), ints(2)).shape()).isEqualTo(Shape.of(0));
        assertThat(slice(x, ints(5), ints(100)).shape()).isEqualTo(Shape.of(0));
        assertThat(slice(x, ints(-2), ints(-1)).toLongArray()).containsExactly(3);
    }

    @Test
    void slicesHigherRanksWithNegativeAxes() {
        // x[i][j][k] = 12i + 4j + k over [2, 3, 4]; slice axis -1 by 3:0:-2 and axis -3 by 1:2.
        Tensor x = iota(DType.FLOAT64, 2, 3, 4);
        Tensor y = slice(x, ints(3, 1), ints(0, 2), ints(-1, -3), ints(-2, 1));
        assertThat(y.shape()).isEqualTo(Shape.of(1, 3, 2));
        assertThat(y.toDoubleArray()).containsExactly(15, 13, 19, 17, 23, 21);

        Tensor six = iota(DType.INT8, 1, 2, 1, 2, 1, 3);
        Tensor z = slice(six, ints(1), ints(3), ints(5));
        assertThat(z.shape()).isEqualTo(Shape.of(1, 2, 1, 2, 1, 2));
        assertThat(z.toLongArray()).containsExactly(1, 2, 4, 5, 7, 8, 10, 11);
    }

    @Test
    void acceptsInt32IndicesAndTheOpset1AttributeForm() {
        Tensor x = iota(DType.FLOAT32, 6);
        Tensor starts = Tensor.fromLongs(DType.INT32, Shape.of(1), new long[] {1});
        Tensor ends = Tensor.fromLongs(DType.INT32, Shape.of(1), new long[] {4});
        assertThat(slice(x, starts, ends).toFloatArray()).containsExactly(1, 2, 3);
        Attributes old = Attributes.builder().put("starts", 2L, 0L).put("ends", 4L, 1L).put("axes", 1L, 0L).build();
        Tensor y = REGISTRY.run1("Slice", old, iota(DType.FLOAT32, 2, 5));
        assertThat(y.shape()).isEqualTo(Shape.of(1, 2));
        assertThat(y.toFloatArray()).containsExactly(2, 3);
    }

    @Test
    void slicesEmptyAxesAndKeepsValuesExact() {
        Tensor empty = iota(DType.FLOAT32, 0, 3);
        assertThat(slice(empty, ints(0), ints(-1), ints(0), ints(-1)).shape()).isEqualTo(Shape.of(0, 3));
        Tensor big = Tensor.ofLongs(Shape.of(3), Long.MAX_VALUE, 5, Long.MIN_VALUE);
        assertThat(slice(big, ints(-1), ints(Long.MIN_VALUE), ints(0), ints(-2)).toLongArray())
                .containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void rejectsInvalidArguments() {
        Tensor x = iota(DType.FLOAT32, 4);
        assertThatThrownBy(() -> slice(x, ints(0), ints(4), ints(0), ints(0)))
                .hasMessage("Slice: steps [0] may not contain 0");
        assertThatThrownBy(() -> slice(x, ints(0, 1), ints(4))).hasMessageContaining("the same length");
        assertThatThrownBy(() -> slice(x, ints(0), ints(4), ints(1))).hasMessageContaining("out of range for rank 1");
        assertThatThrownBy(() -> slice(iota(DType.FLOAT32, 2, 2), ints(0, 0), ints(1, 1), ints(0, -2)))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> slice(x, ints(0), ints(4), ints(0), ints(1, 1)))
                .hasMessageContaining("steps [1, 1] must have the same length");
        assertThatThrownBy(() -> slice(x, Tensor.ofFloats(Shape.of(1), 0f), ints(4)))
                .hasMessageContaining("must be an integer tensor");
    }
}
