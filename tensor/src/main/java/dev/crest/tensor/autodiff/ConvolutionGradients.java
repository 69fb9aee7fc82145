package dev.crest.tensor.autodiff;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * Gradient rules of Conv, MaxPool and AveragePool over any number of spatial axes. The input and weight
 * gradients are the transposed window sums, written as loops over {@link WindowGeometry} (the registry has no
 * ConvTranspose or scatter kernel to express them); the bias gradient is a ReduceSum kernel.
 */
final class ConvolutionGradients {
    private ConvolutionGradients() {
    }

    static void registerAll(Map<String, GradientRule> rules) {
        rules.put("Conv", ConvolutionGradients::conv);
        rules.put("MaxPool", ConvolutionGradients::maxPool);
        rules.put("AveragePool", ConvolutionGradients::averagePool);
    }

    private static int[] spatial(Shape s) {
        return Arrays.copyOfRange(s.dims(), 2, s.rank());
    }

    /** Y[n, m, o] = Σ_{c, k} X[n, g·C/G + c, src(o, k)]·W[m, c, k] + B[m], with g the group of m. */
    private static Tensor[] conv(GradientContext c) {
        Tensor x = c.input(0);
        Tensor w = c.input(1);
        Tensor y = c.output();
        int batches = x.shape().dim(0);
        int channels = x.shape().dim(1);
        int maps = w.shape().dim(0);
        int groups = c.attributes().getInt("group", 1);
        int channelsPerGroup = channels / groups;
        int mapsPerGroup = maps / groups;
        WindowGeometry geo = WindowGeometry.of(c.attributes(), spatial(x.shape()), spatial(y.shape()),
                spatial(w.shape()));
        int inSize = WindowGeometry.product(spatial(x.shape()));
        int outSize = geo.outSize();
        int kernelSize = geo.kernelSize();
        double[] xs = x.toDoubleArray();
        double[] ws = w.toDoubleArray();
        double[] gs = c.gradient().toDoubleArray();
        double[] dx = c.needs(0) ? new double[xs.length] : null;
        double[] dw = c.needs(1) ? new double[ws.length] : null;
        for (int n = 0; n < batches; n++) {
            for (int m = 0; m < maps; m++) {
                int group = m / mapsPerGroup;
                int gBase = (n * maps + m) * outSize;
                for (int ci = 0; ci < channelsPerGroup; ci++) {
                    int xBase = (n * channels + group * channelsPerGroup + ci) * inSize;
                    int wBase = (m * channelsPerGroup + ci) * kernelSize;
                    for (int o = 0; o < outSize; o++) {
                        double gv = gs[gBase + o];
                        if (gv == 0) {
                            continue;
                        }
                        for (int k = 0; k < kernelSize; k++) {
                            int s = geo.source(o, k);
                            if (s < 0) {
                                continue;
                            }
                            if (dx != null) {
                                dx[xBase + s] += gv * ws[wBase + k];
                            }
                            if (dw != null) {
                                dw[wBase + k] += gv * xs[xBase + s];
                            }
                        }
                    }
                }
            }
        }
        Tensor db = null;
        if (c.needs(2)) {
            int[] axes = new int[y.rank() - 1];
            axes[0] = 0;
            for (int i = 2; i < y.rank(); i++) {
                axes[i - 1] = i;
            }
            db = KernelCalls.reduceSum(c.gradient(), axes, false).reshape(c.input(2).shape());
        }
        return new Tensor[] {
            dx == null ? null : Tensor.fromDoubles(x.dtype(), x.shape(), dx),
            dw == null ? null : Tensor.fromDoubles(w.dtype(), w.shape(), dw),
            db};
    }

    /** Each output's gradient goes to the first input element of its window holding the maximum. */
    private static Tensor[] maxPool(GradientContext c) {
        Tensor x = c.input(0);
        Tensor y = c.output();
        WindowGeometry geo = WindowGeometry.of(c.attributes(), spatial(x.shape()), spatial(y.shape()),
                c.attributes().getInts("kernel_shape", null));
        int planes = x.shape().dim(0) * x.shape().dim(1);
        int inSize = WindowGeometry.product(spatial(x.shape()));
        double[] xs = x.toDoubleArray();
        double[] gs = c.gradient().toDoubleArray();
        double[] dx = new double[xs.length];
        for (int p = 0; p < planes; p++) {
            for (int o = 0; o < geo.outSize(); o++) {
                int best = -1;
                for (int k = 0; k < geo.kernelSize(); k++) {
                    int s = geo.source(o, k);
                    if (s >= 0 && (best < 0 || xs[p * inSize + s] > xs[p * inSize + best])) {
                        best = s;
                    }
                }
                if (best >= 0) {
                    dx[p * inSize + best] += gs[p * geo.outSize() + o];
                }
            }
        }
        return new Tensor[] {Tensor.fromDoubles(x.dtype(), x.shape(), dx)};
    }

    /**
     * Each output's gradient is shared by the input elements of its window, divided by the forward divisor:
     * the elements inside the input, or with count_include_pad also those in the padding.
     */
    private static Tensor[] averagePool(GradientContext c) {
        Tensor x = c.input(0);
        Tensor y = c.output();
        WindowGeometry geo = WindowGeometry.of(c.attributes(), spatial(x.shape()), spatial(y.shape()),
                c.attributes().getInts("kernel_shape", null));
        boolean includePad = c.attributes().getLong("count_include_pad", 0) != 0;
        int planes = x.shape().dim(0) * x.shape().dim(1);
        int inSize = WindowGeometry.product(spatial(x.shape()));
        double[] gs = c.gradient().toDoubleArray();
        double[] dx = new double[x.size()];
        for (int o = 0; o < geo.outSize(); o++) {
            int divisor = 0;
            for (int k = 0; k < geo.kernelSize(); k++) {
                int s = geo.source(o, k);
                if (s >= 0 || (includePad && s == WindowGeometry.PADDING)) {
                    divisor++;
                }
            }
            if (divisor == 0) {
                continue;
            }
            for (int p = 0; p < planes; p++) {
                double share = gs[p * geo.outSize() + o] / divisor;
                for (int k = 0; k < geo.kernelSize(); k++) {
                    int s = geo.source(o, k);
                    if (s >= 0) {
                        dx[p * inSize + s] += share;
                    }
                }
            }
        }
        return new Tensor[] {Tensor.fromDoubles(x.dtype(), x.shape(), dx)};
    }
}
