package dev.crest.fuzz.gen;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import com.microsoft.z3.Status;
import dev.crest.fuzz.spec.SpecContext;
import dev.crest.fuzz.spec.Valuation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * NNSmith's attribute binning: each free dimension and integer attribute gets a random log2 bin
 * ([1,2), [2,4), ..., [32,64), [64,∞)), because a solver left alone answers with the smallest values, mostly
 * ones. Attributes may also land on 0 or a negative mirror bin, as pads and slice starts can. All bins are tried
 * together as assumptions; while they are unsatisfiable the second half of them is dropped.
 */
final class Binning {
    /** Bins [2^i, 2^(i+1)) for i below this, then one open bin [2^i, ∞). */
    private static final int BOUNDED_BINS = 6;
    private static final double ZERO_ATTRIBUTE = 0.1;
    private static final double NEGATIVE_ATTRIBUTE = 0.1;

    /** A satisfying assignment and the number of bins it satisfies. */
    record Solution(Valuation valuation, int binsKept) {
    }

    private final SpecContext context;
    private final SplittableRandom random;

    Binning(SpecContext context, SplittableRandom random) {
        this.context = context;
        this.random = random;
    }

    /** One random positive bin per dimension. */
    List<BoolExpr> dimensionBins(List<ArithExpr<IntSort>> dims) {
        List<BoolExpr> bins = new ArrayList<>(dims.size());
        for (ArithExpr<IntSort> dim : dims) {
            bins.add(positiveBin(dim, 1));
        }
        return bins;
    }

    /** One random bin per attribute: mostly positive, sometimes zero or a negative mirror. */
    List<BoolExpr> attributeBins(List<ArithExpr<IntSort>> attributes) {
        List<BoolExpr> bins = new ArrayList<>(attributes.size());
        for (ArithExpr<IntSort> attribute : attributes) {
            double draw = random.nextDouble();
            if (draw < ZERO_ATTRIBUTE) {
                bins.add(context.eq(attribute, 0));
            } else if (draw < ZERO_ATTRIBUTE + NEGATIVE_ATTRIBUTE) {
                bins.add(positiveBin(attribute, -1));
            } else {
                bins.add(positiveBin(attribute, 1));
            }
        }
        return bins;
    }

    /**
     * A model of the solver's constraints satisfying as many of {@code bins} as the solver could manage (shuffled,
     * the second half dropped while unsatisfiable or too hard), with how many it kept. Falls back to the model
     * kept with the accepted insertions when no bin can be kept.
     */
    Solution solve(ConstraintSolver solver, List<BoolExpr> bins) {
        List<BoolExpr> trying = new ArrayList<>(bins);
        shuffle(trying);
        while (!trying.isEmpty()) {
            if (solver.check(trying) == Status.SATISFIABLE) {
                return new Solution(Valuation.of(solver.model()), trying.size());
            }
            trying = new ArrayList<>(trying.subList(0, trying.size() / 2));
        }
        return new Solution(solver.acceptedValuation(), 0);
    }

    /** {@code sign · x} lies in a random bin. */
    private BoolExpr positiveBin(ArithExpr<IntSort> x, int sign) {
        int bin = random.nextInt(BOUNDED_BINS + 1);
        long low = 1L << bin;
        if (bin == BOUNDED_BINS) {
            return sign > 0 ? context.ge(x, low) : context.le(x, -low);
        }
        long high = (1L << (bin + 1)) - 1;
        return sign > 0 ? context.and(context.ge(x, low), context.le(x, high))
                : context.and(context.le(x, -low), context.ge(x, -high));
    }

    private void shuffle(List<BoolExpr> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            BoolExpr swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
