package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/**
 * Concat of two to four inputs of one rank along a drawn axis: every other dim must match, and the axis dims
 * add up.
 */
public final class ConcatSpec extends AbstractOpSpec {
    private final List<DType> dtypes;

    public ConcatSpec(List<DType> dtypes) {
        super("Concat", OpFamily.SHAPE);
        this.dtypes = List.copyOf(dtypes);
    }

    @Override
    public int[] inputCounts() {
        return new int[] {2, 3, 4};
    }

    @Override
    public List<Signature> signatures(int inputCount) {
        return dtypes.stream().map(d -> Signature.uniform(d, inputCount, 1)).toList();
    }

    @Override
    public boolean acceptsRanks(int[] ranks) {
        if (ranks.length < 2 || ranks.length > 4 || ranks[0] < 1) {
            return false;
        }
        for (int r : ranks) {
            if (r != ranks[0]) {
                return false;
            }
        }
        return true;
    }

    /** Concat-4 is the first with a required axis and every dtype. */
    @Override
    public int sinceOpset() {
        return 4;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        int rank = inputRanks[0];
        int axis = context.random().nextInt(rank);
        long spelled = AxisChoices.spell(context.random(), axis, rank, context.opset());
        int count = inputRanks.length;
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                List<BoolExpr> constraints = new ArrayList<>();
                for (int i = 1; i < inputs.size(); i++) {
                    for (int d = 0; d < rank; d++) {
                        if (d != axis) {
                            constraints.add(context.eq(inputs.get(i).dim(d), inputs.get(0).dim(d)));
                        }
                    }
                }
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                List<ArithExpr<IntSort>> dims = new ArrayList<>(inputs.get(0).dims());
                ArithExpr<IntSort> total = inputs.get(0).dim(axis);
                for (int i = 1; i < inputs.size(); i++) {
                    total = context.add(total, inputs.get(i).dim(axis));
                }
                dims.set(axis, total);
                return output(dims);
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return Lowering.ofData(Attributes.builder().put("axis", spelled).build(), count);
            }
        };
    }
}
