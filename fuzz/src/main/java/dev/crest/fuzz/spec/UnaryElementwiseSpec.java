package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.List;

/**
 * An element-wise operator of one input whose output has the input's shape and dtype (Relu, Exp, Neg, ...):
 * no constraints beyond the generator's own.
 */
public final class UnaryElementwiseSpec implements OpSpec {
    private final String opType;
    private final OpFamily family;
    private final List<DType> dtypes;
    private final boolean domainLimited;

    public UnaryElementwiseSpec(String opType, OpFamily family, List<DType> dtypes, boolean domainLimited) {
        this.opType = opType;
        this.family = family;
        this.dtypes = List.copyOf(dtypes);
        this.domainLimited = domainLimited;
    }

    @Override
    public String opType() {
        return opType;
    }

    @Override
    public OpFamily family() {
        return family;
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
        return ranks.length == 1;
    }

    @Override
    public boolean domainLimited() {
        return domainLimited;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        return new OpInstance() {
            @Override
            public OpSpec spec() {
                return UnaryElementwiseSpec.this;
            }

            @Override
            public Signature signature() {
                return signature;
            }

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                return List.of();
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return List.of(new SymbolicType(signature.outputs().get(0), inputs.get(0).dims()));
            }

            @Override
            public List<ArithExpr<IntSort>> attributeSymbols() {
                return List.of();
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return Lowering.ofData(Attributes.empty(), 1);
            }
        };
    }
}
