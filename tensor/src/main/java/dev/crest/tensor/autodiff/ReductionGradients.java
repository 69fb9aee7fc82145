package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.KernelCalls.div;
import static dev.crest.tensor.autodiff.KernelCalls.equal;
import static dev.crest.tensor.autodiff.KernelCalls.expand;
import static dev.crest.tensor.autodiff.KernelCalls.mask;
import static dev.crest.tensor.autodiff.KernelCalls.mul;
import static dev.crest.tensor.autodiff.KernelCalls.mulScalar;
import static dev.crest.tensor.autodiff.KernelCalls.reduceSum;

import dev.crest.tensor.Broadcast;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.kernel.KernelArgs;
import java.util.Map;

/**
 * Gradient rules of the Reduce* operators. The output gradient is first brought back to the input's rank (the
 * reduced axes kept as size 1), then spread over each reduced group according to the reduction.
 */
final class ReductionGradients {
    private ReductionGradients() {
    }

    static void registerAll(Map<String, GradientRule> rules) {
        rules.put("ReduceSum", c -> reduce(c, (x, y, g, axes) -> expand(g, x.shape())));
        rules.put("ReduceMean", c -> reduce(c, (x, y, g, axes) -> {
            double count = (double) x.size() / Math.max(1, y.size());
            return expand(mulScalar(g, 1 / count), x.shape());
        }));
        rules.put("ReduceMax", c -> reduce(c, ReductionGradients::extremum));
        rules.put("ReduceMin", c -> reduce(c, ReductionGradients::extremum));
        rules.put("ReduceProd", c -> reduce(c, ReductionGradients::product));
    }

    /** How one reduction spreads the kept-rank gradient {@code g} over the input {@code x}. */
    @FunctionalInterface
    private interface Spread {
        /** {@code y} and {@code g} have the input's rank, size 1 on the reduced {@code axes}. */
        Tensor apply(Tensor x, Tensor y, Tensor g, int[] axes);
    }

    private static Tensor[] reduce(GradientContext c, Spread spread) {
        Tensor x = c.input(0);
        Tensor[] grads = new Tensor[c.inputCount()];
        int[] axes = reducedAxes(c);
        if (axes == null) {
            grads[0] = c.gradient(); // noop_with_empty_axes: the operator was the identity
            return grads;
        }
        int[] kept = x.shape().dims();
        for (int a : axes) {
            kept[a] = 1;
        }
        Shape keptShape = Shape.of(kept);
        Tensor g = c.gradient().reshape(keptShape);
        Tensor y = c.output().reshape(keptShape);
        grads[0] = x.size() == 0 ? x : spread.apply(x, y, g, axes);
        return grads;
    }

    /** The reduced axes (sorted, non-negative), or {@code null} when the reduction was a no-op. */
    private static int[] reducedAxes(GradientContext c) {
        Tensor x = c.input(0);
        long[] axes = c.input(1) != null ? KernelArgs.longs(c.input(1), "axes") : c.attributes().getLongs("axes");
        if (axes == null || axes.length == 0) {
            if (c.attributes().getLong("noop_with_empty_axes", 0) != 0) {
                return null;
            }
            int[] all = new int[x.rank()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean[] reduced = new boolean[x.rank()];
        for (long a : axes) {
            reduced[Shape.normalizeAxis(Math.toIntExact(a), x.rank())] = true;
        }
        return java.util.stream.IntStream.range(0, x.rank()).filter(i -> reduced[i]).toArray();
    }

    /** ReduceMax/ReduceMin: the gradient is shared equally among the elements that attain the extremum. */
    private static Tensor extremum(Tensor x, Tensor y, Tensor g, int[] axes) {
        Tensor hits = mask(equal(x, y), x.dtype());
        if (axes.length == 0) {
            return mul(hits, g);
        }
        Tensor counts = reduceSum(hits, axes, true);
        return mul(hits, div(g, counts));
    }

    /**
     * ReduceProd: each element's gradient is the product of the other elements of its group, computed from
     * the group's zero count and product of non-zeros so that zeros need no division.
     */
    private static Tensor product(Tensor x, Tensor y, Tensor g, int[] axes) {
        int[] group = Broadcast.indexMap(g.shape(), x.shape());
        int groups = g.size();
        double[] nonZeroProduct = new double[groups];
        int[] zeros = new int[groups];
        java.util.Arrays.fill(nonZeroProduct, 1.0);
        double[] values = x.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == 0) {
                zeros[group[i]]++;
            } else {
                nonZeroProduct[group[i]] *= values[i];
            }
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int k = group[i];
            double others;
            if (zeros[k] == 0) {
                others = nonZeroProduct[k] / values[i];
            } else if (zeros[k] == 1 && values[i] == 0) {
                others = nonZeroProduct[k];
            } else {
                others = 0;
            }
            out[i] = g.getDouble(k) * others;
        }
        return Tensor.fromDoubles(x.dtype(), x.shape(), out);
    }
}
