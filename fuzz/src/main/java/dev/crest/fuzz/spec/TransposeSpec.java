package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/** Transpose: a drawn permutation; output dim {@code i} is input dim {@code perm[i]}. */
public final class TransposeSpec extends SingleInputSpec {

    public TransposeSpec(List<DType> dtypes) {
        super("Transpose", OpFamily.SHAPE, dtypes, 1, Integer.MAX_VALUE);
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        List<Integer> perm = AxisChoices.permutation(context.random(), inputRanks[0]);
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                return List.of();
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                List<ArithExpr<IntSort>> dims = new ArrayList<>();
                for (int p : perm) {
                    dims.add(inputs.get(0).dim(p));
                }
                return output(dims);
            }

            @Override
            public Lowering lower(Valuation valuation) {
                long[] values = perm.stream().mapToLong(Integer::longValue).toArray();
                return Lowering.ofData(Attributes.builder().put("perm", values).build(), 1);
            }
        };
    }
}
