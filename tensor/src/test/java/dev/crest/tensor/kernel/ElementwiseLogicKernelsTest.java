package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import org.junit.jupiter.api.Test;

class ElementwiseLogicKernelsTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static Tensor run(String op, Tensor... inputs) {
        return REGISTRY.run1(op, Attributes.empty(), inputs);
    }

    private static Tensor f32(double... values) {
        return Tensor.fromDoubles(DType.FLOAT32, Shape.of(values.length), values);
    }

    private static Tensor ints(DType dtype, long... values) {
        return Tensor.fromLongs(dtype, Shape.of(values.length), values);
    }

    private static Tensor bools(boolean... values) {
        return Tensor.ofBooleans(Shape.of(values.length), values);
    }

    private static void assertBools(Tensor actual, boolean... expected) {
        assertThat(actual.dtype()).isEqualTo(DType.BOOL);
        long[] want = new long[expected.length];
        for (int i = 0; i < want.length; i++) {
            want[i] = expected[i] ? 1 : 0;
        }
        assertThat(actual.toLongArray()).as("%s", actual).containsExactly(want);
    }

    @Test
    void floatComparisonsWithNanAreFalseAndZerosAreEqual() {
        Tensor a = f32(1, NAN, -0.0, 2, INF, -INF);
        Tensor b = f32(1, NAN, 0.0, 3, INF, 0);
        assertBools(run("Equal", a, b), true, false, true, false, true, false);
        assertBools(run("Greater", a, b), false, false, false, false, false, false);
        assertBools(run("Less", a, b), false, false, false, true, false, true);
        assertBools(run("Greater", f32(NAN, 1), f32(1, NAN)), false, false);
        assertBools(run("Less", f32(NAN, 1), f32(1, NAN)), false, false);
    }

    @Test
    void integerComparisonsAreExactBeyondFloat64Precision() {
        long big = 1L << 53;
        Tensor a = Tensor.ofLongs(Shape.of(2), big, big + 1);
        Tensor b = Tensor.ofLongs(Shape.of(2), big + 1, big + 1);
        assertBools(run("Equal", a, b), false, true);
        assertBools(run("Less", a, b), true, false);
        assertBools(run("Greater", b, a), true, false);
        assertBools(run("Greater", ints(DType.UINT8, 200), ints(DType.UINT8, 100)), true);
        assertBools(run("Less", ints(DType.INT8, -1), ints(DType.INT8, 1)), true);
        assertBools(run("Equal", ints(DType.INT16, -5), ints(DType.INT16, -5)), true);
    }

    @Test
    void equalAlsoComparesBools() {
        assertBools(run("Equal", bools(true, true, false, false), bools(true, false, true, false)),
                true, false, false, true);
        assertThatThrownBy(() -> run("Greater", bools(true), bools(false)))
                .isInstanceOf(TensorException.class)
                .hasMessageStartingWith("Greater: input A has unsupported dtype bool");
    }

    @Test
    void comparisonsBroadcast() {
        Tensor matrix = Tensor.ofLongs(Shape.of(2, 2), 1, 2, 3, 4);
        Tensor y = run("Greater", matrix, Tensor.ofLongs(Shape.of(2, 1), 1, 3));
        assertThat(y.shape()).isEqualTo(Shape.of(2, 2));
        assertBools(y, false, true, false, true);
        assertBools(run("Equal", matrix, Tensor.scalar(DType.INT64, 3)), false, false, true, false);
        assertThatThrownBy(() -> run("Less", matrix, Tensor.ofLongs(Shape.of(3), 1, 2, 3)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Less: shapes [2, 2] and [3] cannot be broadcast together");
    }

    @Test
    void comparisonOperandErrors() {
        assertThatThrownBy(() -> run("Equal", f32(1), Tensor.ofLongs(Shape.of(1), 1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Equal: inputs A and B must have the same dtype, got float32 and int64");
        assertThatThrownBy(() -> run("Less", f32(1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Less: expects 2 inputs, got 1");
    }

    @Test
    void logicTruthTablesWithBroadcasting() {
        Tensor a = Tensor.ofBooleans(Shape.of(2, 2), true, true, false, false);
        Tensor b = bools(true, false);
        assertBools(run("And", a, b), true, false, false, false);
        assertBools(run("Or", a, b), true, true, true, false);
        assertBools(run("Xor", a, b), false, true, true, false);
        assertThat(run("And", a, b).shape()).isEqualTo(Shape.of(2, 2));
        assertBools(run("Not", bools(true, false)), false, true);
        assertThat(run("Not", Tensor.ofBooleans(Shape.scalar(), true)).shape()).isEqualTo(Shape.scalar());
    }

    @Test
    void logicNeedsBools() {
        assertThatThrownBy(() -> run("And", f32(1), f32(1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("And: input A has unsupported dtype float32 (allowed: bool)");
        assertThatThrownBy(() -> run("Or", bools(true), ints(DType.INT8, 1)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Or: inputs A and B must have the same dtype, got bool and int8");
        assertThatThrownBy(() -> run("Not", ints(DType.INT32, 0)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Not: input X has unsupported dtype int32 (allowed: bool)");
        assertThatThrownBy(() -> run("Xor", bools(true), bools(true), bools(true)))
                .isInstanceOf(TensorException.class)
                .hasMessage("Xor: expects 2 inputs, got 3");
    }
}
