package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Slice along drawn axes with symbolic start, end and step magnitude per axis, forwards or (drawn) backwards.
 * The constraints keep every bound inside the axis so the output size has no clamping cases:
 * forwards {@code 0 <= start < end <= dim}, size {@code (end - start - 1) / step + 1}; backwards
 * {@code -1 <= end < start <= dim - 1}, size {@code (start - end - 1) / step + 1}. The lowering then varies the
 * spelling: negative starts and ends counting from the end, an out-of-range end for "to the edge", omitted steps.
 */
public final class SliceSpec extends SingleInputSpec {

    public SliceSpec(List<DType> dtypes) {
        super("Slice", OpFamily.INDEXING, dtypes, 1, Integer.MAX_VALUE);
    }

    /** Slice-10 takes starts, ends, axes and steps as inputs. */
    @Override
    public int sinceOpset() {
        return 10;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        SplittableRandom random = context.random();
        int rank = inputRanks[0];
        List<Integer> axes = AxisChoices.subset(random, rank, 1, rank);
        int n = axes.size();
        long[] spelledAxes = AxisChoices.spell(random, axes, rank, context.opset());
        boolean[] backwards = new boolean[n];
        boolean[] negativeStart = new boolean[n];
        boolean[] openEnd = new boolean[n];
        boolean explicitSteps = random.nextBoolean();
        for (int i = 0; i < n; i++) {
            backwards[i] = random.nextInt(4) == 0;
            negativeStart[i] = random.nextInt(3) == 0;
            openEnd[i] = random.nextInt(3) == 0;
        }
        return new AbstractOpInstance(this, context, signature) {
            private final List<ArithExpr<IntSort>> starts = new ArrayList<>();
            private final List<ArithExpr<IntSort>> ends = new ArrayList<>();
            private final List<ArithExpr<IntSort>> steps = new ArrayList<>();
            private List<ArithExpr<IntSort>> axisDims;

            {
                for (int i = 0; i < n; i++) {
                    starts.add(attribute("start" + i));
                    ends.add(attribute("end" + i));
                    steps.add(attribute("step" + i));
                }
            }

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                axisDims = axes.stream().map(a -> inputs.get(0).dim(a)).toList();
                List<BoolExpr> constraints = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ArithExpr<IntSort> dim = axisDims.get(i);
                    ArithExpr<IntSort> start = starts.get(i);
                    ArithExpr<IntSort> end = ends.get(i);
                    constraints.add(context.ge(steps.get(i), 1));
                    if (backwards[i]) {
                        constraints.add(context.ge(end, -1));
                        constraints.add(context.lt(end, start));
                        constraints.add(context.lt(start, dim));
                    } else {
                        constraints.add(context.ge(start, 0));
                        constraints.add(context.lt(start, end));
                        constraints.add(context.le(end, dim));
                    }
                }
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                List<ArithExpr<IntSort>> dims = new ArrayList<>(inputs.get(0).dims());
                for (int i = 0; i < n; i++) {
                    ArithExpr<IntSort> distance = backwards[i]
                            ? context.sub(starts.get(i), ends.get(i))
                            : context.sub(ends.get(i), starts.get(i));
                    dims.set(axes.get(i), context.add(
                            context.div(context.sub(distance, context.constant(1)), steps.get(i)),
                            context.constant(1)));
                }
                return output(dims);
            }

            @Override
            public Lowering lower(Valuation valuation) {
                if (axisDims == null) {
                    throw new IllegalStateException("Slice lowered before its constraints were built");
                }
                long[] dims = valuation.valuesOf(axisDims);
                long[] start = valuation.valuesOf(starts);
                long[] end = valuation.valuesOf(ends);
                long[] step = valuation.valuesOf(steps);
                boolean unitSteps = true;
                for (int i = 0; i < n; i++) {
                    if (negativeStart[i]) {
                        start[i] -= dims[i];
                    }
                    if (backwards[i]) {
                        step[i] = -step[i];
                        // End -1 means "past index 0", which only an index below -dim can say.
                        end[i] = end[i] == -1 ? (openEnd[i] ? Long.MIN_VALUE : -dims[i] - 1) : end[i];
                    } else if (end[i] == dims[i] && openEnd[i]) {
                        end[i] = Long.MAX_VALUE;
                    }
                    unitSteps &= step[i] == 1;
                }
                List<InputSlot> slots = new ArrayList<>(List.of(new InputSlot.Data(0),
                        ConstantInputs.int64s(start), ConstantInputs.int64s(end), ConstantInputs.int64s(spelledAxes)));
                if (!unitSteps || explicitSteps) {
                    slots.add(ConstantInputs.int64s(step));
                }
                return new Lowering(Attributes.empty(), slots);
            }
        };
    }
}
