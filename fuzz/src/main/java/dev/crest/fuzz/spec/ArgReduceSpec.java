package dev.crest.fuzz.spec;

import com.microsoft.z3.BoolExpr;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.List;

/** ArgMax and ArgMin: one drawn axis, drawn {@code keepdims}, int64 output. */
public final class ArgReduceSpec extends AbstractOpSpec {
    private final List<DType> dtypes;

    public ArgReduceSpec(String opType, List<DType> dtypes) {
        super(opType, OpFamily.REDUCTION);
        this.dtypes = List.copyOf(dtypes);
    }

    @Override
    public int[] inputCounts() {
        return new int[] {1};
    }

    @Override
    public List<Signature> signatures(int inputCount) {
        return dtypes.stream().map(d -> new Signature(List.of(d), List.of(DType.INT64))).toList();
    }

    @Override
    public boolean acceptsRanks(int[] ranks) {
        return ranks.length == 1 && ranks[0] >= 1;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        var random = context.random();
        int rank = inputRanks[0];
        int axis = random.nextInt(rank);
        long spelled = AxisChoices.spell(random, axis, rank, context.opset());
        boolean keepDims = random.nextBoolean();
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                return List.of();
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return output(ReduceSpec.reducedDims(context, inputs.get(0), List.of(axis), keepDims));
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return Lowering.ofData(Attributes.builder().put("axis", spelled)
                        .put("keepdims", keepDims ? 1L : 0L).build(), 1);
            }
        };
    }
}
