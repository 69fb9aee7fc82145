package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Conv over 1 to 3 spatial axes: X (N, C, D...), weights W (M, C / group, K...) and an optional bias B (M).
 * The group count and the filters per group are symbols, so {@code C = W[1]·group} and {@code M = group·m};
 * strides, dilations and pads come from {@link SlidingWindow}; the kernel shape is W's spatial dims.
 */
public final class ConvSpec extends AbstractOpSpec {
    private final IntFunction<List<DType>> dtypes;

    /** @param dtypes the dtypes by data input count (2 without bias, 3 with) */
    public ConvSpec(IntFunction<List<DType>> dtypes) {
        super("Conv", OpFamily.CONVOLUTION);
        this.dtypes = dtypes;
    }

    @Override
    public int[] inputCounts() {
        return new int[] {2, 3};
    }

    @Override
    public List<Signature> signatures(int inputCount) {
        return dtypes.apply(inputCount).stream().map(d -> Signature.uniform(d, inputCount, 1)).toList();
    }

    @Override
    public boolean acceptsRanks(int[] ranks) {
        return (ranks.length == 2 || ranks.length == 3) && ranks[0] >= 3 && ranks[0] <= 5 && ranks[1] == ranks[0]
                && (ranks.length == 2 || ranks[2] == 1);
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        var random = context.random();
        int spatial = inputRanks[0] - 2;
        boolean declareKernelShape = random.nextBoolean();
        int count = inputRanks.length;
        return new AbstractOpInstance(this, context, signature) {
            private final ArithExpr<IntSort> group = attribute("group");
            private final ArithExpr<IntSort> filtersPerGroup = attribute("filtersPerGroup");
            private final SlidingWindow window = new SlidingWindow(random, spatial, this::attribute, true, false);
            private List<ArithExpr<IntSort>> kernel;

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                SymbolicType x = inputs.get(0);
                SymbolicType w = inputs.get(1);
                kernel = w.dims().subList(2, w.rank());
                List<BoolExpr> constraints = new ArrayList<>();
                constraints.add(context.ge(group, 1));
                constraints.add(context.ge(filtersPerGroup, 1));
                constraints.add(context.eq(x.dim(1), context.mul(w.dim(1), group)));
                constraints.add(context.eq(w.dim(0), context.mul(group, filtersPerGroup)));
                if (inputs.size() == 3) {
                    constraints.add(context.eq(inputs.get(2).dim(0), w.dim(0)));
                }
                constraints.addAll(window.requires(context, x.dims().subList(2, x.rank()), kernel));
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                SymbolicType x = inputs.get(0);
                SymbolicType w = inputs.get(1);
                List<ArithExpr<IntSort>> dims = new ArrayList<>(List.of(x.dim(0), w.dim(0)));
                dims.addAll(window.outputDims(context, x.dims().subList(2, x.rank()), w.dims().subList(2, w.rank())));
                return output(dims);
            }

            @Override
            public Lowering lower(Valuation valuation) {
                Attributes.Builder attributes = Attributes.builder().put("group", valuation.valueOf(group));
                if (declareKernelShape) {
                    if (kernel == null) {
                        throw new IllegalStateException("Conv lowered before its constraints were built");
                    }
                    attributes.put("kernel_shape", valuation.valuesOf(kernel));
                }
                window.lower(attributes, valuation);
                return Lowering.ofData(attributes.build(), count);
            }
        };
    }
}
