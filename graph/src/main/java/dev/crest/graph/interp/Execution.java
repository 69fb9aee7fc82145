package dev.crest.graph.interp;

import dev.crest.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one interpreter run: the graph outputs and, when the run was traced, every value the run saw
 * (inputs, initializers and each node's outputs in execution order), for localizing where results go wrong.
 *
 * @param outputs graph outputs by name, in the graph's output order
 * @param values every value by name when traced; otherwise only the outputs
 */
public record Execution(Map<String, Tensor> outputs, Map<String, Tensor> values) {
    public Execution {
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The single output of a one-output graph, or the named one. */
    public Tensor output(String name) {
        Tensor t = outputs.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no output named '" + name + "'; outputs are " + outputs.keySet());
        }
        return t;
    }
}
