package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/**
 * Expand to a shape of drawn rank with one symbol per dim: the input and the shape broadcast both ways, so the
 * output is their numpy broadcast.
 */
public final class ExpandSpec extends SingleInputSpec {
    private static final int MAX_RANK = 5;

    public ExpandSpec(List<DType> dtypes) {
        super("Expand", OpFamily.SHAPE, dtypes, 0, Integer.MAX_VALUE);
    }

    @Override
    public int sinceOpset() {
        return 8;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        int shapeRank = context.random().nextInt(1, MAX_RANK + 1);
        return new AbstractOpInstance(this, context, signature) {
            private final List<ArithExpr<IntSort>> shape = new ArrayList<>();

            {
                for (int i = 0; i < shapeRank; i++) {
                    shape.add(attribute("dim" + i));
                }
            }

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                List<BoolExpr> constraints = new ArrayList<>();
                for (ArithExpr<IntSort> dim : shape) {
                    constraints.add(context.ge(dim, 1));
                }
                SymbolicType in = inputs.get(0);
                for (int i = 1; i <= Math.min(in.rank(), shapeRank); i++) {
                    ArithExpr<IntSort> x = in.dim(-i);
                    ArithExpr<IntSort> y = shape.get(shapeRank - i);
                    constraints.add(context.or(context.eq(x, y), context.eq(x, 1), context.eq(y, 1)));
                }
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return output(BroadcastBinarySpec.broadcast(context, inputs.get(0),
                        new SymbolicType(outputDType(), shape)));
            }

            @Override
            public Lowering lower(Valuation valuation) {
                return new Lowering(Attributes.empty(),
                        List.of(new InputSlot.Data(0), ConstantInputs.int64s(valuation.valuesOf(shape))));
            }
        };
    }
}
