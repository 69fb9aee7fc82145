package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Trilu on rank 2 or more, keeping the drawn triangle; the diagonal offset {@code k} is a symbol in [-64, 64]
 * passed as a scalar constant input, or (drawn) left out.
 */
public final class TriluSpec extends SingleInputSpec {
    private static final long MAX_K = 64;

    public TriluSpec(List<DType> dtypes) {
        super("Trilu", OpFamily.INDEXING, dtypes, 2, Integer.MAX_VALUE);
    }

    @Override
    public int sinceOpset() {
        return 14;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        boolean upper = context.random().nextBoolean();
        boolean hasK = context.random().nextInt(4) != 0;
        return new AbstractOpInstance(this, context, signature) {
            private final ArithExpr<IntSort> k = hasK ? attribute("k") : null;

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                return hasK ? List.of(context.between(k, -MAX_K, MAX_K)) : List.of();
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return output(inputs.get(0).dims());
            }

            @Override
            public Lowering lower(Valuation valuation) {
                List<InputSlot> slots = new ArrayList<>(List.of(new InputSlot.Data(0)));
                if (hasK) {
                    slots.add(new InputSlot.Constant(Tensor.scalar(DType.INT64, valuation.valueOf(k))));
                }
                return new Lowering(Attributes.builder().put("upper", upper ? 1L : 0L).build(), slots);
            }
        };
    }
}
