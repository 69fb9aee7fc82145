package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;

/**
 * Gemm: {@code alpha·A'·B' + beta·C} with drawn transposes and coefficients; A' is M×K, B' is K×N, and the
 * optional C (rank 0 to 2) broadcasts one way to M×N.
 */
public final class GemmSpec extends AbstractOpSpec {
    private final List<DType> dtypes;

    public GemmSpec(List<DType> dtypes) {
        super("Gemm", OpFamily.LINEAR_ALGEBRA);
        this.dtypes = List.copyOf(dtypes);
    }

    @Override
    public int[] inputCounts() {
        return new int[] {2, 3};
    }

    @Override
    public List<Signature> signatures(int inputCount) {
        return dtypes.stream().map(d -> Signature.uniform(d, inputCount, 1)).toList();
    }

    @Override
    public boolean acceptsRanks(int[] ranks) {
        return (ranks.length == 2 || ranks.length == 3) && ranks[0] == 2 && ranks[1] == 2
                && (ranks.length == 2 || ranks[2] <= 2);
    }

    /** Gemm-11 is the first with an optional C. */
    @Override
    public int sinceOpset() {
        return 11;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        var random = context.random();
        boolean transA = random.nextBoolean();
        boolean transB = random.nextBoolean();
        Double alpha = random.nextBoolean() ? null : 0.25 * random.nextInt(1, 9);
        Double beta = random.nextBoolean() ? null : 0.25 * random.nextInt(1, 9);
        int count = inputRanks.length;
        return new AbstractOpInstance(this, context, signature) {
            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                List<BoolExpr> constraints = new ArrayList<>();
                SymbolicType a = inputs.get(0);
                SymbolicType b = inputs.get(1);
                constraints.add(context.eq(a.dim(transA ? 0 : 1), b.dim(transB ? 1 : 0)));
                if (inputs.size() == 3) {
                    SymbolicType c = inputs.get(2);
                    List<ArithExpr<IntSort>> mn = outputDims(a, b);
                    for (int i = 1; i <= c.rank(); i++) {
                        constraints.add(context.or(context.eq(c.dim(-i), mn.get(2 - i)), context.eq(c.dim(-i), 1)));
                    }
                }
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return output(outputDims(inputs.get(0), inputs.get(1)));
            }

            private List<ArithExpr<IntSort>> outputDims(SymbolicType a, SymbolicType b) {
                return List.of(a.dim(transA ? 1 : 0), b.dim(transB ? 0 : 1));
            }

            @Override
            public Lowering lower(Valuation valuation) {
                Attributes.Builder attributes = Attributes.builder()
                        .put("transA", transA ? 1L : 0L).put("transB", transB ? 1L : 0L);
                if (alpha != null) {
                    attributes.put("alpha", alpha.doubleValue());
                }
                if (beta != null) {
                    attributes.put("beta", beta.doubleValue());
                }
                return Lowering.ofData(attributes.build(), count);
            }
        };
    }
}
