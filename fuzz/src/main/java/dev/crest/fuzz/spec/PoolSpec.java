package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/**
 * MaxPool and AveragePool over 1 to 3 spatial axes: kernel sizes are symbols, the rest comes from
 * {@link SlidingWindow}; {@code ceil_mode} (and AveragePool's {@code count_include_pad}) are drawn. Pads stay
 * below the kernel size, which ONNX Runtime enforces. Dilations exist for MaxPool from opset 10 and for
 * AveragePool from 19.
 */
public final class PoolSpec extends SingleInputSpec {
    private final boolean max;
    private final int sinceOpset;

    /** @param sinceOpset the first opset with every listed dtype and {@code ceil_mode} */
    public PoolSpec(String opType, List<DType> dtypes, int sinceOpset) {
        super(opType, OpFamily.POOLING, dtypes, 3, 5);
        this.max = opType.equals("MaxPool");
        this.sinceOpset = sinceOpset;
    }

    @Override
    public int sinceOpset() {
        return sinceOpset;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        var random = context.random();
        int spatial = inputRanks[0] - 2;
        boolean dilated = max || context.opset() >= 19;
        boolean ceil = random.nextBoolean();
        boolean includePad = !max && random.nextBoolean();
        return new AbstractOpInstance(this, context, signature) {
            private final List<ArithExpr<IntSort>> kernel = new ArrayList<>();
            private final SlidingWindow window;

            {
                for (int i = 0; i < spatial; i++) {
                    kernel.add(attribute("kernel" + i));
                }
                window = new SlidingWindow(random, spatial, this::attribute, dilated, ceil);
            }

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                SymbolicType x = inputs.get(0);
                List<BoolExpr> constraints = new ArrayList<>();
                for (ArithExpr<IntSort> k : kernel) {
                    constraints.add(context.ge(k, 1));
                }
                constraints.addAll(window.requires(context, x.dims().subList(2, x.rank()), kernel));
                constraints.addAll(window.padsBelowKernel(context, kernel));
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                SymbolicType x = inputs.get(0);
                List<ArithExpr<IntSort>> dims = new ArrayList<>(List.of(x.dim(0), x.dim(1)));
                dims.addAll(window.outputDims(context, x.dims().subList(2, x.rank()), kernel));
                return output(dims);
            }

            @Override
            public Lowering lower(Valuation valuation) {
                Attributes.Builder attributes = Attributes.builder().put("kernel_shape", valuation.valuesOf(kernel));
                window.lower(attributes, valuation);
                if (includePad) {
                    attributes.put("count_include_pad", 1L);
                }
                return Lowering.ofData(attributes.build(), 1);
            }
        };
    }
}
