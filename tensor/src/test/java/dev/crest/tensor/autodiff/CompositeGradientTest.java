package dev.crest.tensor.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Whole graphs rather than single operators: the chain rule through a small network with a reused input, checked
 * against finite differences of the graph, and float32 gradients agreeing with float64 ones.
 */
class CompositeGradientTest {
    private static final Attributes NONE = Attributes.empty();

    /** y = ReduceMean(Softmax(Relu(x·W + b)) · Tanh(x·W)) — x·W is computed once and used twice. */
    private static Variable network(Tape tape, Variable[] p) {
        Variable xw = tape.apply("MatMul", NONE, p[0], p[1]);
        Variable hidden = tape.apply("Relu", NONE, tape.apply("Add", NONE, xw, p[2]));
        Variable probabilities = tape.apply("Softmax", NONE, hidden);
        Variable gated = tape.apply("Mul", NONE, probabilities, tape.apply("Tanh", NONE, xw));
        Variable summed = tape.apply("Concat", Attributes.builder().put("axis", 0L).build(), gated, p[0]);
        return tape.apply("ReduceMean", Attributes.builder().put("keepdims", 0L).build(), summed);
    }

    private static Tensor[] parameters(SplittableRandom random, DType dtype, int batch, int width) {
        return new Tensor[] {
            RandomTensors.uniform(random, Shape.of(batch, width), -1, 1).cast(dtype),
            RandomTensors.uniform(random, Shape.of(width, width), -1, 1).cast(dtype),
            RandomTensors.uniform(random, Shape.of(width), -1, 1).cast(dtype)};
    }

    private static double evaluate(BiFunction<Tape, Variable[], Variable> graph, Tensor[] values) {
        Tape tape = new Tape();
        Variable[] vars = new Variable[values.length];
        for (int i = 0; i < values.length; i++) {
            vars[i] = tape.constant(values[i]);
        }
        return graph.apply(tape, vars).value().getDouble(0);
    }

    @Property(tries = 30)
    void chainRuleThroughASmallNetwork(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor[] values = parameters(random, DType.FLOAT64, 1 + random.nextInt(3), 1 + random.nextInt(3));
        Tape tape = new Tape();
        Variable[] vars = new Variable[values.length];
        for (int i = 0; i < values.length; i++) {
            vars[i] = tape.parameter(values[i]);
        }
        Gradients grads = tape.backward(network(tape, vars));
        for (int i = 0; i < values.length; i++) {
            double[] v = values[i].toDoubleArray();
            double[] numeric = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                Tensor[] shifted = values.clone();
                double original = v[j];
                v[j] = original + GradientCheck.STEP;
                shifted[i] = Tensor.ofDoubles(values[i].shape(), v);
                double plus = evaluate(CompositeGradientTest::network, shifted);
                v[j] = original - GradientCheck.STEP;
                shifted[i] = Tensor.ofDoubles(values[i].shape(), v);
                double minus = evaluate(CompositeGradientTest::network, shifted);
                v[j] = original;
                numeric[j] = (plus - minus) / (2 * GradientCheck.STEP);
            }
            Tensor expected = Tensor.ofDoubles(values[i].shape(), numeric);
            assertThat(GradientCheck.CLOSE.firstMismatch(grads.get(vars[i]), expected))
                    .as("parameter %d: %s vs %s", i, grads.get(vars[i]), expected).isEqualTo(-1);
        }
    }

    @Property(tries = 30)
    void float32GradientsAgreeWithFloat64(@ForAll long seed) {
        SplittableRandom first = new SplittableRandom(seed);
        SplittableRandom second = new SplittableRandom(seed);
        int batch = 1 + first.nextInt(3);
        int width = 1 + first.nextInt(3);
        second.nextInt(3);
        second.nextInt(3);
        Tensor[] wide = parameters(first, DType.FLOAT64, batch, width);
        Tensor[] narrow = parameters(second, DType.FLOAT32, batch, width);
        Tensor[] g64 = gradients(wide);
        Tensor[] g32 = gradients(narrow);
        for (int i = 0; i < g64.length; i++) {
            assertThat(g32[i].dtype()).isEqualTo(DType.FLOAT32);
            assertThat(new Closeness(1e-5, 1e-3).firstMismatch(g32[i].cast(DType.FLOAT64), g64[i]))
                    .as("parameter %d: %s vs %s", i, g32[i], g64[i]).isEqualTo(-1);
        }
    }

    private static Tensor[] gradients(Tensor[] values) {
        Tape tape = new Tape();
        Variable[] vars = new Variable[values.length];
        for (int i = 0; i < values.length; i++) {
            vars[i] = tape.parameter(values[i]);
        }
        Gradients grads = tape.backward(network(tape, vars));
        Tensor[] out = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = grads.get(vars[i]);
        }
        return out;
    }
}
