package dev.crest.fuzz.testing;

import dev.crest.fuzz.backend.Backend;
import dev.crest.fuzz.backend.BackendProvider;
import dev.crest.graph.Model;
import dev.crest.graph.interp.Interpreter;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Backends that compute exactly one operator wrong, for localization and deduplication tests: Crest's own
 * interpreter with one kernel replaced. Registered through {@link java.util.ServiceLoader} from the test class path
 * so the worker process sees them too.
 */
public final class MiscomputingBackends implements BackendProvider {
    /** Adds 1 to every element of every float32 Sigmoid output; every other operator and dtype is right. */
    public static final String SIGMOID_PLUS_ONE = "test-sigmoid-plus-one";
    /** Adds 1 to every element of every float32 Relu output. */
    public static final String RELU_PLUS_ONE = "test-relu-plus-one";
    /**
     * Scales float32 Relu results by 1 + 1e-4, well within tolerance: a stand-in for an engine's legitimate
     * rounding, which an ill-conditioned operation downstream (a cosine of a large argument) amplifies.
     */
    public static final String RELU_SLIGHTLY_OFF = "test-relu-slightly-off";
    /**
     * Adds 1 to the float results of a model with exactly one output and is right otherwise: a stand-in for a
     * wrong fusion that exposing the intermediate values (more outputs) switches off.
     */
    public static final String FUSED_PLUS_ONE = "test-fused-plus-one";
    /**
     * Adds 1 to float32 Sigmoid results only inside a model of more than one node: run alone the operator is
     * right, as when an engine feeds an operator values at another precision than the graph outputs show.
     */
    public static final String SIGMOID_PLUS_ONE_IN_CONTEXT = "test-sigmoid-plus-one-in-context";
    /** Adds {@link #TANH_ERROR} to every Tanh output of any float dtype: the planted bug the reducer must isolate. */
    public static final String WRONG_TANH = "test-wrong-tanh";
    /** The exact reference interpreter under a backend name, to serve as an unoptimized baseline. */
    public static final String EXACT = "test-exact";
    /** What {@link #WRONG_TANH} adds to each Tanh output element. */
    public static final double TANH_ERROR = 0.5;

    @Override
    public List<String> names() {
        return List.of(SIGMOID_PLUS_ONE, RELU_PLUS_ONE, RELU_SLIGHTLY_OFF, FUSED_PLUS_ONE, SIGMOID_PLUS_ONE_IN_CONTEXT,
                WRONG_TANH, EXACT);
    }

    @Override
    public Backend create(String name) {
        switch (name) {
            case SIGMOID_PLUS_ONE:
                return new OneWrongKernel(name, "Sigmoid");
            case RELU_PLUS_ONE:
                return new OneWrongKernel(name, "Relu");
            case RELU_SLIGHTLY_OFF:
                return new OneWrongKernel(name, "Relu", x -> x * (1 + 1e-4), false);
            case WRONG_TANH:
                return new OneWrongKernel(name, "Tanh", x -> x + TANH_ERROR, true);
            case EXACT:
                return new OneWrongKernel(name, "");
            case SIGMOID_PLUS_ONE_IN_CONTEXT:
                return new OneWrongKernel(name, "Sigmoid") {
                    private final Interpreter right = Interpreter.standard();

                    @Override
                    public Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs) {
                        Model model = ((Parsed) compiled).model();
                        return model.graph().nodes().size() > 1 ? super.run(compiled, inputs)
                                : right.run(model, inputs);
                    }
                };
            case FUSED_PLUS_ONE:
                return new OneWrongKernel(name, "") {
                    @Override
                    public Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs) {
                        Map<String, Tensor> outputs = super.run(compiled, inputs);
                        if (outputs.size() != 1) {
                            return outputs;
                        }
                        Map.Entry<String, Tensor> only = outputs.entrySet().iterator().next();
                        return Map.of(only.getKey(), MiscomputingBackends.plusOne(only.getValue(), true));
                    }
                };
            default:
                throw new IllegalArgumentException(name);
        }
    }

    private static Tensor plusOne(Tensor t, boolean anyFloat) {
        return apply(t, anyFloat, x -> x + 1);
    }

    private static Tensor apply(Tensor t, boolean anyFloat, DoubleUnaryOperator change) {
        if (anyFloat ? !t.dtype().isFloat() : t.dtype() != DType.FLOAT32) {
            return t;
        }
        double[] values = t.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = change.applyAsDouble(values[i]);
        }
        return Tensor.fromDoubles(t.dtype(), t.shape(), values);
    }

    /** The reference interpreter whose kernel for one operator changes its float32 results (by default: adds 1). */
    private static class OneWrongKernel extends ReplacedKernelsBackend {
        OneWrongKernel(String name, String wrongOperator) {
            this(name, wrongOperator, x -> x + 1, false);
        }

        /** {@code change} applies to float32 results, or to results of every float dtype when {@code anyFloat}. */
        OneWrongKernel(String name, String wrongOperator, DoubleUnaryOperator change, boolean anyFloat) {
            super(name, (op, kernel) -> op.equals(wrongOperator) ? changedKernel(kernel, change, anyFloat) : kernel);
        }

        private static Kernel changedKernel(Kernel right, DoubleUnaryOperator change, boolean anyFloat) {
            return (inputs, attributes) -> {
                List<Tensor> results = new ArrayList<>();
                for (Tensor t : right.apply(inputs, attributes)) {
                    results.add(MiscomputingBackends.apply(t, anyFloat, change));
                }
                return results;
            };
        }
    }
}
