package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ElementwiseArithmeticKernelsTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static Tensor run(String op, Tensor... inputs) {
        return REGISTRY.run1(op, Attributes.empty(), inputs);
    }

    private static Tensor f32(double... values) {
        return Tensor.fromDoubles(DType.FLOAT32, Shape.of(values.length), values);
    }

    private static Tensor f64(double... values) {
        return Tensor.ofDoubles(Shape.of(values.length), values);
    }

    private static Tensor f16(double... values) {
        return Tensor.fromDoubles(DType.FLOAT16, Shape.of(values.length), values);
    }

    private static Tensor ints(DType dtype, long... values) {
        return Tensor.fromLongs(dtype, Shape.of(values.length), values);
    }

    private static void assertBits(Tensor actual, double... expected) {
        double[] values = actual.toDoubleArray();
        assertThat(values).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.valueOf(values[i])).as("element %d of %s", i, actual)
                    .isEqualTo(Double.valueOf(expected[i]));
        }
    }

    @Test
    void float32ArithmeticOnEqualShapes() {
        Tensor a = f32(1.5, -2, 0.1, 1e30);
        Tensor b = f32(0.5, 4, 0.2, 1e10);
        assertBits(run("Add", a, b), 2, 2, 0.1f + 0.2f, 1e30f + 1e10f);
        assertBits(run("Sub", a, b), 1, -6, 0.1f - 0.2f, 1e30f - 1e10f);
        assertBits(run("Mul", a, b), 0.75, -8, 0.1f * 0.2f, 1e30f * 1e10f); // the last overflows to inf
        assertBits(run("Div", a, b), 3, -0.5, 0.1f / 0.2f, 1e30f / 1e10f);
        assertThat(run("Mul", a, b).getDouble(3)).isEqualTo(INF);
    }

    @Test
    void ieeeSpecialValues() {
        Tensor a = f64(INF, 1, -1, 0, NAN, -0.0);
        Tensor b = f64(INF, 0, 0, 0, 1, 0);
        assertBits(run("Sub", a, b), NAN, 1, -1, 0, NAN, -0.0);
        assertBits(run("Div", a, b), NAN, INF, -INF, NAN, NAN, NAN);
        assertBits(run("Mul", a, b), INF, 0, -0.0, 0, NAN, -0.0);
        assertBits(run("Add", f32(-0.0), f32(-0.0)), -0.0);
        assertBits(run("Add", f32(-0.0), f32(0.0)), 0.0);
    }

    @Test
    void broadcastingInEveryLayout() {
        Tensor matrix = Tensor.ofFloats(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        Tensor row = Tensor.ofFloats(Shape.of(3), 10, 20, 30);
        Tensor column = Tensor.ofFloats(Shape.of(2, 1), 100, 200);
        Tensor scalar = Tensor.scalar(DType.FLOAT32, 2);

        Tensor rowSum = run("Add", matrix, row);
        assertThat(rowSum.shape()).isEqualTo(Shape.of(2, 3));
        assertBits(rowSum, 11, 22, 33, 14, 25, 36);
        assertBits(run("Sub", row, matrix), 9, 18, 27, 6, 15, 24);
        assertBits(run("Mul", matrix, column), 100, 200, 300, 800, 1000, 1200);
        assertBits(run("Div", matrix, scalar), 0.5, 1, 1.5, 2, 2.5, 3);
        assertBits(run("Div", scalar, matrix), 2, 1, 2.0f / 3, 0.5, 0.4f, 2.0f / 6);

        Tensor outer = run("Add", column, row); // [2,1] + [3] → [2,3]
        assertThat(outer.shape()).isEqualTo(Shape.of(2, 3));
        assertBits(outer, 110, 120, 130, 210, 220, 230);

        Tensor scalars = run("Mul", Tensor.scalar(DType.FLOAT64, 3), Tensor.scalar(DType.FLOAT64, 4));
        assertThat(scalars.shape()).isEqualTo(Shape.scalar());
        assertBits(scalars, 12);

        Tensor empty = run("Add", Tensor.zeros(DType.FLOAT32, Shape.of(0, 3)), row);
        assertThat(empty.shape()).isEqualTo(Shape.of(0, 3));
    }

    @Test
    void float32FastPathsAgreeWithTheGeneralFloat64Path() {
        // The same data as float64 goes through the general loop; rounding its results to float32 must give
        // exactly the float32 kernel's results (float64 arithmetic rounded once is IEEE float32 arithmetic).
        SplittableRandom random = new SplittableRandom(7);
        Shape[][] layouts = {
            {Shape.of(4, 5), Shape.of(4, 5)},
            {Shape.of(4, 5), Shape.scalar()},
            {Shape.scalar(), Shape.of(4, 5)},
            {Shape.of(4, 1), Shape.of(1, 5)},
            {Shape.of(5), Shape.of(4, 5)},
            {Shape.of(4, 5), Shape.of(5)},
            {Shape.of(3, 4, 5), Shape.of(1, 4, 5)},
            {Shape.of(3, 4, 5), Shape.of(4, 1)},
            {Shape.of(3, 4, 5), Shape.of(3, 1, 5)},
        };
        for (Shape[] layout : layouts) {
            Tensor a = randomFloat32(layout[0], random);
            Tensor b = randomFloat32(layout[1], random);
            for (String op : new String[] {"Add", "Sub", "Mul", "Div"}) {
                Tensor fast = run(op, a, b);
                Tensor general = run(op, a.cast(DType.FLOAT64), b.cast(DType.FLOAT64)).cast(DType.FLOAT32);
                assertThat(fast.sameAs(general)).as("%s on %s", op, Arrays.toString(layout)).isTrue();
            }
        }
    }

    private static Tensor randomFloat32(Shape shape, SplittableRandom random) {
        float[] values = new float[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-3, 4)));
        }
        return Tensor.ofFloats(shape, values);
    }

    @Test
    void float16ResultsRoundOnceToNearestEven() {
        // Near 1 float16 has spacing 2^−10: 1 + 2^−11 is a tie that goes to the even 1.0, and 1 + 3·2^−11 a tie
        // that goes to 1 + 2^−9 (mantissa 2, even).
        Tensor ones = f16(1, 1);
        Tensor y = run("Add", ones, f16(0x1.0p-11, 3 * 0x1.0p-11));
        assertThat(y.dtype()).isEqualTo(DType.FLOAT16);
        assertBits(y, 1, 1 + 0x1.0p-9);
        assertBits(run("Add", f16(60000, 65504), f16(10000, 8)), INF, 65504); // 65512 < 65520 stays finite
        assertBits(run("Div", f16(1), f16(3)), 0.333251953125); // 1365·2^−12, the float16 nearest 1/3
        assertBits(run("Mul", f16(0x1.0p-14), f16(0.5)), 0x1.0p-15); // into the subnormals exactly
    }

    @Test
    void integersWrapToTheirWidth() {
        assertThat(run("Add", ints(DType.INT8, 100, -100), ints(DType.INT8, 100, -100)).toLongArray())
                .containsExactly(-56L, 56L);
        assertThat(run("Sub", ints(DType.UINT8, 3), ints(DType.UINT8, 5)).toLongArray()).containsExactly(254L);
        assertThat(run("Mul", ints(DType.INT32, 65536), ints(DType.INT32, 65536)).toLongArray()).containsExactly(0L);
        assertThat(run("Mul", ints(DType.INT16, 200), ints(DType.INT16, 200)).toLongArray())
                .containsExactly(-25536L); // 40000 − 65536
        assertThat(run("Add", ints(DType.INT64, Long.MAX_VALUE), ints(DType.INT64, 1)).toLongArray())
                .containsExactly(Long.MIN_VALUE);
        Tensor y = run("Add", Tensor.ofLongs(Shape.of(2, 1), 1, 2), Tensor.ofLongs(Shape.of(2), 10, 20));
        assertThat(y.shape()).isEqualTo(Shape.of(2, 2));
        assertThat(y.toLongArray()).containsExactly(11L, 21L, 12L, 22L);
    }

    @Test
    void integerDivisionTruncatesTowardZero() {
        Tensor a = ints(DType.INT32, 7, -7, 7, -7, 0);
        Tensor b = ints(DType.INT32, 2, 2, -2, -2, 5);
        assertThat(run("Div", a, b).toLongArray()).containsExactly(3L, -3L, -3L, 3L, 0L);
        assertThat(run("Div", ints(DType.INT8, -128), ints(DType.INT8, -1)).toLongArray()).containsExactly(-128L);
        assertThat(run("Div", ints(DType.UINT8, 255), ints(DType.UINT8, 2)).toLongArray()).containsExactly(127L);
        assertThatThrownBy(() -> run("Div", ints(DType.INT64, 1, 2), ints(DType.INT64, 1, 0)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Div: integer division by zero");
    }

    @Test
    void operandErrors() {
        assertThatThrownBy(() -> run("Add", f32(1), f64(1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Add: inputs A and B must have the same dtype, got float32 and float64");
        assertThatThrownBy(() -> run("Mul", Tensor.ofFloats(Shape.of(2, 3), new float[6]), f32(1, 2)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Mul: shapes [2, 3] and [2] cannot be broadcast together");
        assertThatThrownBy(() -> run("Sub", f32(1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Sub: expects 2 inputs, got 1");
        assertThatThrownBy(() -> run("Div", f32(1), null))
                .isInstanceOf(TensorException.class)
                .hasMessage("Div: missing required input 1 (B)");
        assertThatThrownBy(() -> run("Add", Tensor.ofBooleans(Shape.of(1), true), Tensor.ofBooleans(Shape.of(1), true)))
                .isInstanceOf(TensorException.class)
                .hasMessageStartingWith("Add: input A has unsupported dtype bool");
    }

    @Test
    void opset6BroadcastAttributesAlignBFromAxis() {
        Tensor a = Tensor.ofFloats(Shape.of(2, 3, 2), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Tensor b = Tensor.ofFloats(Shape.of(3), 1, 2, 3);
        Attributes axis1 = Attributes.builder().put("broadcast", 1L).put("axis", 1L).build();
        Tensor y = REGISTRY.run1("Add", axis1, a, b);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 3, 2));
        assertBits(y, 1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3);
        Tensor column = Tensor.ofFloats(Shape.of(2), 10, 20);
        Attributes suffix = Attributes.builder().put("broadcast", 1L).build();
        assertBits(REGISTRY.run1("Mul", suffix, Tensor.ofFloats(Shape.of(2, 2), 1, 2, 3, 4), column), 10, 40, 30, 80);
        Attributes axis2 = Attributes.builder().put("broadcast", 1L).put("axis", 2L).build();
        assertThatThrownBy(() -> REGISTRY.run1("Sub", axis2, a, Tensor.ofFloats(Shape.of(3, 2), new float[6])))
                .isInstanceOf(TensorException.class)
                .hasMessage("Sub: B of shape [3, 2] does not fit in A of shape [2, 3, 2] from axis 2");
    }

    @Test
    void powOnFloatsFollowsC() {
        assertBits(run("Pow", f64(2, 4, -8, 0, 0, NAN, 1, -1, -2), f64(3, 0.5, 1.0 / 3, -1, 0, 0, NAN, INF, -2)),
                8, 2, NAN, INF, 1, 1, 1, 1, 0.25);
        assertBits(run("Pow", f32(2, 10), f32(0.5, -1)), (float) Math.sqrt(2), 0.1f);
        Tensor y = run("Pow", Tensor.ofFloats(Shape.of(2, 2), 1, 2, 3, 4), f32(2, 3));
        assertThat(y.shape()).isEqualTo(Shape.of(2, 2));
        assertBits(y, 1, 8, 9, 64);
    }

    @Test
    void powWithMixedDtypesKeepsTheBaseDtype() {
        Tensor y = run("Pow", f32(2, 0.5, 3), ints(DType.INT64, -2, 3, 0));
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertBits(y, 0.25, 0.125, 1);
        Tensor half = run("Pow", f16(3), f32(0.5));
        assertThat(half.dtype()).isEqualTo(DType.FLOAT16);
        assertBits(half, 1.732421875); // √3 = 1.73205… → 887·2^−9
        // An integer base with a float exponent truncates toward zero: √2 → 1, √9 → 3, 2^−0.5 → 0.
        Tensor truncated = run("Pow", ints(DType.INT64, 2, 9, 2), f32(0.5, 0.5, -0.5));
        assertThat(truncated.dtype()).isEqualTo(DType.INT64);
        assertThat(truncated.toLongArray()).containsExactly(1L, 3L, 0L);
        assertThat(run("Pow", ints(DType.INT32, 3), ints(DType.UINT8, 4)).toLongArray()).containsExactly(81L);
    }

    @Test
    void integerPowIsExactAndWraps() {
        // 3^39 = 4052555153018976267 needs 62 bits, beyond float64's 53: an exact integer loop is required.
        assertThat(run("Pow", ints(DType.INT64, 3), ints(DType.INT64, 39)).toLongArray())
                .containsExactly(4052555153018976267L);
        assertThat(run("Pow", ints(DType.INT32, 2), ints(DType.INT32, 31)).toLongArray())
                .containsExactly((long) Integer.MIN_VALUE);
        assertThat(run("Pow", ints(DType.INT64, 2, 1, -1, -1, 5, 0), ints(DType.INT64, -1, -5, -3, -4, 0, 0))
                .toLongArray()).containsExactly(0L, 1L, -1L, 1L, 1L, 1L);
        assertThat(run("Pow", ints(DType.INT64, -2), ints(DType.INT64, 3)).toLongArray()).containsExactly(-8L);
        assertThatThrownBy(() -> run("Pow", ints(DType.INT64, 0), ints(DType.INT64, -1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Pow: integer 0 raised to the negative power -1");
    }

    @Test
    void powTypeConstraints() {
        assertThatThrownBy(() -> run("Pow", ints(DType.UINT8, 2), ints(DType.UINT8, 2)))
                .isInstanceOf(TensorException.class)
                .hasMessageStartingWith("Pow: input X has unsupported dtype uint8");
        assertThatThrownBy(() -> run("Pow", f32(2), Tensor.ofBooleans(Shape.of(1), true)))
                .isInstanceOf(TensorException.class)
                .hasMessageStartingWith("Pow: input Y has unsupported dtype bool");
        assertThatThrownBy(() -> run("Pow", f32(2, 3), f32(1, 2, 3)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("cannot be broadcast together");
    }
}
