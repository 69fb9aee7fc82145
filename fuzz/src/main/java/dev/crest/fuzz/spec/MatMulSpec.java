package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/**
 * MatMul with numpy semantics: 1-D operands are promoted to a row (left) or column (right) and the promoted
 * axis dropped from the output; batch dims broadcast; the contracted dims must be equal.
 */
public final class MatMulSpec extends AbstractOpSpec {
    private final List<DType> dtypes;

    public MatMulSpec(List<DType> dtypes) {
        super("MatMul", OpFamily.LINEAR_ALGEBRA);
        this.dtypes = List.copyOf(dtypes);
    }

    @Override
    public int[] inputCounts() {
        return new int[] {2};
    }

    @Override
    public List<Signature> signatures(int inputCount) {
        return dtypes.stream().map(d -> Signature.uniform(d, 2, 1)).toList();
    }

    @Override
    public boolean acceptsRanks(int[] ranks) {
        return ranks.length == 2 && ranks[0] >= 1 && ranks[1] >= 1;
    }

    /** MatMul-9 is the first with integer types. */
    @Override
    public int sinceOpset() {
        return 9;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                SymbolicType a = inputs.get(0);
                SymbolicType b = inputs.get(1);
                List<BoolExpr> constraints = new ArrayList<>();
                constraints.add(context.eq(a.dim(-1), b.rank() == 1 ? b.dim(0) : b.dim(-2)));
                if (a.rank() > 2 || b.rank() > 2) {
                    SymbolicType batchA = batch(a);
                    SymbolicType batchB = batch(b);
                    for (int i = 1; i <= Math.min(batchA.rank(), batchB.rank()); i++) {
                        ArithExpr<IntSort> x = batchA.dim(-i);
                        ArithExpr<IntSort> y = batchB.dim(-i);
                        constraints.add(context.or(context.eq(x, y), context.eq(x, 1), context.eq(y, 1)));
                    }
                }
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                SymbolicType a = inputs.get(0);
                SymbolicType b = inputs.get(1);
                List<ArithExpr<IntSort>> dims =
                        new ArrayList<>(BroadcastBinarySpec.broadcast(context, batch(a), batch(b)));
                if (a.rank() >= 2) {
                    dims.add(a.dim(-2));
                }
                if (b.rank() >= 2) {
                    dims.add(b.dim(-1));
                }
                return output(dims);
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return Lowering.ofData(Attributes.empty(), 2);
            }
        };
    }

    /** The batch dims: all but the last two (none for 1-D and 2-D operands). */
    private static SymbolicType batch(SymbolicType t) {
        return new SymbolicType(t.dtype(), t.rank() <= 2 ? List.of() : t.dims().subList(0, t.rank() - 2));
    }
}
