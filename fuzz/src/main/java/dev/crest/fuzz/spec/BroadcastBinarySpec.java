package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;

import java.util.ArrayList;
import java.util.List;

/**
 * A two-input operator with numpy-style broadcasting (Add, Mul, Greater, And, ...): aligned from the right,
 * each pair of dimensions must be equal or one of them 1, and the output takes the larger.
 */
public final class BroadcastBinarySpec implements OpSpec {
    private final String opType;
    private final OpFamily family;
    private final List<Signature> signatures;
    private final boolean domainLimited;
    private final int sinceOpset;

    /** An operator with numpy broadcasting from opset 7 and every signature valid from there. */
    public BroadcastBinarySpec(String opType, OpFamily family, List<Signature> signatures, boolean domainLimited) {
        this(opType, family, signatures, domainLimited, 7);
    }

    /** @param sinceOpset the first opset in which every signature is valid (Pow's mixed types: 12) */
    public BroadcastBinarySpec(String opType, OpFamily family, List<Signature> signatures, boolean domainLimited,
            int sinceOpset) {
        this.opType = opType;
        this.family = family;
        this.signatures = List.copyOf(signatures);
        this.domainLimited = domainLimited;
        this.sinceOpset = sinceOpset;
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
        return new int[] {2};
    }

    @Override
    public List<Signature> signatures(int inputCount) {
        return signatures;
    }

    @Override
    public boolean acceptsRanks(int[] ranks) {
        return ranks.length == 2;
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
        return new OpInstance() {
            @Override
            public OpSpec spec() {
                return BroadcastBinarySpec.this;
            }

            @Override
            public Signature signature() {
                return signature;
            }

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                List<BoolExpr> constraints = new ArrayList<>();
                SymbolicType a = inputs.get(0);
                SymbolicType b = inputs.get(1);
                for (int i = 1; i <= Math.min(a.rank(), b.rank()); i++) {
                    ArithExpr<IntSort> x = a.dim(-i);
                    ArithExpr<IntSort> y = b.dim(-i);
                    constraints.add(context.or(context.eq(x, y), context.eq(x, 1), context.eq(y, 1)));
                }
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return List.of(new SymbolicType(signature.outputs().get(0), broadcast(context, inputs.get(0), inputs.get(1))));
            }

            @Override
            public List<ArithExpr<IntSort>> attributeSymbols() {
                return List.of();
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return Lowering.ofData(Attributes.empty(), 2);
            }
        };
    }

    /** The broadcast shape of two types, valid under {@code requires}: where one dim is 1, the other. */
    static List<ArithExpr<IntSort>> broadcast(SpecContext context, SymbolicType a, SymbolicType b) {
        int rank = Math.max(a.rank(), b.rank());
        List<ArithExpr<IntSort>> dims = new ArrayList<>(rank);
        for (int i = rank; i >= 1; i--) {
            if (i > a.rank()) {
                dims.add(b.dim(-i));
            } else if (i > b.rank()) {
                dims.add(a.dim(-i));
            } else {
                ArithExpr<IntSort> x = a.dim(-i);
                ArithExpr<IntSort> y = b.dim(-i);
                dims.add(context.ite(context.eq(x, 1), y, x));
            }
        }
        return dims;
    }
}
