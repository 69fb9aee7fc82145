package dev.crest.tensor.autodiff;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Map;

/**
 * Gradient rule of Resize. Nearest mode copies input elements, so its gradient is routed through the kernel
 * itself ({@link Routing}). Linear and cubic modes are separable linear maps: each axis reads a few neighbours
 * with weights that depend only on that axis, so the gradient applies the transposed per-axis weights one axis
 * at a time. The weights follow the ONNX Resize-19 definition as the registry kernel reads it (integer output
 * lengths in align_corners and tf_crop_and_resize, coordinate 0 for a length-1 pytorch_half_pixel output,
 * edge-clamped neighbours, exclude_outside, antialias); outputs set to tf_crop_and_resize's extrapolation_value
 * receive no gradient.
 */
final class ResizeGradients {
    private ResizeGradients() {
    }

    static void registerAll(Map<String, GradientRule> rules) {
        rules.put("Resize", ResizeGradients::resize);
    }

    private static Tensor[] resize(GradientContext c) {
        String mode = c.attributes().getString("mode", "nearest");
        Tensor dx;
        if (mode.equals("nearest")) {
            dx = Routing.gradient(c, 0);
        } else if (mode.equals("linear") || mode.equals("cubic")) {
            dx = interpolationGradient(c, mode.equals("cubic"));
        } else {
            throw new TensorException("unknown Resize mode '" + mode + "'");
        }
        Tensor[] grads = new Tensor[c.inputCount()];
        grads[0] = dx;
        return grads;
    }

    /** The neighbours and weights one output coordinate of one axis reads; no neighbours when extrapolated. */
    private record Taps(int[] index, double[] weight) {
    }

    private static Tensor interpolationGradient(GradientContext c, boolean cubic) {
        Tensor x = c.input(0);
        int rank = x.rank();
        int[] in = x.shape().dims();
        int[] out = c.output().shape().dims();
        double[] scales = scaleFactors(c, in, out);
        double[] roi = regionOfInterest(c, rank);
        Taps[][] taps = new Taps[rank][];
        for (int d = 0; d < rank; d++) {
            taps[d] = new Taps[out[d]];
            for (int o = 0; o < out[d]; o++) {
                taps[d][o] = taps(c.attributes(), cubic, o, in[d], out[d], scales[d], roi[d], roi[d + rank]);
            }
        }
        // Contract one axis at a time, last to first: shape goes from out to in axis by axis.
        double[] current = c.gradient().toDoubleArray();
        int[] dims = out.clone();
        for (int d = rank - 1; d >= 0; d--) {
            int outer = 1;
            for (int i = 0; i < d; i++) {
                outer *= dims[i];
            }
            int inner = 1;
            for (int i = d + 1; i < rank; i++) {
                inner *= dims[i];
            }
            double[] next = new double[outer * in[d] * inner];
            for (int a = 0; a < outer; a++) {
                for (int o = 0; o < out[d]; o++) {
                    Taps t = taps[d][o];
                    int src = (a * out[d] + o) * inner;
                    for (int j = 0; j < t.index().length; j++) {
                        int dst = (a * in[d] + t.index()[j]) * inner;
                        double w = t.weight()[j];
                        for (int b = 0; b < inner; b++) {
                            next[dst + b] += w * current[src + b];
                        }
                    }
                }
            }
            current = next;
            dims[d] = in[d];
        }
        return Tensor.fromDoubles(x.dtype(), x.shape(), current);
    }

    /** Per-axis scale factors as ONNX defines them: the scales input, or sizes / input size (with the policy). */
    private static double[] scaleFactors(GradientContext c, int[] in, int[] out) {
        int rank = in.length;
        int[] axes = axes(c.attributes(), rank);
        Tensor scalesInput = c.input(2);
        double[] scales = new double[rank];
        java.util.Arrays.fill(scales, 1.0);
        if (scalesInput != null && scalesInput.size() > 0) {
            for (int i = 0; i < axes.length; i++) {
                scales[axes[i]] = scalesInput.getDouble(i);
            }
            return scales;
        }
        Tensor sizes = c.input(3);
        for (int i = 0; i < axes.length; i++) {
            scales[axes[i]] = (double) sizes.getLong(i) / in[axes[i]];
        }
        String policy = c.attributes().getString("keep_aspect_ratio_policy", "stretch");
        if (!policy.equals("stretch")) {
            double chosen = policy.equals("not_larger") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            for (int a : axes) {
                chosen = policy.equals("not_larger") ? Math.min(chosen, scales[a]) : Math.max(chosen, scales[a]);
            }
            for (int a : axes) {
                scales[a] = chosen;
            }
        }
        return scales;
    }

    private static int[] axes(Attributes attributes, int rank) {
        int[] axes = attributes.getInts("axes", null);
        if (axes == null) {
            axes = new int[rank];
            for (int i = 0; i < rank; i++) {
                axes[i] = i;
            }
            return axes;
        }
        for (int i = 0; i < axes.length; i++) {
            axes[i] = Shape.normalizeAxis(axes[i], rank);
        }
        return axes;
    }

    /** The roi as [starts…, ends…] over all axes (defaults 0 and 1), used by tf_crop_and_resize. */
    private static double[] regionOfInterest(GradientContext c, int rank) {
        double[] roi = new double[2 * rank];
        for (int i = 0; i < rank; i++) {
            roi[rank + i] = 1.0;
        }
        Tensor given = c.input(1);
        if (given != null && given.size() > 0
                && c.attributes().getString("coordinate_transformation_mode", "half_pixel").equals("tf_crop_and_resize")) {
            int[] axes = axes(c.attributes(), rank);
            for (int i = 0; i < axes.length; i++) {
                roi[axes[i]] = given.getDouble(i);
                roi[rank + axes[i]] = given.getDouble(axes.length + i);
            }
        }
        return roi;
    }

    private static Taps taps(Attributes attributes, boolean cubic, int o, int in, int out, double scale,
            double roiStart, double roiEnd) {
        String transform = attributes.getString("coordinate_transformation_mode", "half_pixel");
        double source;
        switch (transform) {
            case "align_corners":
                source = out == 1 ? 0 : o * (in - 1) / (double) (out - 1);
                break;
            case "asymmetric":
                source = o / scale;
                break;
            case "tf_crop_and_resize":
                source = out > 1 ? roiStart * (in - 1) + o * (roiEnd - roiStart) * (in - 1) / (out - 1)
                        : 0.5 * (roiStart + roiEnd) * (in - 1);
                if (source < 0 || source > in - 1) {
                    return new Taps(new int[0], new double[0]); // extrapolation_value: no gradient
                }
                break;
            case "pytorch_half_pixel":
                source = out > 1 ? (o + 0.5) / scale - 0.5 : 0;
                break;
            case "half_pixel_symmetric": {
                double adjustment = out / (scale * in);
                source = in / 2.0 * (1 - adjustment) + (o + 0.5) / scale - 0.5;
                break;
            }
            case "half_pixel":
                source = (o + 0.5) / scale - 0.5;
                break;
            default:
                throw new TensorException("unknown coordinate_transformation_mode '" + transform + "'");
        }
        // ONNX takes the ratio in (0, 1], preferring the neighbour on the left.
        int base = (int) Math.floor(source);
        double ratio = source - base;
        if (ratio == 0) {
            base -= 1;
            ratio = 1;
        }
        boolean antialias = attributes.getLong("antialias", 0) != 0;
        double a = attributes.getDouble("cubic_coeff_a", -0.75);
        double[] weights = cubic ? cubicWeights(ratio, antialias ? Math.min(scale, 1) : 1, a, antialias)
                : linearWeights(ratio, antialias ? Math.min(scale, 1) : 1, antialias);
        int n = weights.length;
        int[] index = new int[n];
        boolean excludeOutside = attributes.getLong("exclude_outside", 0) != 0;
        double kept = 0;
        for (int j = 0; j < n; j++) {
            int raw = base - n / 2 + 1 + j;
            if (excludeOutside && (raw < 0 || raw >= in)) {
                weights[j] = 0;
            }
            kept += weights[j];
            index[j] = Math.max(0, Math.min(in - 1, raw)); // edge padding
        }
        if (excludeOutside && kept != 0) {
            for (int j = 0; j < n; j++) {
                weights[j] /= kept;
            }
        }
        return new Taps(index, weights);
    }

    private static double[] linearWeights(double ratio, double scale, boolean antialias) {
        if (!antialias) {
            return new double[] {1 - ratio, ratio};
        }
        int start = (int) Math.floor(-1 / scale) + 1;
        int footprint = 2 - 2 * start;
        double[] w = new double[footprint];
        double sum = 0;
        for (int j = 0; j < footprint; j++) {
            w[j] = Math.max(0, Math.min(1, 1 - Math.abs((start + j - ratio) * scale)));
            sum += w[j];
        }
        for (int j = 0; j < footprint; j++) {
            w[j] /= sum;
        }
        return w;
    }

    private static double[] cubicWeights(double ratio, double scale, double a, boolean antialias) {
        if (!antialias) {
            return new double[] {
                cubicKernel(ratio + 1, a), cubicKernel(ratio, a), cubicKernel(1 - ratio, a), cubicKernel(2 - ratio, a)};
        }
        int start = (int) Math.floor(-2 / scale) + 1;
        int end = 2 - start;
        double[] w = new double[end - start];
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            w[j] = cubicKernel(scale * (start + j - ratio), a);
            sum += w[j];
        }
        for (int j = 0; j < w.length; j++) {
            w[j] /= sum;
        }
        return w;
    }

    /** Keys' cubic convolution kernel with parameter {@code a}. */
    private static double cubicKernel(double t, double a) {
        double x = Math.abs(t);
        if (x <= 1) {
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        }
        if (x < 2) {
            return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
        }
        return 0;
    }
}
