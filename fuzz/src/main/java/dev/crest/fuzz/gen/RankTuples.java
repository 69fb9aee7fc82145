package dev.crest.fuzz.gen;

import dev.crest.fuzz.spec.OpSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input-rank combinations each operator accepts, found by asking {@link OpSpec#acceptsRanks} and remembered
 * for one generation. Up to four inputs every combination is tried; beyond that only combinations of at most two
 * distinct ranks, which covers the variadic operators (Concat, Max, Sum) without trying 6^n tuples.
 */
final class RankTuples {
    private static final int FULL_ENUMERATION_LIMIT = 4;

    private final int maxRank;
    private final Map<String, List<int[]>> cache = new HashMap<>();

    RankTuples(int maxRank) {
        this.maxRank = maxRank;
    }

    /** The accepted tuples of {@code spec} with {@code inputCount} data inputs, in a fixed order. */
    List<int[]> of(OpSpec spec, int inputCount) {
        return cache.computeIfAbsent(spec.opType() + "/" + inputCount, key -> enumerate(spec, inputCount));
    }

    private List<int[]> enumerate(OpSpec spec, int inputCount) {
        List<int[]> accepted = new ArrayList<>();
        if (inputCount <= FULL_ENUMERATION_LIMIT) {
            int[] ranks = new int[inputCount];
            collectAll(spec, ranks, 0, accepted);
        } else {
            collectTwoValued(spec, inputCount, accepted);
        }
        return List.copyOf(accepted);
    }

    private void collectAll(OpSpec spec, int[] ranks, int position, List<int[]> accepted) {
        if (position == ranks.length) {
            if (spec.acceptsRanks(ranks.clone())) {
                accepted.add(ranks.clone());
            }
            return;
        }
        for (int r = 0; r <= maxRank; r++) {
            ranks[position] = r;
            collectAll(spec, ranks, position + 1, accepted);
        }
    }

    private void collectTwoValued(OpSpec spec, int inputCount, List<int[]> accepted) {
        for (int low = 0; low <= maxRank; low++) {
            for (int high = low; high <= maxRank; high++) {
                int masks = low == high ? 1 : 1 << inputCount;
                for (int mask = 0; mask < masks; mask++) {
                    int[] ranks = new int[inputCount];
                    for (int i = 0; i < inputCount; i++) {
                        ranks[i] = (mask >> i & 1) == 1 ? high : low;
                    }
                    if (low != high && (mask == 0 || mask == masks - 1)) {
                        continue; // the all-equal tuples are tried once, when low == high
                    }
                    if (spec.acceptsRanks(ranks.clone())) {
                        accepted.add(ranks);
                    }
                }
            }
        }
    }
}
