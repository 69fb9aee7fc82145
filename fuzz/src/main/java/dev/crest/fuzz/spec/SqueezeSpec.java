package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/**
 * Squeeze: drawn axes whose dims the solver must make 1, removed from the output; {@code axes} is an input from
 * opset 13 and an attribute before.
 */
public final class SqueezeSpec extends SingleInputSpec {

    public SqueezeSpec(List<DType> dtypes) {
        super("Squeeze", OpFamily.SHAPE, dtypes, 1, Integer.MAX_VALUE);
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        var random = context.random();
        int rank = inputRanks[0];
        List<Integer> axes = AxisChoices.subset(random, rank, 1, Math.min(rank, 2));
        long[] spelled = AxisChoices.spell(random, axes, rank, context.opset());
        int opset = context.opset();
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                List<BoolExpr> constraints = new ArrayList<>();
                for (int axis : axes) {
                    constraints.add(context.eq(inputs.get(0).dim(axis), 1));
                }
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return output(ReduceSpec.reducedDims(context, inputs.get(0), axes, false));
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return axesLowering(opset, spelled);
            }
        };
    }

    /** Squeeze and Unsqueeze pass {@code axes} as an input from opset 13 and as an attribute before. */
    static Lowering axesLowering(int opset, long[] axes) {
        if (opset < 13) {
            return Lowering.ofData(Attributes.builder().put("axes", axes).build(), 1);
        }
        return new Lowering(Attributes.empty(), List.of(new InputSlot.Data(0), ConstantInputs.int64s(axes)));
    }

}
