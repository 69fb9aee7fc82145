package dev.crest.tensor.autodiff;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.kernel.KernelRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Records operator applications on {@link Variable}s and runs reverse-mode differentiation over them. Forward
 * values come from the kernels of {@link KernelRegistry#standard()}; gradients from the operator's rule in
 * {@link GradientRules} or from a {@link BackwardFunction} given to {@link #custom}. Not thread-safe.
 */
public final class Tape {
    private final GradientMode mode;
    private final List<Node> nodes = new ArrayList<>();

    /** A tape with {@link GradientMode#EXACT} derivatives. */
    public Tape() {
        this(GradientMode.EXACT);
    }

    public Tape(GradientMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        this.mode = mode;
    }

    public GradientMode mode() {
        return mode;
    }

    /** A leaf that receives a gradient; it must hold a float tensor. */
    public Variable parameter(Tensor value) {
        if (!value.dtype().isFloat()) {
            throw new TensorException("a parameter must be a float tensor, got " + value.dtype().displayName()
                    + "; use constant() for integer and bool tensors");
        }
        return new Variable(this, value, true);
    }

    /** A leaf without a gradient. */
    public Variable constant(Tensor value) {
        return new Variable(this, value, false);
    }

    /** Applies a single-output operator of {@link KernelRegistry#standard()}; {@code null} marks an omitted input. */
    public Variable apply(String opType, Attributes attributes, Variable... inputs) {
        List<Variable> outputs = applyMulti(opType, attributes, 1, inputs);
        return outputs.get(0);
    }

    /**
     * Applies an operator and returns its first {@code outputs} outputs (e.g. MaxPool's values and indices);
     * {@code null} marks an omitted input.
     */
    public List<Variable> applyMulti(String opType, Attributes attributes, int outputs, Variable... inputs) {
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be at least 1, got " + outputs);
        }
        List<Tensor> values = values(inputs);
        List<Tensor> results = KernelRegistry.standard().run(opType, values, attributes);
        if (results.size() < outputs) {
            throw new TensorException(opType + " produced " + results.size() + " outputs but " + outputs
                    + " were requested");
        }
        boolean differentiable = !GradientRules.isNonDifferentiable(opType) && anyRequiresGrad(inputs);
        List<Variable> out = new ArrayList<>(outputs);
        boolean anyOutputGrad = false;
        for (int k = 0; k < outputs; k++) {
            Tensor r = results.get(k);
            boolean grad = differentiable && r.dtype().isFloat();
            anyOutputGrad |= grad;
            out.add(new Variable(this, r, grad));
        }
        if (anyOutputGrad) {
            nodes.add(new Node(opType, attributes, inputs.clone(), values, out, results, null));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Records an operation computed by the caller (a fast path such as a float32 layer): {@code output} is its
     * value and {@code backward} maps the output gradient to one gradient per input.
     */
    public Variable custom(Tensor output, BackwardFunction backward, Variable... inputs) {
        if (backward == null) {
            throw new IllegalArgumentException("backward must not be null");
        }
        List<Tensor> values = values(inputs);
        boolean grad = output.dtype().isFloat() && anyRequiresGrad(inputs);
        Variable out = new Variable(this, output, grad);
        if (grad) {
            nodes.add(new Node("custom", Attributes.empty(), inputs.clone(), values, List.of(out), List.of(output),
                    backward));
        }
        return out;
    }

    /** Gradients of {@code output} seeded with ones of its shape (for a scalar loss: d loss / d v). */
    public Gradients backward(Variable output) {
        return backward(output, Tensor.full(output.value().dtype(), output.value().shape(), 1.0));
    }

    /** Gradients of the scalar {@code sum(output * seed)}; {@code seed} must have the output's shape. */
    public Gradients backward(Variable output, Tensor seed) {
        checkOwned(output);
        if (!seed.shape().equals(output.value().shape())) {
            throw new TensorException("the seed has shape " + seed.shape() + " but the output has shape "
                    + output.value().shape());
        }
        IdentityHashMap<Variable, Tensor> grads = new IdentityHashMap<>();
        if (!output.requiresGrad()) {
            return new Gradients(grads);
        }
        grads.put(output, KernelCalls.cast(seed, output.value().dtype()));
        for (int n = nodes.size() - 1; n >= 0; n--) {
            Node node = nodes.get(n);
            Tensor[] outputGrads = new Tensor[node.outputs.size()];
            boolean any = false;
            for (int k = 0; k < outputGrads.length; k++) {
                outputGrads[k] = grads.get(node.outputs.get(k));
                any |= outputGrads[k] != null;
            }
            if (any) {
                propagate(node, outputGrads, grads);
            }
        }
        return new Gradients(grads);
    }

    private void propagate(Node node, Tensor[] outputGrads, IdentityHashMap<Variable, Tensor> grads) {
        boolean[] needs = new boolean[node.inputs.length];
        for (int i = 0; i < needs.length; i++) {
            needs[i] = node.inputs[i] != null && node.inputs[i].requiresGrad();
        }
        Tensor[] inputGrads;
        if (node.custom != null) {
            Tensor g = outputGrads[0];
            inputGrads = node.custom.apply(g);
            if (inputGrads == null || inputGrads.length != node.inputs.length) {
                throw new IllegalStateException("a custom backward function returned "
                        + (inputGrads == null ? "null" : inputGrads.length + " gradients") + " for "
                        + node.inputs.length + " inputs");
            }
        } else {
            GradientRule rule = GradientRules.find(node.opType).orElseThrow(() -> new TensorException(
                    "no gradient rule for operator '" + node.opType + "'; pass its inputs as constants"));
            GradientContext context = new GradientContext(node.opType, node.attributes, node.inputValues,
                    node.outputValues, outputGrads, needs, mode);
            try {
                inputGrads = rule.backward(context);
            } catch (TensorException e) {
                throw new TensorException("gradient of " + node.opType + ": " + e.getMessage(), e);
            }
        }
        for (int i = 0; i < needs.length; i++) {
            if (!needs[i] || i >= inputGrads.length || inputGrads[i] == null) {
                continue;
            }
            Variable v = node.inputs[i];
            Tensor g = inputGrads[i];
            Shape expected = v.value().shape();
            if (!g.shape().equals(expected)) {
                throw new IllegalStateException("gradient rule of " + node.opType + " gave shape " + g.shape()
                        + " for input " + i + " of shape " + expected);
            }
            g = KernelCalls.cast(g, v.value().dtype());
            Tensor previous = grads.get(v);
            grads.put(v, previous == null ? g : KernelCalls.add(previous, g));
        }
    }

    private List<Tensor> values(Variable[] inputs) {
        Tensor[] values = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] != null) {
                checkOwned(inputs[i]);
                values[i] = inputs[i].value();
            }
        }
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    private void checkOwned(Variable v) {
        if (v.tape() != this) {
            throw new IllegalArgumentException("variable belongs to another tape: " + v);
        }
    }

    private static boolean anyRequiresGrad(Variable[] inputs) {
        for (Variable v : inputs) {
            if (v != null && v.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /** One recorded application: its inputs and outputs, and a custom backward for {@link #custom} nodes. */
    private static final class Node {
        final String opType;
        final Attributes attributes;
        final Variable[] inputs;
        final List<Tensor> inputValues;
        final List<Variable> outputs;
        final List<Tensor> outputValues;
        final BackwardFunction custom;

        Node(String opType, Attributes attributes, Variable[] inputs, List<Tensor> inputValues,
                List<Variable> outputs, List<Tensor> outputValues, BackwardFunction custom) {
            this.opType = opType;
            this.attributes = attributes;
            this.inputs = inputs;
            this.inputValues = inputValues;
            this.outputs = outputs;
            this.outputValues = outputValues;
            this.custom = custom;
        }
    }
}
