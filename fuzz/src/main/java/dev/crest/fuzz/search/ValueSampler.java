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
        long lo = Math.round(low);
        long hi = Math.max(lo, Math.round(high));
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
