package dev.crest.fuzz.diff;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.DType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the values of a model that were computed in float16: the outputs of an operator with a float16 output,
 * and everything computed from such a value. Graph inputs and initializers are exact and do not count, and
 * neither does an operator that only reads float16 inputs (a {@code Cast} from float16 to float32 is exact);
 * these are the values {@link Tolerance}'s float16 pair applies to.
 */
public final class HalfPrecisionValues {
    private HalfPrecisionValues() {
    }

    /** The float16-computed values of {@code model}, by the types it declares (inputs, value infos, outputs). */
    public static Set<String> of(Model model) {
        Graph graph = model.graph();
        Map<String, TensorType> types = new HashMap<>();
        graph.valueInfos().forEach(v -> types.put(v.name(), v.type()));
        graph.outputs().forEach(v -> types.put(v.name(), v.type()));
        return of(model, types);
    }

    /** The float16-computed values of {@code model}, given the type of every value an operator produces. */
    public static Set<String> of(Model model, Map<String, TensorType> types) {
        Set<String> affected = new HashSet<>();
        for (Node node : model.graph().nodes()) {
            boolean computesHalf = node.outputs().stream()
                    .anyMatch(o -> types.containsKey(o) && types.get(o).dtype() == DType.FLOAT16);
            boolean readsComputedHalf = node.inputs().stream().anyMatch(affected::contains);
            if (computesHalf || readsComputedHalf) {
                node.outputs().stream().filter(o -> !o.isEmpty()).forEach(affected::add);
            }
        }
        return affected;
    }
}
