package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Resize} (opset 19): nearest, linear and cubic interpolation over any set of axes, with every
 * coordinate transformation mode, {@code roi}, {@code axes}, {@code keep_aspect_ratio_policy},
 * {@code exclude_outside}, {@code extrapolation_value} and {@code antialias} for linear and cubic.
 *
 * <p>Follows the ONNX operator definition and its reference implementation: the resampling is separable, so
 * each axis gets a table of (input index, weight) taps per output index and the axes are resampled one after
 * another, last axis first. Tap indices outside the input read the nearest edge element, unless
 * {@code exclude_outside=1} drops them and renormalizes the rest. Output sizes from {@code scales} are
 * {@code floor(input · scale)}. Deliberate choices where implementations disagree: {@code pytorch_half_pixel}
 * maps a length-1 output to coordinate 0 (as the spec text and ONNX Runtime do); integer inputs are
 * interpolated in float64 and truncated back, as the reference's {@code astype} does; {@code antialias} is
 * refused for {@code nearest}, which it does not apply to.
 */
final class ResizeKernels {
    private ResizeKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("Resize", 19, ResizeKernels::resize);
    }

    private enum Mode {
        NEAREST, LINEAR, CUBIC
    }

    private static List<Tensor> resize(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 4);
        Tensor x = KernelArgs.required(inputs, 0, "X");
        Tensor roiInput = present(KernelArgs.optional(inputs, 1));
        Tensor scalesInput = present(KernelArgs.optional(inputs, 2));
        Tensor sizesInput = present(KernelArgs.optional(inputs, 3));
        if (x.dtype().isBool()) {
            throw new TensorException("input X has unsupported dtype bool");
        }
        int rank = x.rank();
        int[] inDims = x.shape().dims();

        Mode mode = parseMode(attributes.getString("mode", "nearest"));
        String transform = attributes.getString("coordinate_transformation_mode", "half_pixel");
        checkOneOf("coordinate_transformation_mode", transform, "half_pixel", "half_pixel_symmetric",
                "pytorch_half_pixel", "align_corners", "asymmetric", "tf_crop_and_resize");
        String nearestMode = attributes.getString("nearest_mode", "round_prefer_floor");
        checkOneOf("nearest_mode", nearestMode, "round_prefer_floor", "round_prefer_ceil", "floor", "ceil");
        String policy = attributes.getString("keep_aspect_ratio_policy", "stretch");
        checkOneOf("keep_aspect_ratio_policy", policy, "stretch", "not_larger", "not_smaller");
        double cubicA = attributes.getDouble("cubic_coeff_a", -0.75);
        boolean excludeOutside = flag(attributes, "exclude_outside");
        boolean antialias = flag(attributes, "antialias");
        double extrapolation = attributes.getDouble("extrapolation_value", 0.0);
        if (antialias && mode == Mode.NEAREST) {
            throw new TensorException("antialias=1 applies only to modes linear and cubic, not nearest");
        }

        int[] axes = resolveAxes(attributes.getInts("axes", null), rank);
        if ((scalesInput == null) == (sizesInput == null)) {
            throw new TensorException("exactly one of the inputs 'scales' and 'sizes' must be given (non-empty)");
        }

        double[] scales = new double[rank];
        int[] outDims = inDims.clone();
        Arrays.fill(scales, 1.0);
        if (scalesInput != null) {
            KernelArgs.requireFloat(scalesInput, "scales");
            double[] given = scalesInput.toDoubleArray();
            checkAxisCount("scales", given.length, axes.length);
            for (int i = 0; i < axes.length; i++) {
                if (!(given[i] > 0) || Double.isInfinite(given[i])) {
                    throw new TensorException("scales must be positive and finite, got " + Arrays.toString(given));
                }
                scales[axes[i]] = given[i];
                outDims[axes[i]] = (int) Math.min(Integer.MAX_VALUE, Math.floor(inDims[axes[i]] * given[i]));
            }
        } else {
            long[] given = KernelArgs.longs(sizesInput, "sizes");
            checkAxisCount("sizes", given.length, axes.length);
            for (int i = 0; i < axes.length; i++) {
                if (given[i] < 0 || given[i] > Integer.MAX_VALUE) {
                    throw new TensorException("sizes must be non-negative, got " + Arrays.toString(given));
                }
                if (inDims[axes[i]] == 0) {
                    throw new TensorException("cannot resize axis " + axes[i] + " of length 0 to a given size");
                }
                outDims[axes[i]] = (int) given[i];
                scales[axes[i]] = (double) given[i] / inDims[axes[i]];
            }
            if (!policy.equals("stretch")) {
                double scale = scales[axes[0]];
                for (int a : axes) {
                    scale = policy.equals("not_larger") ? Math.min(scale, scales[a]) : Math.max(scale, scales[a]);
                }
                for (int a : axes) {
                    scales[a] = scale;
                    outDims[a] = (int) Math.floor(scale * inDims[a] + 0.5);
                }
            }
        }

        double[] roiStart = new double[rank];
        double[] roiEnd = new double[rank];
        Arrays.fill(roiEnd, 1.0);
        if (transform.equals("tf_crop_and_resize")) {
            if (roiInput == null) {
                throw new TensorException("coordinate_transformation_mode tf_crop_and_resize needs the 'roi' input");
            }
            KernelArgs.requireFloat(roiInput, "roi");
            double[] roi = roiInput.toDoubleArray();
            if (roi.length != 2 * axes.length) {
                throw new TensorException("roi needs " + 2 * axes.length + " values (starts then ends for "
                        + axes.length + " axes), got " + roi.length);
            }
            for (int i = 0; i < axes.length; i++) {
                roiStart[axes[i]] = roi[i];
                roiEnd[axes[i]] = roi[axes.length + i];
            }
        }

        Shape outShape = Shape.of(outDims);
        double[] data = x.toDoubleArray();
        int[] currentDims = inDims.clone();
        for (int axis = rank - 1; axis >= 0; axis--) {
            Taps taps = new Taps(mode, transform, nearestMode, cubicA, excludeOutside, antialias, inDims[axis],
                    outDims[axis], scales[axis], roiStart[axis], roiEnd[axis]);
            if (taps.isIdentity()) {
                continue;
            }
            data = resampleAxis(data, currentDims, axis, taps, extrapolation);
            currentDims[axis] = outDims[axis];
        }
        return List.of(Tensor.fromDoubles(x.dtype(), outShape, data));
    }

    /** Resamples {@code data} of shape {@code dims} along {@code axis} with the given taps. */
    private static double[] resampleAxis(double[] data, int[] dims, int axis, Taps taps, double extrapolation) {
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= dims[d];
        }
        int inner = 1;
        for (int d = axis + 1; d < dims.length; d++) {
            inner *= dims[d];
        }
        int inLength = dims[axis];
        int outLength = taps.outLength;
        double[] out = new double[outer * outLength * inner];
        for (int b = 0; b < outer; b++) {
            int srcBase = b * inLength * inner;
            for (int o = 0; o < outLength; o++) {
                int dst = (b * outLength + o) * inner;
                if (taps.extrapolate[o]) {
                    Arrays.fill(out, dst, dst + inner, extrapolation);
                    continue;
                }
                int[] index = taps.index[o];
                double[] weight = taps.weight[o];
                for (int t = 0; t < index.length; t++) {
                    int src = srcBase + index[t] * inner;
                    double w = weight[t];
                    for (int i = 0; i < inner; i++) {
                        out[dst + i] += w * data[src + i];
                    }
                }
            }
        }
        return out;
    }

    /**
     * Per-output-index interpolation taps along one axis: input indices (already clamped to the edge) and
     * weights, or a flag that the output lies outside the crop region (tf_crop_and_resize) and takes the
     * extrapolation value. Zero-weight taps are dropped.
     */
    private static final class Taps {
        final int inLength;
        final int outLength;
        final int[][] index;
        final double[][] weight;
        final boolean[] extrapolate;

        Taps(Mode mode, String transform, String nearestMode, double cubicA, boolean excludeOutside,
                boolean antialias, int inLength, int outLength, double scale, double roiStart, double roiEnd) {
            this.inLength = inLength;
            this.outLength = outLength;
            index = new int[outLength][];
            weight = new double[outLength][];
            extrapolate = new boolean[outLength];
            for (int o = 0; o < outLength; o++) {
                double coordinate = originalCoordinate(transform, o, scale, inLength, outLength, roiStart, roiEnd);
                if (transform.equals("tf_crop_and_resize") && (coordinate < 0 || coordinate > inLength - 1)) {
                    extrapolate[o] = true;
                    index[o] = new int[0];
                    weight[o] = new double[0];
                    continue;
                }
                if (mode == Mode.NEAREST) {
                    index[o] = new int[] {clamp(nearest(coordinate, nearestMode), inLength)};
                    weight[o] = new double[] {1.0};
                } else {
                    setInterpolationTaps(o, mode, coordinate, scale, cubicA, excludeOutside, antialias);
                }
            }
        }

        private void setInterpolationTaps(int o, Mode mode, double coordinate, double scale, double cubicA,
                boolean excludeOutside, boolean antialias) {
            // As in the reference: base = the input index left of the coordinate, ratio in (0, 1].
            int base = (int) Math.ceil(coordinate) - 1;
            double ratio = coordinate - base;
            double s = antialias ? Math.min(scale, 1.0) : 1.0;
            int start;
            int count;
            if (mode == Mode.LINEAR) {
                start = (int) Math.floor(-1 / s) + 1;
                count = 2 - 2 * start;
            } else {
                start = (int) Math.floor(-2 / s) + 1;
                count = 2 - 2 * start;
            }
            int[] raw = new int[count];
            double[] w = new double[count];
            double sum = 0;
            for (int t = 0; t < count; t++) {
                int offset = start + t;
                raw[t] = base + offset;
                double distance = (offset - ratio) * s;
                w[t] = mode == Mode.LINEAR ? Math.max(0, 1 - Math.abs(distance)) : cubic(distance, cubicA);
                sum += w[t];
            }
            if (antialias) {
                for (int t = 0; t < count; t++) {
                    w[t] /= sum;
                }
            }
            if (excludeOutside) {
                double kept = 0;
                for (int t = 0; t < count; t++) {
                    if (raw[t] < 0 || raw[t] >= inLength) {
                        w[t] = 0;
                    }
                    kept += w[t];
                }
                for (int t = 0; t < count; t++) {
                    w[t] /= kept;
                }
            }
            int nonZero = 0;
            for (double v : w) {
                if (v != 0) {
                    nonZero++;
                }
            }
            index[o] = new int[nonZero];
            weight[o] = new double[nonZero];
            int k = 0;
            for (int t = 0; t < count; t++) {
                if (w[t] != 0) {
                    index[o][k] = clamp(raw[t], inLength);
                    weight[o][k] = w[t];
                    k++;
                }
            }
        }

        boolean isIdentity() {
            if (outLength != inLength) {
                return false;
            }
            for (int o = 0; o < outLength; o++) {
                if (extrapolate[o] || index[o].length != 1 || index[o][0] != o || weight[o][0] != 1.0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The input coordinate of output index {@code x} under the ONNX coordinate transformation modes. */
    static double originalCoordinate(String transform, int x, double scale, int inLength, int outLength,
            double roiStart, double roiEnd) {
        switch (transform) {
            case "half_pixel":
                return (x + 0.5) / scale - 0.5;
            case "half_pixel_symmetric": {
                double adjustment = outLength / (scale * inLength);
                double center = inLength / 2.0;
                double offset = center * (1 - adjustment);
                return offset + (x + 0.5) / scale - 0.5;
            }
            case "pytorch_half_pixel":
                return outLength > 1 ? (x + 0.5) / scale - 0.5 : 0.0;
            case "align_corners":
                return outLength == 1 ? 0.0 : x * (inLength - 1) / (double) (outLength - 1);
            case "asymmetric":
                return x / scale;
            case "tf_crop_and_resize":
                return outLength > 1
                        ? roiStart * (inLength - 1) + x * (roiEnd - roiStart) * (inLength - 1) / (outLength - 1)
                        : 0.5 * (roiStart + roiEnd) * (inLength - 1);
            default:
                throw new IllegalStateException(transform);
        }
    }

    private static int nearest(double coordinate, String nearestMode) {
        double floor = Math.floor(coordinate);
        double fraction = coordinate - floor;
        switch (nearestMode) {
            case "floor":
                return (int) floor;
            case "ceil":
                return (int) Math.ceil(coordinate);
            case "round_prefer_ceil":
                return (int) (fraction >= 0.5 ? floor + 1 : floor);
            default: // round_prefer_floor
                return (int) (fraction > 0.5 ? floor + 1 : floor);
        }
    }

    /** The cubic convolution kernel with parameter {@code a} (Keys 1981), as the ONNX reference defines it. */
    private static double cubic(double distance, double a) {
        double x = Math.abs(distance);
        if (x <= 1) {
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        }
        if (x < 2) {
            return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
        }
        return 0;
    }

    private static int clamp(int index, int length) {
        return Math.max(0, Math.min(length - 1, index));
    }

    private static Tensor present(Tensor t) {
        return t == null || t.size() == 0 ? null : t;
    }

    private static Mode parseMode(String mode) {
        switch (mode) {
            case "nearest":
                return Mode.NEAREST;
            case "linear":
                return Mode.LINEAR;
            case "cubic":
                return Mode.CUBIC;
            default:
                throw new TensorException("attribute 'mode' must be nearest, linear or cubic, got '" + mode + "'");
        }
    }

    private static void checkOneOf(String name, String value, String... allowed) {
        if (!Arrays.asList(allowed).contains(value)) {
            throw new TensorException("attribute '" + name + "' must be one of " + String.join(", ", allowed)
                    + ", got '" + value + "'");
        }
    }

    private static boolean flag(Attributes attributes, String name) {
        long value = attributes.getLong(name, 0);
        if (value != 0 && value != 1) {
            throw new TensorException("attribute '" + name + "' must be 0 or 1, got " + value);
        }
        return value == 1;
    }

    private static int[] resolveAxes(int[] axes, int rank) {
        if (axes == null) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < axes.length; i++) {
            out[i] = Shape.normalizeAxis(axes[i], rank);
            if (seen[out[i]]) {
                throw new TensorException("attribute 'axes' repeats axis " + axes[i]);
            }
            seen[out[i]] = true;
        }
        return out;
    }

    private static void checkAxisCount(String name, int given, int expected) {
        if (given != expected) {
            throw new TensorException(name + " has " + given + " values but " + expected
                    + " are needed (one per resized axis)");
        }
    }
}
