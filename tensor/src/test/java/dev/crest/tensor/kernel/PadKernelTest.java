package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PadKernelTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor pad(String mode, Tensor... inputs) {
        return REGISTRY.run1("Pad", Attributes.builder().put("mode", mode).build(), inputs);
    }

    private static Tensor ints(long... values) {
        return Tensor.ofLongs(Shape.of(values.length), values);
    }

    private static final Tensor ROW = Tensor.ofLongs(Shape.of(4), 1, 2, 3, 4);
    /** [[0, 1, 2], [3, 4, 5]]. */
    private static final Tensor GRID = Tensor.ofLongs(Shape.of(2, 3), 0, 1, 2, 3, 4, 5);

    @Test
    void constantModePadsWithZeroOrTheGivenValue() {
        assertThat(pad("constant", ROW, ints(2, 3)).toLongArray()).containsExactly(0, 0, 1, 2, 3, 4, 0, 0, 0);
        assertThat(pad("constant", ROW, ints(1, 1), Tensor.scalar(DType.INT64, -7)).toLongArray())
                .containsExactly(-7, 1, 2, 3, 4, -7);
        // The ONNX specification's constant example.
        Tensor data = Tensor.ofFloats(Shape.of(3, 2), 1.0f, 1.2f, 2.3f, 3.4f, 4.5f, 5.7f);
        Tensor y = REGISTRY.run1("Pad", Attributes.empty(), data, ints(0, 2, 0, 0), Tensor.scalar(DType.FLOAT32, 0));
        assertThat(y.shape()).isEqualTo(Shape.of(3, 4));
        assertThat(y.toFloatArray()).containsExactly(0, 0, 1.0f, 1.2f, 0, 0, 2.3f, 3.4f, 0, 0, 4.5f, 5.7f);
    }

    @Test
    void reflectModeMirrorsWithoutRepeatingTheEdge() {
        assertThat(pad("reflect", ROW, ints(2, 2)).toLongArray()).containsExactly(3, 2, 1, 2, 3, 4, 3, 2);
        assertThat(pad("reflect", ROW, ints(3, 0)).toLongArray()).containsExactly(4, 3, 2, 1, 2, 3, 4);
        // Rows reflect [0,1,2] above; columns reflect two to the right: [0,1,2] -> [0,1,2,1,0].
        Tensor y = pad("reflect", GRID, ints(1, 0, 0, 2));
        assertThat(y.shape()).isEqualTo(Shape.of(3, 5));
        assertThat(y.toLongArray()).containsExactly(3, 4, 5, 4, 3, 0, 1, 2, 1, 0, 3, 4, 5, 4, 3);
    }

    @Test
    void edgeModeRepeatsTheBoundary() {
        assertThat(pad("edge", ROW, ints(2, 3)).toLongArray()).containsExactly(1, 1, 1, 2, 3, 4, 4, 4, 4);
        Tensor y = pad("edge", GRID, ints(1, 2, 1, 1));
        assertThat(y.shape()).isEqualTo(Shape.of(4, 6));
        assertThat(y.toLongArray()).containsExactly(
                0, 0, 0, 1, 2, 2,
                0, 0, 0, 1, 2, 2,
                3, 3, 3, 4, 5, 5,
                3, 3, 3, 4, 5, 5);
    }

    @Test
    void wrapModeRepeatsPeriodicallyEvenBeyondTheAxisLength() {
        assertThat(pad("wrap", ROW, ints(2, 3)).toLongArray()).containsExactly(3, 4, 1, 2, 3, 4, 1, 2, 3);
        assertThat(pad("wrap", Tensor.ofLongs(Shape.of(3), 1, 2, 3), ints(4, 0)).toLongArray())
                .containsExactly(3, 1, 2, 3, 1, 2, 3);
        Tensor y = pad("wrap", GRID, ints(1, 2, 1, 1));
        assertThat(y.shape()).isEqualTo(Shape.of(4, 6));
        assertThat(y.toLongArray()).containsExactly(
                4, 5, 3, 4, 5, 3,
                1, 2, 0, 1, 2, 0,
                4, 5, 3, 4, 5, 3,
                1, 2, 0, 1, 2, 0);
    }

    @Test
    void negativePadsCropBeforeTheModePads() {
        assertThat(pad("constant", ROW, ints(-1, 2)).toLongArray()).containsExactly(2, 3, 4, 0, 0);
        // Cropped to [2, 3, 4], the edge is 4.
        assertThat(pad("edge", ROW, ints(-1, 2)).toLongArray()).containsExactly(2, 3, 4, 4, 4);
        // Cropped to [1, 2, 3], reflection mirrors at 1.
        assertThat(pad("reflect", ROW, ints(2, -1)).toLongArray()).containsExactly(3, 2, 1, 2, 3);
        assertThat(pad("wrap", ROW, ints(1, -2)).toLongArray()).containsExactly(2, 1, 2);
        assertThat(pad("constant", ROW, ints(-2, -2)).shape()).isEqualTo(Shape.of(0));
    }

    @Test
    void axesInputSelectsTheAxesToPad() {
        Tensor y = REGISTRY.run1("Pad", Attributes.empty(), GRID, ints(1, 1), Tensor.scalar(DType.INT64, 9),
                ints(-1));
        assertThat(y.shape()).isEqualTo(Shape.of(2, 5));
        assertThat(y.toLongArray()).containsExactly(9, 0, 1, 2, 9, 9, 3, 4, 5, 9);
        // pads pair with axes in the order given: axis 1 gets (0, 1), axis 0 gets (1, 0).
        Tensor z = REGISTRY.run1("Pad", Attributes.empty(), GRID, ints(0, 1, 1, 0), null, ints(1, 0));
        assertThat(z.shape()).isEqualTo(Shape.of(3, 4));
        assertThat(z.toLongArray()).containsExactly(0, 0, 0, 0, 0, 1, 2, 0, 3, 4, 5, 0);
    }

    @Test
    void padsEveryDtypeExactlyAndHigherRanks() {
        Tensor halves = Tensor.fromDoubles(DType.FLOAT16, Shape.of(2), new double[] {0.1, -2.5});
        Tensor y = pad("constant", halves, ints(1, 0), Tensor.scalar(DType.FLOAT16, 0.3));
        assertThat(y.dtype()).isEqualTo(DType.FLOAT16);
        assertThat(y.toDoubleArray()).containsExactly(Tensor.scalar(DType.FLOAT16, 0.3).getDouble(0),
                halves.getDouble(0), halves.getDouble(1));
        Tensor bools = Tensor.ofBooleans(Shape.of(2), true, false);
        assertThat(pad("edge", bools, ints(1, 1)).toLongArray()).containsExactly(1, 1, 0, 0);
        Tensor big = Tensor.ofLongs(Shape.of(1), Long.MIN_VALUE + 1);
        assertThat(pad("constant", big, ints(0, 1), Tensor.scalar(DType.INT64, 0)).toLongArray())
                .containsExactly(Long.MIN_VALUE + 1, 0);
        Tensor five = Tensor.ofFloats(Shape.of(1, 1, 1, 1, 2), 5, 6);
        Tensor padded = pad("reflect", five, ints(0, 0, 0, 0, 1, 0, 0, 0, 0, 0));
        assertThat(padded.shape()).isEqualTo(Shape.of(1, 1, 1, 1, 3));
        assertThat(padded.toFloatArray()).containsExactly(6, 5, 6);
        assertThat(pad("constant", Tensor.scalar(DType.INT8, 3), Tensor.ofLongs(Shape.of(0))).toLongArray())
                .containsExactly(3);
    }

    @Test
    void constantModePadsEmptyAxes() {
        Tensor empty = Tensor.zeros(DType.FLOAT32, Shape.of(0, 2));
        Tensor y = pad("constant", empty, ints(1, 0, 0, 0), Tensor.scalar(DType.FLOAT32, 2));
        assertThat(y.shape()).isEqualTo(Shape.of(1, 2));
        assertThat(y.toFloatArray()).containsExactly(2, 2);
    }

    @Test
    void acceptsTheOpset2AttributeForm() {
        Attributes old = Attributes.builder().put("mode", "constant").put("pads", 1L, 0L).put("value", 1.5).build();
        Tensor y = REGISTRY.run1("Pad", old, Tensor.ofFloats(Shape.of(2), 3, 4));
        assertThat(y.toFloatArray()).containsExactly(1.5f, 3, 4);
    }

    @Test
    void rejectsInvalidPads() {
        assertThatThrownBy(() -> pad("reflect", ROW, ints(4, 0)))
                .hasMessage("Pad: reflect mode needs pads smaller than the axis: axis 0 has size 4 but pads are 4 and 0");
        assertThatThrownBy(() -> pad("edge", Tensor.zeros(DType.FLOAT32, Shape.of(0)), ints(1, 0)))
                .hasMessageContaining("edge mode cannot pad axis 0 because it is empty");
        assertThatThrownBy(() -> pad("wrap", ROW, ints(-4, 1))).hasMessageContaining("because it is empty");
        assertThatThrownBy(() -> pad("constant", ROW, ints(1))).hasMessageContaining("must have 2 entries");
        assertThatThrownBy(() -> pad("constant", ROW, ints(-5, 2))).hasMessageContaining("crop more than");
        assertThatThrownBy(() -> pad("constant", ROW, ints(-3, -2))).hasMessageContaining("below zero");
        assertThatThrownBy(() -> pad("symmetric", ROW, ints(1, 1))).hasMessageContaining("unknown mode 'symmetric'");
        assertThatThrownBy(() -> pad("constant", ROW, ints(1, 1), Tensor.scalar(DType.FLOAT32, 1)))
                .hasMessageContaining("same dtype");
        assertThatThrownBy(() -> REGISTRY.run1("Pad", Attributes.empty(), ROW))
                .hasMessageContaining("missing required input 1 (pads)");
    }

    @Property(tries = 50)
    void croppingThePadsAwayRestoresTheInputInEveryMode(@ForAll @IntRange(min = 1, max = 4) int rank,
            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Random random = new Random(seed);
        int[] dims = new int[rank];
        long[] pads = new long[2 * rank];
        for (int a = 0; a < rank; a++) {
            dims[a] = 1 + random.nextInt(3);
            // Pads below the axis size keep every mode valid, reflect included.
            pads[a] = random.nextInt(dims[a]);
            pads[a + rank] = random.nextInt(dims[a]);
        }
        Shape shape = Shape.of(dims);
        long[] values = new long[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextLong();
        }
        Tensor x = Tensor.ofLongs(shape, values);
        long[] crop = new long[pads.length];
        for (int i = 0; i < pads.length; i++) {
            crop[i] = -pads[i];
        }
        for (String mode : new String[] {"constant", "reflect", "edge", "wrap"}) {
            Tensor padded = pad(mode, x, ints(pads));
            assertThat(pad("constant", padded, ints(crop)).sameAs(x)).as(mode).isTrue();
        }
    }
}
