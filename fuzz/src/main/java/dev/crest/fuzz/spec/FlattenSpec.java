package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.List;

/** Flatten: a drawn axis in {@code [0, rank]}; the output is {@code [prod(dims before), prod(dims from)]}. */
public final class FlattenSpec extends SingleInputSpec {

    public FlattenSpec(List<DType> dtypes) {
        super("Flatten", OpFamily.SHAPE, dtypes, 0, Integer.MAX_VALUE);
    }

    /** Flatten-11 is the first that takes every dtype and a rank-0 input. */
    @Override
    public int sinceOpset() {
        return 11;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        int axis = context.random().nextInt(inputRanks[0] + 1);
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                return List.of();
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                List<ArithExpr<IntSort>> dims = inputs.get(0).dims();
                return output(List.of(context.product(dims.subList(0, axis)),
                        context.product(dims.subList(axis, dims.size()))));
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return Lowering.ofData(Attributes.builder().put("axis", (long) axis).build(), 1);
            }
        };
    }
}
