package dev.crest.fuzz.gen;

import dev.crest.fuzz.spec.OpFamily;
import dev.crest.fuzz.spec.OpSpec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws the next operator to insert: first a family uniformly among the families present, then an operator
 * uniformly within it, so that large families (casts, comparisons, element-wise math) do not crowd out the
 * few convolutions, poolings or interpolations.
 */
final class OperatorChooser {
    private final List<List<OpSpec>> families;

    /** Keeps the operators that exist in {@code opset}, grouped by family in the families' declaration order. */
    OperatorChooser(List<OpSpec> specs, int opset) {
        Map<OpFamily, List<OpSpec>> byFamily = new EnumMap<>(OpFamily.class);
        for (OpSpec spec : specs) {
            if (spec.sinceOpset() <= opset) {
                byFamily.computeIfAbsent(spec.family(), f -> new ArrayList<>()).add(spec);
            }
        }
        this.families = List.copyOf(byFamily.values());
        if (families.isEmpty()) {
            throw new IllegalArgumentException("no operator exists in opset " + opset);
        }
    }

    OpSpec next(SplittableRandom random) {
        List<OpSpec> family = families.get(random.nextInt(families.size()));
        return family.get(random.nextInt(family.size()));
    }
}
