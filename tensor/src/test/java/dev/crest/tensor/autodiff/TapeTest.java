package dev.crest.tensor.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.kernel.KernelRegistry;
import org.junit.jupiter.api.Test;

/** The tape's bookkeeping: broadcasting, accumulation, constants, custom functions, seeds, dtypes and PROXY mode. */
class TapeTest {
    private static final Attributes NONE = Attributes.empty();

    private static double[] values(Tensor t) {
        return t.toDoubleArray();
    }

    @Test
    void broadcastGradientIsSummedBackToTheInputShape() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofDoubles(Shape.of(2, 3), 1, 2, 3, 4, 5, 6));
        Variable b = tape.parameter(Tensor.ofDoubles(Shape.of(3), 10, 20, 30));
        Variable s = tape.parameter(Tensor.scalar(DType.FLOAT64, 2));
        Variable y = tape.apply("Mul", NONE, tape.apply("Add", NONE, x, b), s);
        Tensor seed = Tensor.ofDoubles(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        Gradients g = tape.backward(y, seed);
        // d/db Σ seed·2(x+b) = 2·(column sums of seed) = 2·[5, 7, 9].
        assertThat(values(g.get(b))).containsExactly(10, 14, 18);
        assertThat(values(g.get(x))).containsExactly(2, 4, 6, 8, 10, 12);
        // d/ds = Σ seed·(x+b) = 1·11 + 2·22 + 3·33 + 4·14 + 5·25 + 6·36.
        assertThat(g.get(s).shape()).isEqualTo(Shape.scalar());
        assertThat(values(g.get(s))).containsExactly(11 + 44 + 99 + 56 + 125 + 216);
    }

    @Test
    void scaledGradientsEqualABackwardPassSeededWithTheFactor() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofFloats(Shape.of(3), -1, 0.5f, 2));
        Variable unused = tape.parameter(Tensor.ofFloats(Shape.of(1), 7));
        // y = Σ x·x, so dy/dx = 2x; a quarter of it is x/2.
        Variable y = tape.apply("ReduceSum", NONE, tape.apply("Mul", NONE, x, x));
        Gradients scaled = tape.backward(y).scaled(0.5).scaled(0.5);
        assertThat(scaled.get(x).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(values(scaled.get(x))).containsExactly(-0.5, 0.25, 1);
        assertThat(values(scaled.get(x)))
                .containsExactly(values(tape.backward(y, Tensor.ofFloats(Shape.of(1), 0.25f)).get(x)));
        assertThat(scaled.get(unused)).isNull();
    }

    @Test
    void gradientsAccumulateWhenAVariableIsUsedSeveralTimes() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofDoubles(Shape.of(3), -1, 0.5, 2));
        // y = x·x + x, so dy/dx = 2x + 1.
        Variable y = tape.apply("Add", NONE, tape.apply("Mul", NONE, x, x), x);
        assertThat(values(tape.backward(y).get(x))).containsExactly(-1, 2, 5);
    }

    @Test
    void constantsIntegerInputsAndUnusedParametersGetNoGradient() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofDoubles(Shape.of(3), 1, 2, 3));
        Variable unused = tape.parameter(Tensor.ofDoubles(Shape.of(1), 7));
        Variable c = tape.constant(Tensor.ofDoubles(Shape.of(3), 4, 5, 6));
        Variable indices = tape.constant(Tensor.ofLongs(Shape.of(2), 2, 2));
        Variable gathered = tape.apply("Gather", NONE, tape.apply("Mul", NONE, x, c), indices);
        Gradients g = tape.backward(gathered);
        assertThat(values(g.get(x))).containsExactly(0, 0, 12); // index 2 taken twice, times c = 6
        assertThat(g.get(c)).isNull();
        assertThat(g.get(indices)).isNull();
        assertThat(g.get(unused)).isNull();
        assertThat(c.requiresGrad()).isFalse();
    }

    @Test
    void nonDifferentiableOperatorsCutTheGraph() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofDoubles(Shape.of(2), 1, -1));
        Variable positive = tape.apply("Greater", NONE, x, tape.constant(Tensor.scalar(DType.FLOAT64, 0)));
        Variable argmax = tape.apply("ArgMax", NONE, x);
        assertThat(positive.requiresGrad()).isFalse();
        assertThat(argmax.requiresGrad()).isFalse();
        Variable masked = tape.apply("Where", NONE, positive, x, tape.constant(Tensor.scalar(DType.FLOAT64, 0)));
        assertThat(values(tape.backward(masked).get(x))).containsExactly(1, 0);
        assertThat(tape.backward(positive).get(x)).isNull();
    }

    @Test
    void everyRegisteredOperatorIsEitherDifferentiableOrDeclaredNonDifferentiable() {
        for (String op : KernelRegistry.standard().opTypes()) {
            assertThat(GradientRules.differentiableOps().contains(op) || GradientRules.isNonDifferentiable(op))
                    .as("operator %s has no gradient rule and is not declared non-differentiable", op)
                    .isTrue();
        }
    }

    @Test
    void customBackwardFunctionsChainWithRegistryOperators() {
        Tape tape = new Tape();
        Tensor xValue = Tensor.ofDoubles(Shape.of(2), 1, 2);
        Variable x = tape.parameter(xValue);
        Variable w = tape.parameter(Tensor.ofDoubles(Shape.of(2), 3, 4));
        // A fast path computing x·w outside the registry, with its own backward.
        Tensor product = Tensor.ofDoubles(Shape.of(2), 3, 8);
        Variable y = tape.custom(product, g -> new Tensor[] {
            Tensor.ofDoubles(Shape.of(2), g.getDouble(0) * 3, g.getDouble(1) * 4),
            Tensor.ofDoubles(Shape.of(2), g.getDouble(0) * 1, g.getDouble(1) * 2)}, x, w);
        Variable loss = tape.apply("ReduceSum", Attributes.builder().put("keepdims", 0L).build(),
                tape.apply("Mul", NONE, y, y));
        Gradients g = tape.backward(loss);
        // loss = Σ (x·w)², d/dx = 2·(x·w)·w, d/dw = 2·(x·w)·x.
        assertThat(values(g.get(x))).containsExactly(18, 64);
        assertThat(values(g.get(w))).containsExactly(6, 32);
    }

    @Test
    void customBackwardMayLeaveInputsWithoutGradient() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofDoubles(Shape.of(1), 2));
        Variable k = tape.parameter(Tensor.ofDoubles(Shape.of(1), 5));
        Variable y = tape.custom(Tensor.ofDoubles(Shape.of(1), 10), g -> new Tensor[] {g, null}, x, k);
        Gradients g = tape.backward(y);
        assertThat(values(g.get(x))).containsExactly(1);
        assertThat(g.get(k)).isNull();
    }

    @Test
    void gradientDTypeFollowsTheVariable() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofFloats(Shape.of(2), 1.5f, -2f));
        Variable wide = tape.apply("Cast", Attributes.builder().put("to", (long) DType.FLOAT64.onnxCode()).build(), x);
        Variable y = tape.apply("Mul", NONE, wide, wide);
        Tensor g = tape.backward(y).get(x);
        assertThat(g.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(values(g)).containsExactly(3, -4);
    }

    @Test
    void seedMustMatchTheOutputShapeAndVariablesTheirTape() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofDoubles(Shape.of(2), 1, 2));
        assertThatThrownBy(() -> tape.backward(x, Tensor.ofDoubles(Shape.of(3), 1, 1, 1)))
                .isInstanceOf(TensorException.class).hasMessageContaining("seed");
        Tape other = new Tape();
        assertThatThrownBy(() -> other.apply("Neg", NONE, x)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tape.parameter(Tensor.ofLongs(Shape.of(1), 1))).isInstanceOf(TensorException.class);
    }

    @Test
    void omittedOptionalInputsAreAllowed() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofDoubles(Shape.of(3), -3, 0.5, 3));
        Variable max = tape.constant(Tensor.scalar(DType.FLOAT64, 1));
        Variable y = tape.apply("Clip", NONE, x, null, max);
        assertThat(values(y.value())).containsExactly(-3, 0.5, 1);
        assertThat(values(tape.backward(y).get(x))).containsExactly(1, 1, 0);
    }

    @Test
    void proxyModeGivesFlatRegionsASlopeAsInNnSmith() {
        Tensor x = Tensor.ofDoubles(Shape.of(4), -2, -0.5, 0.7, 3.2);
        assertThat(gradient(GradientMode.EXACT, "Relu", NONE, x)).containsExactly(0, 0, 1, 1);
        assertThat(gradient(GradientMode.PROXY, "Relu", NONE, x)).containsExactly(0.1, 0.1, 1, 1);
        for (String step : new String[] {"Floor", "Ceil", "Round"}) {
            assertThat(gradient(GradientMode.EXACT, step, NONE, x)).containsExactly(0, 0, 0, 0);
            assertThat(gradient(GradientMode.PROXY, step, NONE, x)).containsExactly(1, 1, 1, 1);
        }
        Attributes flatLeaky = Attributes.builder().put("alpha", 0.0).build();
        Attributes leaky = Attributes.builder().put("alpha", 0.2).build();
        assertThat(gradient(GradientMode.EXACT, "LeakyRelu", flatLeaky, x)).containsExactly(0, 0, 1, 1);
        assertThat(gradient(GradientMode.PROXY, "LeakyRelu", flatLeaky, x)).containsExactly(0.1, 0.1, 1, 1);
        assertThat(gradient(GradientMode.PROXY, "LeakyRelu", leaky, x)).containsExactly(0.2, 0.2, 1, 1);
    }

    private static double[] gradient(GradientMode mode, String op, Attributes attributes, Tensor x) {
        Tape tape = new Tape(mode);
        Variable v = tape.parameter(x);
        return values(tape.backward(tape.apply(op, attributes, v)).get(v));
    }

    @Test
    void proxyModeClipAndMaxPassATenthOutsideTheirSelection() {
        for (GradientMode mode : GradientMode.values()) {
            double flat = mode == GradientMode.PROXY ? 0.1 : 0;
            Tape tape = new Tape(mode);
            Variable x = tape.parameter(Tensor.ofDoubles(Shape.of(3), -2, 0.3, 2));
            Variable lo = tape.parameter(Tensor.scalar(DType.FLOAT64, -1));
            Variable hi = tape.parameter(Tensor.scalar(DType.FLOAT64, 1));
            Gradients g = tape.backward(tape.apply("Clip", NONE, x, lo, hi));
            assertThat(values(g.get(x))).containsExactly(flat, 1, flat);
            // The bounds keep their exact gradient in both modes.
            assertThat(values(g.get(lo))).containsExactly(1);
            assertThat(values(g.get(hi))).containsExactly(1);

            Tape maxTape = new Tape(mode);
            Variable a = maxTape.parameter(Tensor.ofDoubles(Shape.of(2), 1, 5));
            Variable b = maxTape.parameter(Tensor.ofDoubles(Shape.of(2), 3, 4));
            Gradients m = maxTape.backward(maxTape.apply("Max", NONE, a, b));
            assertThat(values(m.get(a))).containsExactly(flat, 1);
            assertThat(values(m.get(b))).containsExactly(1, flat);
            Gradients n = maxTape.backward(maxTape.apply("Min", NONE, a, b));
            assertThat(values(n.get(a))).containsExactly(1, flat);
        }
    }

    @Test
    void tiesInMaxGoToTheFirstInput() {
        Tape tape = new Tape();
        Variable a = tape.parameter(Tensor.ofDoubles(Shape.of(1), 2));
        Variable b = tape.parameter(Tensor.ofDoubles(Shape.of(1), 2));
        Gradients g = tape.backward(tape.apply("Max", NONE, a, b));
        assertThat(values(g.get(a))).containsExactly(1);
        assertThat(values(g.get(b))).containsExactly(0);
    }

    @Test
    void reduceMaxSharesTheGradientAmongTies() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofDoubles(Shape.of(4), 3, 1, 3, 2));
        Gradients g = tape.backward(tape.apply("ReduceMax", Attributes.builder().put("keepdims", 0L).build(), x));
        assertThat(values(g.get(x))).containsExactly(0.5, 0, 0.5, 0);
    }

    @Test
    void anOutputThatNeedsNoGradientGivesNone() {
        Tape tape = new Tape();
        Variable c = tape.constant(Tensor.ofDoubles(Shape.of(2), 1, 2));
        Variable y = tape.apply("Neg", NONE, c);
        assertThat(y.requiresGrad()).isFalse();
        assertThat(tape.backward(y).get(c)).isNull();
    }

    @Test
    void emptyTensorsGetEmptyGradients() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.zeros(DType.FLOAT64, Shape.of(0, 3)));
        Variable b = tape.parameter(Tensor.ofDoubles(Shape.of(3), 1, 2, 3));
        Variable y = tape.apply("Tanh", NONE, tape.apply("Add", NONE, x, b));
        Variable total = tape.apply("ReduceSum", Attributes.builder().put("keepdims", 0L).build(),
                y, tape.constant(Tensor.ofLongs(Shape.of(1), 0)));
        Gradients g = tape.backward(total);
        assertThat(g.get(x).shape()).isEqualTo(Shape.of(0, 3));
        assertThat(values(g.get(b))).containsExactly(0, 0, 0);
    }

    @Test
    void powWithAnIntegerExponentDifferentiatesTheBase() {
        Tape tape = new Tape();
        Variable x = tape.parameter(Tensor.ofDoubles(Shape.of(2), 1.5, -2));
        Variable y = tape.apply("Pow", NONE, x, tape.constant(Tensor.ofLongs(Shape.scalar(), 3)));
        // d/dx x³ = 3x².
        assertThat(values(tape.backward(y).get(x))).containsExactly(6.75, 12);
    }

    @Test
    void legacyAxisBroadcastSumsOverTheAxesOutsideB() {
        Tape tape = new Tape();
        Variable a = tape.parameter(Tensor.ofDoubles(Shape.of(2, 3, 2), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        Variable b = tape.parameter(Tensor.ofDoubles(Shape.of(3), 1, 2, 3));
        Attributes legacy = Attributes.builder().put("broadcast", 1L).put("axis", 1L).build();
        Gradients g = tape.backward(tape.apply("Mul", legacy, a, b));
        // b[j] multiplies a[:, j, :], so its gradient is the sum of that slice.
        assertThat(values(g.get(b))).containsExactly(1 + 2 + 7 + 8, 3 + 4 + 9 + 10, 5 + 6 + 11 + 12);
        assertThat(values(g.get(a))).containsExactly(1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3);
    }
}
