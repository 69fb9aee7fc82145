package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/** Unsqueeze: one or two size-1 axes inserted at drawn positions of the output (rank at most 5). */
public final class UnsqueezeSpec extends SingleInputSpec {
    private static final int MAX_RANK = 5;

    public UnsqueezeSpec(List<DType> dtypes) {
        super("Unsqueeze", OpFamily.SHAPE, dtypes, 0, MAX_RANK - 1);
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        var random = context.random();
        int inserted = random.nextInt(1, Math.min(2, MAX_RANK - inputRanks[0]) + 1);
        int outRank = inputRanks[0] + inserted;
        List<Integer> axes = AxisChoices.subset(random, outRank, inserted, inserted);
        long[] spelled = AxisChoices.spell(random, axes, outRank, context.opset());
        int opset = context.opset();
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                return List.of();
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                List<ArithExpr<IntSort>> dims = new ArrayList<>();
                int next = 0;
                for (int i = 0; i < outRank; i++) {
                    dims.add(axes.contains(i) ? context.constant(1) : inputs.get(0).dim(next++));
                }
                return output(dims);
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return SqueezeSpec.axesLowering(opset, spelled);
            }
        };
    }
}
