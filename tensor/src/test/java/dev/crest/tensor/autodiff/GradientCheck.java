package dev.crest.tensor.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.KernelRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The finite-difference oracle: compares the tape's gradient of {@code Σ seed·op(inputs)} (a random projection
 * seed, so outputs of any shape are checked) with central differences of the registry kernel, element by
 * element, for every differentiable float64 input.
 */
final class GradientCheck {
    static final double STEP = 1e-6;
    static final Closeness CLOSE = new Closeness(1e-6, 1e-5);
    static final Closeness FLOAT32_CLOSE = new Closeness(1e-3, 1e-3);

    private GradientCheck() {
    }

    /** Checks every input marked differentiable; other inputs (and nulls) are passed as constants. */
    static void assertGradients(String op, Attributes attributes, Tensor[] inputs, boolean[] differentiable,
            SplittableRandom random) {
        assertGradients(op, attributes, inputs, differentiable, random, CLOSE);
    }

    static void assertGradients(String op, Attributes attributes, Tensor[] inputs, boolean[] differentiable,
            SplittableRandom random, Closeness closeness) {
        Tape tape = new Tape();
        Variable[] vars = new Variable[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] != null) {
                vars[i] = differentiable[i] ? tape.parameter(inputs[i]) : tape.constant(inputs[i]);
            }
        }
        Variable y = tape.apply(op, attributes, vars);
        Tensor seed = RandomTensors.uniform(random, y.value().shape(), -1, 1);
        Gradients grads = tape.backward(y, seed);
        Tensor[] narrow = float32Gradients(op, attributes, inputs, differentiable, seed);
        for (int i = 0; i < inputs.length; i++) {
            if (!differentiable[i]) {
                continue;
            }
            Tensor actual = grads.get(vars[i]);
            Tensor actual32 = narrow[i];
            Tensor expected = numericGradient(op, attributes, inputs, i, seed);
            assertThat(actual).as("%s gradient of input %d is missing", op, i).isNotNull();
            int mismatch = closeness.firstMismatch(actual, expected);
            assertThat(mismatch)
                    .as("%s %s input %d: analytic %s vs numeric %s at %d (inputs %s)", op, attributes, i,
                            actual, expected, mismatch, Arrays.toString(inputs))
                    .isEqualTo(-1);
            // The same rule run in float32 gives a float32 gradient close to the float64 one.
            assertThat(actual32.dtype()).isEqualTo(DType.FLOAT32);
            assertThat(FLOAT32_CLOSE.firstMismatch(actual32.cast(DType.FLOAT64), actual))
                    .as("%s %s input %d in float32: %s vs float64 %s", op, attributes, i, actual32, actual)
                    .isEqualTo(-1);
        }
    }

    /** The gradients of the same application with every float64 input cast to float32. */
    private static Tensor[] float32Gradients(String op, Attributes attributes, Tensor[] inputs,
            boolean[] differentiable, Tensor seed) {
        Tape tape = new Tape();
        Variable[] narrowVars = new Variable[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] != null) {
                Tensor t = inputs[i].dtype() == DType.FLOAT64 ? inputs[i].cast(DType.FLOAT32) : inputs[i];
                narrowVars[i] = differentiable[i] ? tape.parameter(t) : tape.constant(t);
            }
        }
        Variable y = tape.apply(op, attributes, narrowVars);
        Gradients grads = tape.backward(y, seed.cast(DType.FLOAT32));
        Tensor[] out = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            out[i] = narrowVars[i] == null ? null : grads.get(narrowVars[i]);
        }
        return out;
    }

    /** Central differences of {@code Σ seed·op(inputs)} with respect to input {@code which}. */
    static Tensor numericGradient(String op, Attributes attributes, Tensor[] inputs, int which, Tensor seed) {
        Tensor x = inputs[which];
        double[] values = x.toDoubleArray();
        double[] grad = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            double original = values[j];
            values[j] = original + STEP;
            double plus = project(op, attributes, inputs, which, Tensor.fromDoubles(DType.FLOAT64, x.shape(), values), seed);
            values[j] = original - STEP;
            double minus = project(op, attributes, inputs, which, Tensor.fromDoubles(DType.FLOAT64, x.shape(), values), seed);
            values[j] = original;
            grad[j] = (plus - minus) / (2 * STEP);
        }
        return Tensor.fromDoubles(DType.FLOAT64, x.shape(), grad);
    }

    private static double project(String op, Attributes attributes, Tensor[] inputs, int which, Tensor replaced,
            Tensor seed) {
        List<Tensor> list = new ArrayList<>(Arrays.asList(inputs));
        list.set(which, replaced);
        Tensor y = KernelRegistry.standard().run(op, list, attributes).get(0);
        double sum = 0;
        for (int k = 0; k < y.size(); k++) {
            sum += seed.getDouble(k) * y.getDouble(k);
        }
        return sum;
    }

    static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    static boolean[] only(int n, int... indices) {
        boolean[] b = new boolean[n];
        for (int i : indices) {
            b[i] = true;
        }
        return b;
    }
}
