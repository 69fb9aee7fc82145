package dev.crest.fuzz.search;

import dev.crest.graph.Model;
import java.util.Set;

/**
 * The operators whose inputs must stay in a restricted domain for the output to be finite (NNSmith's
 * "vulnerable" operators, with Reciprocal beside Div): the models on which the input search's success rate is
 * measured are those containing at least one of them.
 */
public final class DomainLimitedOps {
    /** Div, Reciprocal, Sqrt, Log, Pow, Asin, Acos. */
    public static final Set<String> OP_TYPES = Set.of("Div", "Reciprocal", "Sqrt", "Log", "Pow", "Asin", "Acos");

    private DomainLimitedOps() {
    }

    public static boolean isDomainLimited(String opType) {
        return OP_TYPES.contains(opType);
    }

    /** True when a default-domain node of {@code model} is domain-limited. */
    public static boolean appearIn(Model model) {
        return model.graph().nodes().stream().anyMatch(n -> n.domain().isEmpty() && isDomainLimited(n.opType()));
    }
}
