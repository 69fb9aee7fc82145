package dev.crest.fuzz.reduce;

import dev.crest.graph.Model;
import dev.crest.graph.ValueInfo;
import dev.crest.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model the reducer wants to try, with the values of its required inputs; its reference outputs are computed
 * when it is tested.
 *
 * @param model the candidate model
 * @param inputs a value for every required input of the model, by name
 */
record Candidate(Model model, Map<String, Tensor> inputs) {
    Candidate {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /** The number of nodes. */
    int nodeCount() {
        return model.graph().nodes().size();
    }

    /** The total number of elements in the required inputs and the initializers: what shape shrinking lowers. */
    long elements() {
        long total = 0;
        for (ValueInfo in : model.graph().requiredInputs()) {
            total += inputs.get(in.name()).size();
        }
        for (Tensor t : model.graph().initializers().values()) {
            total += t.size();
        }
        return total;
    }
}
