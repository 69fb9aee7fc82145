package dev.crest.graph.conformance;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One operator application to check: op type, attributes, inputs (data fed at run time, constants stored as
 * initializers, {@code null} for an omitted optional input) and how many outputs to compare.
 */
final class OpCase {
    final String op;
    final List<Tensor> inputs = new ArrayList<>();
    final List<Boolean> constant = new ArrayList<>();
    Attributes attributes = Attributes.empty();
    int outputs = 1;
    long opset = dev.crest.tensor.kernel.KernelRegistry.OPSET;
    /** Overrides the per-dtype tolerance, for cases where ONNX Runtime is knowingly less precise. */
    dev.crest.tensor.Closeness tolerance;

    OpCase(String op) {
        this.op = op;
    }

    /** Adds a run-time input. */
    OpCase in(Tensor t) {
        inputs.add(t);
        constant.add(false);
        return this;
    }

    /** Adds an input stored as an initializer, as exporters store shapes, axes and weights. */
    OpCase constant(Tensor t) {
        inputs.add(t);
        constant.add(true);
        return this;
    }

    /** Adds an omitted optional input. */
    OpCase omitted() {
        inputs.add(null);
        constant.add(false);
        return this;
    }

    OpCase attrs(Consumer<Attributes.Builder> build) {
        Attributes.Builder b = Attributes.builder();
        build.accept(b);
        attributes = b.build();
        return this;
    }

    OpCase tolerance(dev.crest.tensor.Closeness closeness) {
        tolerance = closeness;
        return this;
    }

    /** Declares an older default-domain opset, to check the older attribute forms. */
    OpCase opset(long version) {
        opset = version;
        return this;
    }

    OpCase outputs(int n) {
        outputs = n;
        return this;
    }

    /** The run-time inputs by name. */
    Map<String, Tensor> feeds() {
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) != null && !constant.get(i)) {
                feeds.put("in" + i, inputs.get(i));
            }
        }
        return feeds;
    }

    /**
     * A one-node model; outputs are declared with the given dtypes and unknown shapes, or not declared at all
     * when {@code outputTypes} is null (then only a trace shows them).
     */
    Model model(List<DType> outputTypes) {
        Graph.Builder g = Graph.builder().name(op);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            if (t == null) {
                names.add("");
                continue;
            }
            names.add("in" + i);
            if (constant.get(i)) {
                g.initializer("in" + i, t);
            } else {
                g.input("in" + i, TensorType.of(t.dtype(), t.shape()));
            }
        }
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            outs.add("out" + i);
            if (outputTypes != null) {
                g.output("out" + i, TensorType.unranked(outputTypes.get(i)));
            }
        }
        g.node(Node.builder(op).name(op).inputs(names).outputs(outs).attributes(attributes).build());
        return Model.builder(g.build()).opset("", opset).build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(op).append(' ').append(attributes).append(" inputs:");
        for (Tensor t : inputs) {
            sb.append(' ').append(t == null ? "(omitted)" : t.toString());
        }
        return sb.toString();
    }
}
