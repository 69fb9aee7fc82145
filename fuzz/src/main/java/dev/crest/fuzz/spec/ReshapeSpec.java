package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.DType;
import dev.crest.tensor.Attributes;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reshape to a drawn rank with one symbol per target dim. As in NNSmith, source and target dims are split into
 * the same number of consecutive groups whose products must match: this keeps each non-linear constraint small
 * (at most five factors a side) where a single product over all dims would slow the solver. The shape input
 * now and then spells one dim as -1.
 */
public final class ReshapeSpec extends SingleInputSpec {
    private static final int MAX_RANK = 5;

    public ReshapeSpec(List<DType> dtypes) {
        super("Reshape", OpFamily.SHAPE, dtypes, 0, Integer.MAX_VALUE);
    }

    /** Reshape-5 is the first with the shape as an input. */
    @Override
    public int sinceOpset() {
        return 5;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        SplittableRandom random = context.random();
        int rank = inputRanks[0];
        int targetRank = random.nextInt(1, MAX_RANK + 1);
        int groups = rank == 0 ? 0 : random.nextInt(1, Math.min(rank, targetRank) + 1);
        int[] sourceCuts = cuts(random, rank, groups);
        int[] targetCuts = cuts(random, targetRank, groups);
        int inferred = random.nextInt(3) == 0 ? random.nextInt(targetRank) : -1;
        return new AbstractOpInstance(this, context, signature) {
            private final List<ArithExpr<IntSort>> target = new ArrayList<>();

            {
                for (int i = 0; i < targetRank; i++) {
                    target.add(attribute("dim" + i));
                }
            }

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                List<BoolExpr> constraints = new ArrayList<>();
                for (ArithExpr<IntSort> dim : target) {
                    constraints.add(context.ge(dim, 1));
                }
                List<ArithExpr<IntSort>> source = inputs.get(0).dims();
                if (groups == 0) {
                    constraints.add(context.eq(context.product(target), 1));
                }
                for (int g = 0; g < groups; g++) {
                    constraints.add(context.eq(context.product(source.subList(sourceCuts[g], sourceCuts[g + 1])),
                            context.product(target.subList(targetCuts[g], targetCuts[g + 1]))));
                }
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                return output(target);
            }

            @Override
            public Lowering lower(Valuation valuation) {
                long[] shape = valuation.valuesOf(target);
                if (inferred >= 0) {
                    shape[inferred] = -1;
                }
                return new Lowering(Attributes.empty(), List.of(new InputSlot.Data(0), ConstantInputs.int64s(shape)));
            }
        };
    }

    /**
     * Boundaries splitting {@code [0, n)} into {@code groups} non-empty consecutive ranges: {@code groups + 1}
     * increasing values from 0 to n (just {@code [0]} for no groups).
     */
    private static int[] cuts(SplittableRandom random, int n, int groups) {
        int[] cuts = new int[groups + 1];
        if (groups == 0) {
            return cuts;
        }
        List<Integer> inner = AxisChoices.subset(random, n - 1, groups - 1, groups - 1);
        for (int i = 0; i < inner.size(); i++) {
            cuts[i + 1] = inner.get(i) + 1;
        }
        cuts[groups] = n;
        return cuts;
    }
}
