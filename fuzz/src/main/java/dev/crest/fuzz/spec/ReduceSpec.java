package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/**
 * ReduceSum, ReduceMean, ReduceMax, ReduceMin, ReduceProd: the reduced axes and {@code keepdims} are drawn; the
 * axes go in the {@code axes} input from the opset where the operator takes it (13 for ReduceSum, 18 for the
 * others) and in the attribute before. Now and then the axes are left out, which reduces every axis.
 */
public final class ReduceSpec extends SingleInputSpec {
    private final int axesInputSince;
    private final int sinceOpset;

    /**
     * @param axesInputSince the opset from which {@code axes} is an input rather than an attribute
     * @param sinceOpset the first opset in which every listed dtype is valid (8-bit ReduceMax: 12)
     */
    public ReduceSpec(String opType, List<DType> dtypes, int axesInputSince, int sinceOpset) {
        super(opType, OpFamily.REDUCTION, dtypes, 0, Integer.MAX_VALUE);
        this.axesInputSince = axesInputSince;
        this.sinceOpset = sinceOpset;
    }

    @Override
    public int sinceOpset() {
        return sinceOpset;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        var random = context.random();
        int rank = inputRanks[0];
        boolean all = rank == 0 || random.nextInt(6) == 0;
        List<Integer> axes = all ? allAxes(rank) : AxisChoices.subset(random, rank, 1, rank);
        long[] spelled = all ? null : AxisChoices.spell(random, axes, rank, context.opset());
        boolean keepDims = random.nextBoolean();
        int opset = context.opset();
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                return List.of();
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return output(reducedDims(context, inputs.get(0), axes, keepDims));
            }

            @Override
            public Lowering lower(Valuation valuation) {
                Attributes.Builder attributes = Attributes.builder().put("keepdims", keepDims ? 1L : 0L);
                if (spelled == null) {
                    return Lowering.ofData(attributes.build(), 1);
                }
                if (opset < axesInputSince) {
                    return Lowering.ofData(attributes.put("axes", spelled).build(), 1);
                }
                return new Lowering(attributes.build(), List.of(new InputSlot.Data(0), ConstantInputs.int64s(spelled)));
            }
        };
    }

    static List<Integer> allAxes(int rank) {
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            axes.add(i);
        }
        return axes;
    }

    /** The input's dims with the reduced axes set to 1 ({@code keepDims}) or removed. */
    static List<ArithExpr<IntSort>> reducedDims(SpecContext context, SymbolicType input, List<Integer> axes,
            boolean keepDims) {
        List<ArithExpr<IntSort>> dims = new ArrayList<>();
        for (int i = 0; i < input.rank(); i++) {
            if (!axes.contains(i)) {
                dims.add(input.dim(i));
            } else if (keepDims) {
                dims.add(context.constant(1));
            }
        }
        return dims;
    }
}
