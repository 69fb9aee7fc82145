package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ShapeViewKernelsTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor run(String op, Attributes attributes, Tensor... inputs) {
        return REGISTRY.run1(op, attributes, inputs);
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

    private static Attributes attrs(String name, long value) {
        return Attributes.builder().put(name, value).build();
    }

    // ------------------------------------------------------------------ Reshape

    @Test
    void reshapeCopiesZeroDimensionsAndInfersMinusOne() {
        Tensor x = iota(DType.FLOAT32, 2, 3, 4);
        Tensor y = run("Reshape", Attributes.empty(), x, ints(0, -1));
        assertThat(y.shape()).isEqualTo(Shape.of(2, 12));
        assertThat(y.toDoubleArray()).isEqualTo(x.toDoubleArray());

        assertThat(run("Reshape", Attributes.empty(), x, ints(-1, 0, 2)).shape()).isEqualTo(Shape.of(4, 3, 2));
        assertThat(run("Reshape", Attributes.empty(), x, ints(4, 1, 6)).shape()).isEqualTo(Shape.of(4, 1, 6));
    }

    @Test
    void reshapeWithAllowZeroTreatsZeroAsLiteral() {
        Tensor empty = Tensor.zeros(DType.FLOAT32, Shape.of(0, 3));
        Tensor y = run("Reshape", attrs("allowzero", 1), empty, ints(3, 0));
        assertThat(y.shape()).isEqualTo(Shape.of(3, 0));
        // Without allowzero the 0 copies dimension 1 (3) and the element counts disagree.
        assertThatThrownBy(() -> run("Reshape", Attributes.empty(), empty, ints(3, 0)))
                .isInstanceOf(TensorException.class).hasMessageContaining("cannot reshape");
    }

    @Test
    void reshapeBetweenScalarAndSingleElement() {
        Tensor scalar = Tensor.scalar(DType.INT64, 7);
        Tensor one = run("Reshape", Attributes.empty(), scalar, ints(1, 1, 1, 1, 1, 1));
        assertThat(one.shape()).isEqualTo(Shape.of(1, 1, 1, 1, 1, 1));
        Tensor back = run("Reshape", Attributes.empty(), one, Tensor.ofLongs(Shape.of(0)));
        assertThat(back.shape()).isEqualTo(Shape.scalar());
        assertThat(back.getLong(0)).isEqualTo(7);
    }

    @Test
    void reshapeKeepsInt64ValuesExactly() {
        Tensor x = Tensor.ofLongs(Shape.of(2, 2), Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1, -3);
        Tensor y = run("Reshape", Attributes.empty(), x, ints(4));
        assertThat(y.toLongArray()).containsExactly(Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1, -3);
    }

    @Test
    void reshapeAcceptsTheOpset1ShapeAttribute() {
        Tensor x = iota(DType.INT32, 6);
        Tensor y = run("Reshape", Attributes.builder().put("shape", 3L, 2L).build(), x);
        assertThat(y.shape()).isEqualTo(Shape.of(3, 2));
    }

    @Test
    void reshapeRejectsInvalidShapes() {
        Tensor x = iota(DType.FLOAT32, 2, 3);
        assertThatThrownBy(() -> run("Reshape", Attributes.empty(), x, ints(4, 2)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Reshape: cannot reshape [2, 3] (6 elements) to [4, 2] (8 elements)");
        assertThatThrownBy(() -> run("Reshape", Attributes.empty(), x, ints(-1, -1)))
                .hasMessageContaining("more than one -1");
        assertThatThrownBy(() -> run("Reshape", Attributes.empty(), x, ints(-1, 4)))
                .hasMessageContaining("cannot be inferred");
        assertThatThrownBy(() -> run("Reshape", Attributes.empty(), x, ints(6, 1, 0)))
                .hasMessageContaining("copies dimension 2");
        assertThatThrownBy(() -> run("Reshape", Attributes.empty(), x, ints(-2, -3)))
                .hasMessageContaining("invalid dimension -2");
        assertThatThrownBy(() -> run("Reshape", attrs("allowzero", 1), Tensor.zeros(DType.FLOAT32, Shape.of(0)),
                ints(0, -1))).hasMessageContaining("both 0 and -1");
        assertThatThrownBy(() -> run("Reshape", Attributes.empty(), x))
                .hasMessageContaining("missing required input 1 (shape)");
    }

    @Property(tries = 50)
    void reshapeRoundTripRestoresTheTensor(@ForAll @IntRange(min = 0, max = 4) int a,
            @ForAll @IntRange(min = 1, max = 4) int b, @ForAll @IntRange(min = 1, max = 3) int c) {
        Tensor x = iota(DType.FLOAT64, a, b, c);
        Tensor flat = run("Reshape", Attributes.empty(), x, ints(-1));
        Tensor back = run("Reshape", Attributes.empty(), flat, ints(a, b, c));
        assertThat(back.sameAs(x)).isTrue();
    }

    // ------------------------------------------------------------------ Flatten

    @Test
    void flattenSplitsAtTheAxis() {
        Tensor x = iota(DType.FLOAT32, 2, 3, 4, 5);
        assertThat(run("Flatten", Attributes.empty(), x).shape()).isEqualTo(Shape.of(2, 60));
        assertThat(run("Flatten", attrs("axis", 0), x).shape()).isEqualTo(Shape.of(1, 120));
        assertThat(run("Flatten", attrs("axis", 4), x).shape()).isEqualTo(Shape.of(120, 1));
        assertThat(run("Flatten", attrs("axis", -1), x).shape()).isEqualTo(Shape.of(24, 5));
        assertThat(run("Flatten", attrs("axis", -4), x).shape()).isEqualTo(Shape.of(1, 120));
        assertThat(run("Flatten", attrs("axis", 0), Tensor.scalar(DType.INT8, 3)).shape())
                .isEqualTo(Shape.of(1, 1));
        assertThat(run("Flatten", attrs("axis", 2), x).toDoubleArray()).isEqualTo(x.toDoubleArray());
    }

    @Test
    void flattenRejectsAxisOutOfRange() {
        Tensor x = iota(DType.FLOAT32, 2, 3);
        assertThatThrownBy(() -> run("Flatten", attrs("axis", 3), x))
                .hasMessage("Flatten: axis 3 is out of range for rank 2 (expected -2 to 2)");
        assertThatThrownBy(() -> run("Flatten", attrs("axis", -3), x)).isInstanceOf(TensorException.class);
    }

    // ------------------------------------------------------------------ Squeeze / Unsqueeze

    @Test
    void squeezeRemovesListedOrAllUnitAxes() {
        Tensor x = iota(DType.INT16, 1, 3, 1, 2, 1, 1);
        assertThat(run("Squeeze", Attributes.empty(), x).shape()).isEqualTo(Shape.of(3, 2));
        assertThat(run("Squeeze", Attributes.empty(), x, ints(0, -1)).shape()).isEqualTo(Shape.of(3, 1, 2, 1));
        assertThat(run("Squeeze", Attributes.empty(), x, Tensor.ofLongs(Shape.of(0))).shape())
                .isEqualTo(Shape.of(3, 2));
        assertThat(run("Squeeze", Attributes.builder().put("axes", new long[] {2}).build(), x).shape())
                .isEqualTo(Shape.of(1, 3, 2, 1, 1));
        assertThat(run("Squeeze", Attributes.empty(), Tensor.scalar(DType.BOOL, 1)).shape())
                .isEqualTo(Shape.scalar());
        assertThat(run("Squeeze", Attributes.empty(), x).toLongArray()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void squeezeRejectsNonUnitAndRepeatedAxes() {
        Tensor x = iota(DType.FLOAT32, 1, 3);
        assertThatThrownBy(() -> run("Squeeze", Attributes.empty(), x, ints(1)))
                .hasMessage("Squeeze: cannot squeeze axis 1 of shape [1, 3]: its size is 3, not 1");
        assertThatThrownBy(() -> run("Squeeze", Attributes.empty(), x, ints(0, -2)))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> run("Squeeze", Attributes.empty(), x, ints(2)))
                .hasMessageContaining("out of range for rank 2");
    }

    @Test
    void unsqueezeInsertsAxesCountedInTheOutputRank() {
        Tensor x = iota(DType.FLOAT32, 3, 4);
        assertThat(run("Unsqueeze", Attributes.empty(), x, ints(0)).shape()).isEqualTo(Shape.of(1, 3, 4));
        assertThat(run("Unsqueeze", Attributes.empty(), x, ints(-1)).shape()).isEqualTo(Shape.of(3, 4, 1));
        assertThat(run("Unsqueeze", Attributes.empty(), x, ints(4, 0, 2)).shape())
                .isEqualTo(Shape.of(1, 3, 1, 4, 1));
        assertThat(run("Unsqueeze", Attributes.empty(), x, ints(-4, 1)).shape()).isEqualTo(Shape.of(1, 1, 3, 4));
        assertThat(run("Unsqueeze", Attributes.empty(), Tensor.scalar(DType.INT64, 5), ints(0)).shape())
                .isEqualTo(Shape.of(1));
        assertThat(run("Unsqueeze", Attributes.builder().put("axes", new long[] {1}).build(), x).shape())
                .isEqualTo(Shape.of(3, 1, 4));
    }

    @Test
    void unsqueezeRejectsBadAxes() {
        Tensor x = iota(DType.FLOAT32, 3);
        assertThatThrownBy(() -> run("Unsqueeze", Attributes.empty(), x, ints(0, 0))).hasMessageContaining("twice");
        assertThatThrownBy(() -> run("Unsqueeze", Attributes.empty(), x, ints(2)))
                .hasMessageContaining("axes 2 is out of range for rank 2");
        assertThatThrownBy(() -> run("Unsqueeze", Attributes.empty(), x))
                .hasMessageContaining("missing required input 1 (axes)");
        assertThatThrownBy(() -> run("Unsqueeze", Attributes.builder().put("axes", new long[] {0}).build(), x, ints(0)))
                .hasMessageContaining("both as an input and as an attribute");
    }
}
