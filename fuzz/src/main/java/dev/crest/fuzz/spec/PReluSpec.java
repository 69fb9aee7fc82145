package dev.crest.fuzz.spec;

import com.microsoft.z3.BoolExpr;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/**
 * PRelu: {@code slope} broadcasts one way to {@code X} (its rank is at most X's and each aligned dim is X's or
 * 1), and the output has X's shape.
 */
public final class PReluSpec extends AbstractOpSpec {
    private final List<DType> dtypes;

    public PReluSpec(List<DType> dtypes) {
        super("PRelu", OpFamily.ACTIVATION);
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
        return ranks.length == 2 && ranks[1] <= ranks[0];
    }

    @Override
    public int sinceOpset() {
        return 9;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                SymbolicType x = inputs.get(0);
                SymbolicType slope = inputs.get(1);
                List<BoolExpr> constraints = new ArrayList<>();
                for (int i = 1; i <= slope.rank(); i++) {
                    constraints.add(context.or(context.eq(slope.dim(-i), x.dim(-i)), context.eq(slope.dim(-i), 1)));
                }
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return output(inputs.get(0).dims());
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return Lowering.ofData(Attributes.empty(), 2);
            }
        };
    }
}
