package dev.crest.fuzz.search;

import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws values uniformly from the search's range: floats in {@code [low, high)}, integers uniformly among the
 * integers of {@code [round(low), round(high)]}, booleans fair coin flips. NNSmith draws from [3, 7]: a small
 * positive range keeps Log, Sqrt and Div of raw inputs valid from the start.
 */
final class ValueSampler {
    /**
     * Integer ranges a restart of the gradient search picks from, one pick per value: no gradient moves integers,
     * so only re-drawing does, and [3, 7] alone never gives what Acos of a cast integer ([-1, 1]), Sqrt of a negated
     * one (negative values) or a difference that must be non-zero needs. The first range is the initial one.
     */
    private static final long[][] RESTART_INTEGER_RANGES = {{3, 7}, {-1, 1}, {0, 1}, {-7, -3}, {-7, 7}, {1, 3}};

    private final double low;
    private final double high;

    ValueSampler(double low, double high) {
        this.low = low;
        this.high = high;
    }

    /** A fresh draw of every value, by name. */
    Map<String, Tensor> drawAll(List<SearchedValue> values, SplittableRandom random) {
        Map<String, Tensor> drawn = new LinkedHashMap<>();
        for (SearchedValue v : values) {
            drawn.put(v.name(), draw(v, random));
        }
        return drawn;
    }

    /** A fresh draw of one value in its declared dtype. */
    Tensor draw(SearchedValue value, SplittableRandom random) {
        return draw(value, Math.round(low), Math.max(Math.round(low), Math.round(high)), random);
    }

    /**
     * A draw for a restart: floats as in {@link #draw}, integers from a range picked at random among
     * {@link #RESTART_INTEGER_RANGES}, the initial range shifted to this sampler's.
     */
    Tensor redraw(SearchedValue value, SplittableRandom random) {
        int pick = random.nextInt(RESTART_INTEGER_RANGES.length);
        if (pick == 0 || value.dtype().isFloat() || value.dtype().isBool()) {
            return draw(value, random);
        }
        long lo = RESTART_INTEGER_RANGES[pick][0];
        long hi = RESTART_INTEGER_RANGES[pick][1];
        if (!value.dtype().isSigned() && lo < 0) {
            lo = 0;
            hi = Math.max(hi, 1);
        }
        return draw(value, lo, hi, random);
    }

    private Tensor draw(SearchedValue value, long lo, long hi, SplittableRandom random) {
        int n = value.shape().size();
        DType dtype = value.dtype();
        if (dtype.isFloat()) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = drawFloat(random);
            }
            return Tensor.fromDoubles(dtype, value.shape(), d);
        }
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = dtype.isBool() ? random.nextInt(2) : lo + random.nextLong(hi - lo + 1);
        }
        return Tensor.fromLongs(dtype, value.shape(), l);
    }

    /** One float in the range. */
    double drawFloat(SplittableRandom random) {
        return low == high ? low : low + (high - low) * random.nextDouble();
    }
}
