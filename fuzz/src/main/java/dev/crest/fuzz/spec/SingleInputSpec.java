package dev.crest.fuzz.spec;

import dev.crest.tensor.DType;

import java.util.List;

/**
 * Base of operators with one data input whose output keeps the input's dtype (shape operators, reductions,
 * pools, Clip...): they differ only in the input ranks they take and in their instances.
 */
abstract class SingleInputSpec extends AbstractOpSpec {
    private final List<DType> dtypes;
    private final int minRank;
    private final int maxRank;

    SingleInputSpec(String opType, OpFamily family, List<DType> dtypes, int minRank, int maxRank) {
        super(opType, family);
        this.dtypes = List.copyOf(dtypes);
        this.minRank = minRank;
        this.maxRank = maxRank;
    }

    @Override
    public final int[] inputCounts() {
        return new int[] {1};
    }

    @Override
    public final List<Signature> signatures(int inputCount) {
        return dtypes.stream().map(d -> Signature.uniform(d, 1, 1)).toList();
    }

    @Override
    public final boolean acceptsRanks(int[] ranks) {
        return ranks.length == 1 && ranks[0] >= minRank && ranks[0] <= maxRank;
    }
}
