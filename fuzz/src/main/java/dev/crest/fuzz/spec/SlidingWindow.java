package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntSort;
import dev.crest.tensor.Attributes;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The window attributes Conv, MaxPool and AveragePool share: per spatial axis a stride, an optional dilation
 * and (with explicit padding) begin and end pads, all symbols, and a drawn {@code auto_pad}. Output size per
 * axis: explicit {@code (in + pb + pe - eff) / s + 1} where {@code eff = d·(k - 1) + 1} (rounded up with
 * {@code ceil_mode}), VALID {@code (in - eff) / s + 1}, SAME {@code ceil(in / s)} (with dilation 1, as ONNX
 * Runtime requires). With {@code ceil_mode} the last window must start inside the input or its begin padding:
 * ONNX Runtime and the reference kernels drop a window starting in the end padding but the shape inference of
 * onnx 1.12 (Debian's checker) does not, so such models would fail the checker.
 */
final class SlidingWindow {
    /** NNSmith's bound on pads. */
    private static final long MAX_PAD = 255;

    private final String autoPad;
    private final boolean ceilMode;
    private final List<ArithExpr<IntSort>> strides = new ArrayList<>();
    private final List<ArithExpr<IntSort>> dilations = new ArrayList<>();
    private final List<ArithExpr<IntSort>> padsBegin = new ArrayList<>();
    private final List<ArithExpr<IntSort>> padsEnd = new ArrayList<>();

    /**
     * @param symbols creates the instance's attribute symbols
     * @param withDilations whether the operator form takes dilations (absent: 1)
     * @param ceilMode whether explicit-padding output sizes round up (pools only)
     */
    SlidingWindow(SplittableRandom random, int spatialRank, Function<String, ArithExpr<IntSort>> symbols,
            boolean withDilations, boolean ceilMode) {
        int draw = random.nextInt(8);
        this.autoPad = draw < 5 ? "NOTSET" : draw == 5 ? "VALID" : draw == 6 ? "SAME_UPPER" : "SAME_LOWER";
        this.ceilMode = ceilMode && autoPad.equals("NOTSET");
        for (int i = 0; i < spatialRank; i++) {
            strides.add(symbols.apply("stride" + i));
            if (withDilations) {
                dilations.add(symbols.apply("dilation" + i));
            }
            if (autoPad.equals("NOTSET")) {
                padsBegin.add(symbols.apply("padBegin" + i));
                padsEnd.add(symbols.apply("padEnd" + i));
            }
        }
    }

    boolean explicitPads() {
        return autoPad.equals("NOTSET");
    }

    /** Attribute ranges, and that the (effective) window fits into the (padded) input. */
    List<BoolExpr> requires(SpecContext context, List<ArithExpr<IntSort>> input, List<ArithExpr<IntSort>> kernel) {
        List<BoolExpr> constraints = new ArrayList<>();
        for (int i = 0; i < strides.size(); i++) {
            constraints.add(context.ge(strides.get(i), 1));
            if (!dilations.isEmpty()) {
                // ONNX Runtime refuses dilations with SAME padding.
                constraints.add(autoPad.startsWith("SAME") ? context.eq(dilations.get(i), 1)
                        : context.ge(dilations.get(i), 1));
            }
            ArithExpr<IntSort> effective = effectiveKernel(context, kernel, i);
            if (autoPad.equals("NOTSET")) {
                constraints.add(context.between(padsBegin.get(i), 0, MAX_PAD));
                constraints.add(context.between(padsEnd.get(i), 0, MAX_PAD));
                constraints.add(context.le(effective, padded(context, input, i)));
                if (ceilMode) {
                    ArithExpr<IntSort> lastStart = context.mul(context.sub(roundedUp(context, input, kernel, i),
                            context.constant(1)), strides.get(i));
                    constraints.add(context.lt(lastStart, context.add(input.get(i), padsBegin.get(i))));
                }
            } else if (autoPad.equals("VALID")) {
                constraints.add(context.le(effective, input.get(i)));
            }
        }
        return constraints;
    }

    /** Pools (in ONNX Runtime) need each pad smaller than the kernel. */
    List<BoolExpr> padsBelowKernel(SpecContext context, List<ArithExpr<IntSort>> kernel) {
        List<BoolExpr> constraints = new ArrayList<>();
        for (int i = 0; i < padsBegin.size(); i++) {
            constraints.add(context.lt(padsBegin.get(i), kernel.get(i)));
            constraints.add(context.lt(padsEnd.get(i), kernel.get(i)));
        }
        return constraints;
    }

    List<ArithExpr<IntSort>> outputDims(SpecContext context, List<ArithExpr<IntSort>> input,
            List<ArithExpr<IntSort>> kernel) {
        List<ArithExpr<IntSort>> out = new ArrayList<>();
        ArithExpr<IntSort> one = context.constant(1);
        for (int i = 0; i < strides.size(); i++) {
            ArithExpr<IntSort> stride = strides.get(i);
            if (autoPad.startsWith("SAME")) {
                out.add(context.div(context.sub(context.add(input.get(i), stride), one), stride));
                continue;
            }
            if (ceilMode) {
                out.add(roundedUp(context, input, kernel, i));
                continue;
            }
            ArithExpr<IntSort> room = context.sub(autoPad.equals("VALID") ? input.get(i) : padded(context, input, i),
                    effectiveKernel(context, kernel, i));
            out.add(context.add(context.div(room, stride), one));
        }
        return out;
    }

    /** The explicit-padding output size rounded up: {@code ceil((in + pb + pe - eff) / s) + 1}. */
    private ArithExpr<IntSort> roundedUp(SpecContext context, List<ArithExpr<IntSort>> input,
            List<ArithExpr<IntSort>> kernel, int i) {
        ArithExpr<IntSort> one = context.constant(1);
        ArithExpr<IntSort> stride = strides.get(i);
        ArithExpr<IntSort> room = context.sub(padded(context, input, i), effectiveKernel(context, kernel, i));
        return context.add(context.div(context.sub(context.add(room, stride), one), stride), one);
    }

    /** Adds {@code strides}, {@code dilations} and {@code pads} or {@code auto_pad}. */
    void lower(Attributes.Builder attributes, Valuation valuation) {
        attributes.put("strides", valuation.valuesOf(strides));
        if (!dilations.isEmpty()) {
            attributes.put("dilations", valuation.valuesOf(dilations));
        }
        if (autoPad.equals("NOTSET")) {
            long[] pads = new long[2 * padsBegin.size()];
            System.arraycopy(valuation.valuesOf(padsBegin), 0, pads, 0, padsBegin.size());
            System.arraycopy(valuation.valuesOf(padsEnd), 0, pads, padsBegin.size(), padsEnd.size());
            attributes.put("pads", pads);
        } else {
            attributes.put("auto_pad", autoPad);
        }
        if (ceilMode) {
            attributes.put("ceil_mode", 1L);
        }
    }

    private ArithExpr<IntSort> effectiveKernel(SpecContext context, List<ArithExpr<IntSort>> kernel, int i) {
        if (dilations.isEmpty()) {
            return kernel.get(i);
        }
        ArithExpr<IntSort> one = context.constant(1);
        return context.add(context.mul(dilations.get(i), context.sub(kernel.get(i), one)), one);
    }

    private ArithExpr<IntSort> padded(SpecContext context, List<ArithExpr<IntSort>> input, int i) {
        return context.add(input.get(i), context.add(padsBegin.get(i), padsEnd.get(i)));
    }
}
