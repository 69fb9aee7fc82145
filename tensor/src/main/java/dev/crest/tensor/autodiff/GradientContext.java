package dev.crest.tensor.autodiff;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Tensor;
import java.util.List;

/**
 * What a {@link GradientRule} sees of one recorded operator application: its inputs and outputs as computed in
 * the forward pass, its attributes, the gradients arriving at its outputs, which inputs need a gradient and the
 * tape's {@link GradientMode}.
 */
final class GradientContext {
    private final String opType;
    private final Attributes attributes;
    private final List<Tensor> inputs;
    private final List<Tensor> outputs;
    private final Tensor[] outputGradients;
    private final boolean[] needs;
    private final GradientMode mode;

    GradientContext(String opType, Attributes attributes, List<Tensor> inputs, List<Tensor> outputs,
            Tensor[] outputGradients, boolean[] needs, GradientMode mode) {
        this.opType = opType;
        this.attributes = attributes;
        this.inputs = inputs;
        this.outputs = outputs;
        this.outputGradients = outputGradients;
        this.needs = needs;
        this.mode = mode;
    }

    String opType() {
        return opType;
    }

    Attributes attributes() {
        return attributes;
    }

    int inputCount() {
        return inputs.size();
    }

    /** Input {@code i}, or {@code null} when it was omitted. */
    Tensor input(int i) {
        return i < inputs.size() ? inputs.get(i) : null;
    }

    Tensor output() {
        return outputs.get(0);
    }

    Tensor output(int k) {
        return outputs.get(k);
    }

    /** The gradient arriving at output 0 (zeros when only other outputs were used). */
    Tensor gradient() {
        return gradient(0);
    }

    /** The gradient arriving at output {@code k}, zeros of its shape when none arrived. */
    Tensor gradient(int k) {
        Tensor g = outputGradients[k];
        return g != null ? g : Tensor.zeros(outputs.get(k).dtype(), outputs.get(k).shape());
    }

    /** True when input {@code i} is present and needs a gradient. */
    boolean needs(int i) {
        return i < needs.length && needs[i];
    }

    GradientMode mode() {
        return mode;
    }
}
