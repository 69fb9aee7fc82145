package dev.crest.fuzz.spec;

import com.microsoft.z3.BoolExpr;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.List;
import java.util.SplittableRandom;

/**
 * An element-wise operator of one input whose output has the input's shape (Relu, Exp, Neg, LeakyRelu,
 * Softmax, ...): no constraints beyond the generator's own. Non-integer attributes (LeakyRelu's alpha, Softmax's
 * axis) are drawn at instantiation.
 */
public final class UnaryElementwiseSpec extends AbstractOpSpec {
    /** Draws an instance's attributes from the input rank. */
    @FunctionalInterface
    public interface AttributeDraw {
        Attributes draw(SplittableRandom random, int rank);
    }

    private final List<DType> dtypes;
    private final boolean domainLimited;
    private final int minRank;
    private final int sinceOpset;
    private final AttributeDraw attributes;

    public UnaryElementwiseSpec(String opType, OpFamily family, List<DType> dtypes, boolean domainLimited) {
        this(opType, family, dtypes, domainLimited, 0, 1, (random, rank) -> Attributes.empty());
    }

    /**
     * @param minRank the smallest input rank the operator accepts (Softmax: 1)
     * @param sinceOpset the first opset in which the operator exists (Gelu: 20)
     */
    public UnaryElementwiseSpec(String opType, OpFamily family, List<DType> dtypes, boolean domainLimited,
            int minRank, int sinceOpset, AttributeDraw attributes) {
        super(opType, family);
        this.dtypes = List.copyOf(dtypes);
        this.domainLimited = domainLimited;
        this.minRank = minRank;
        this.sinceOpset = sinceOpset;
        this.attributes = attributes;
    }

    @Override
    public int[] inputCounts() {
        return new int[] {1};
    }

    @Override
    public List<Signature> signatures(int inputCount) {
        return dtypes.stream().map(d -> Signature.uniform(d, 1, 1)).toList();
    }

    @Override
    public boolean acceptsRanks(int[] ranks) {
        return ranks.length == 1 && ranks[0] >= minRank;
    }

    @Override
    public boolean domainLimited() {
        return domainLimited;
    }

    @Override
    public int sinceOpset() {
        return sinceOpset;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        Attributes drawn = attributes.draw(context.random(), inputRanks[0]);
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                return List.of();
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return output(inputs.get(0).dims());
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return Lowering.ofData(drawn, 1);
            }
        };
    }
}
