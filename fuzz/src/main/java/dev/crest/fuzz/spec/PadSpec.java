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
 * Pad with a drawn mode and one symbol per axis end. Constant mode may crop (negative pads) as long as every
 * axis keeps an element; reflect needs pads smaller than the axis; edge and wrap (opset 19) pad freely. Pads
 * and the optional fill value are inputs (the opset-11 form, with bool data from 13); the axes input of opset
 * 18 is not used.
 */
public final class PadSpec extends SingleInputSpec {
    /** NNSmith's bound on pad amounts. */
    private static final long MAX_PAD = 255;

    public PadSpec(List<DType> dtypes) {
        super("Pad", OpFamily.SHAPE, dtypes, 1, Integer.MAX_VALUE);
    }

    /** Pads as inputs exist from 11, bool data from 13. */
    @Override
    public int sinceOpset() {
        return 13;
    }

    @Override
    public OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks) {
        SplittableRandom random = context.random();
        int rank = inputRanks[0];
        List<String> modes = context.opset() >= 19
                ? List.of("constant", "constant", "reflect", "edge", "wrap")
                : List.of("constant", "constant", "reflect", "edge");
        String mode = modes.get(random.nextInt(modes.size()));
        boolean hasValue = mode.equals("constant") && random.nextBoolean();
        double value = signature.inputs().get(0).isBool() ? 1 : random.nextInt(-3, 8);
        return new AbstractOpInstance(this, context, signature) {
            private final List<ArithExpr<IntSort>> begins = new ArrayList<>();
            private final List<ArithExpr<IntSort>> ends = new ArrayList<>();

            {
                for (int i = 0; i < rank; i++) {
                    begins.add(attribute("begin" + i));
                }
                for (int i = 0; i < rank; i++) {
                    ends.add(attribute("end" + i));
                }
            }

            @Override
            public List<BoolExpr> requires(List<SymbolicType> inputs) {
                List<BoolExpr> constraints = new ArrayList<>();
                ArithExpr<IntSort> zero = context.constant(0);
                for (int i = 0; i < rank; i++) {
                    ArithExpr<IntSort> dim = inputs.get(0).dim(i);
                    ArithExpr<IntSort> begin = begins.get(i);
                    ArithExpr<IntSort> end = ends.get(i);
                    constraints.add(context.le(begin, MAX_PAD));
                    constraints.add(context.le(end, MAX_PAD));
                    switch (mode) {
                        case "constant":
                            constraints.add(context.ge(begin, -MAX_PAD));
                            constraints.add(context.ge(end, -MAX_PAD));
                            constraints.add(context.ge(context.add(dim,
                                    context.add(context.min(begin, zero), context.min(end, zero))), 1));
                            break;
                        case "reflect":
                            constraints.add(context.ge(begin, 0));
                            constraints.add(context.ge(end, 0));
                            constraints.add(context.lt(begin, dim));
                            constraints.add(context.lt(end, dim));
                            break;
                        default:
                            constraints.add(context.ge(begin, 0));
                            constraints.add(context.ge(end, 0));
                    }
                }
                return constraints;
            }

            @Override
            public List<SymbolicType> outputTypes(List<SymbolicType> inputs) {
                List<ArithExpr<IntSort>> dims = new ArrayList<>();
                for (int i = 0; i < rank; i++) {
                    dims.add(context.add(inputs.get(0).dim(i), context.add(begins.get(i), ends.get(i))));
                }
                return output(dims);
            }

            @Override
            public Lowering lower(Valuation valuation) {
                long[] pads = new long[2 * rank];
                System.arraycopy(valuation.valuesOf(begins), 0, pads, 0, rank);
                System.arraycopy(valuation.valuesOf(ends), 0, pads, rank, rank);
                List<InputSlot> slots = new ArrayList<>(List.of(new InputSlot.Data(0), ConstantInputs.int64s(pads)));
                if (hasValue) {
                    slots.add(ConstantInputs.scalar(signature().inputs().get(0), value));
                }
                return new Lowering(Attributes.builder().put("mode", mode).build(), slots);
            }
        };
    }
}
