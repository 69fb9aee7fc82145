package dev.crest.fuzz.backend.tensorflow;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operation;
import org.tensorflow.Output;

/**
 * Network layers (MatMul, Gemm, Conv, MaxPool, AveragePool, BatchNormalization) as TensorFlow operations.
 * ONNX is channels-first (N, C, spatial…) while TensorFlow's CPU convolutions and pools are channels-last, so
 * values are transposed in and out; 1-D windows run as 2-D ones with a height of 1; ONNX's asymmetric and
 * ceil-mode padding becomes an explicit pad before a VALID window.
 */
final class LayerTranslations {
    private LayerTranslations() {
    }

    static void register(Map<String, NodeTranslation> translations) {
        translations.put("MatMul", LayerTranslations::matMul);
        translations.put("Gemm", LayerTranslations::gemm);
        translations.put("Conv", LayerTranslations::conv);
        translations.put("MaxPool", LayerTranslations::maxPool);
        translations.put("AveragePool", LayerTranslations::averagePool);
        translations.put("BatchNormalization", LayerTranslations::batchNormalization);
    }

    /** numpy matmul: 1-D operands gain a dimension that is removed again, batch dimensions broadcast. */
    private static List<Output<?>> matMul(TfNode n) {
        TfEmitter tf = n.tf();
        Output<?> a = n.input(0);
        Output<?> b = n.input(1);
        boolean vectorA = n.shape(0).length == 1;
        boolean vectorB = n.shape(1).length == 1;
        if (vectorA) {
            a = tf.op("ExpandDims", a, tf.constant(Tensor.scalar(DType.INT64, 0)));
        }
        if (vectorB) {
            b = tf.op("ExpandDims", b, tf.constant(Tensor.scalar(DType.INT64, -1)));
        }
        Output<?> product = tf.op("BatchMatMulV2", a, b);
        List<Long> squeeze = new ArrayList<>();
        if (vectorA) {
            squeeze.add(-2L);
        }
        if (vectorB) {
            squeeze.add(-1L);
        }
        if (!squeeze.isEmpty()) {
            long[] dims = squeeze.stream().mapToLong(Long::longValue).toArray();
            product = tf.op("Squeeze", List.of(product), o -> o.setAttr("squeeze_dims", dims));
        }
        return List.of(product);
    }

    /** alpha·op(A)·op(B) + beta·C, with C broadcast to (M, N). */
    private static List<Output<?>> gemm(TfNode n) {
        TfEmitter tf = n.tf();
        DType dtype = n.dtype(0);
        boolean transA = n.attributes().getLong("transA", 0) == 1;
        boolean transB = n.attributes().getLong("transB", 0) == 1;
        double alpha = n.attributes().getDouble("alpha", 1.0);
        double beta = n.attributes().getDouble("beta", 1.0);
        Output<?> result = tf.op("MatMul", List.of(n.input(0), n.input(1)),
                b -> b.setAttr("transpose_a", transA).setAttr("transpose_b", transB));
        if (alpha != 1.0) {
            result = tf.op("Mul", tf.scalar(dtype, alpha), result);
        }
        if (n.has(2)) {
            Output<?> c = n.input(2);
            if (beta != 1.0) {
                c = tf.op("Mul", tf.scalar(dtype, beta), c);
            }
            result = tf.op("AddV2", result, c);
        }
        return List.of(result);
    }

    private static List<Output<?>> conv(TfNode n) {
        TfEmitter tf = n.tf();
        long[] xShape = n.shape(0);
        long[] wShape = n.shape(1);
        int spatial = xShape.length - 2;
        if (spatial < 1 || spatial > 3) {
            throw n.unsupported(spatial + " spatial axes");
        }
        long[] kernel = Arrays.copyOfRange(wShape, 2, wShape.length);
        SlidingWindow window = SlidingWindow.resolve(n, Arrays.copyOfRange(xShape, 2, xShape.length), kernel, false);
        long group = n.attributes().getLong("group", 1);
        Output<?> x = padSpatial(tf, channelsLast(tf, n.input(0)), window, tf.scalar(n.dtype(0), 0), false);
        // W (M, C/group, k…) becomes TensorFlow's filter (k…, C/group, M).
        long[] filterPerm = new long[wShape.length];
        for (int d = 0; d < spatial; d++) {
            filterPerm[d] = d + 2;
        }
        filterPerm[spatial] = 1;
        filterPerm[spatial + 1] = 0;
        Output<?> filter = tf.op("Transpose", n.input(1), tf.longs(filterPerm));
        if (spatial == 1) {
            x = tf.op("ExpandDims", x, tf.constant(Tensor.scalar(DType.INT64, 1)));
            filter = tf.op("ExpandDims", filter, tf.constant(Tensor.scalar(DType.INT64, 0)));
        }
        long[] strides = frame(spatial == 1 ? prepend(1, window.strides()) : window.strides());
        long[] dilations = frame(spatial == 1 ? prepend(1, window.dilations()) : window.dilations());
        String op = spatial == 3 ? "Conv3D" : "Conv2D";
        if (spatial == 3 && window.dilated()) {
            // TensorFlow's CPU Conv3D has no dilations: the filter is dilated instead, zeros between its taps.
            filter = dilateFilter(tf, filter, window.dilations());
            dilations = frame(new long[] {1, 1, 1});
        }
        Output<?> y;
        if (group == 1) {
            y = convolve(tf, op, x, filter, strides, dilations);
        } else {
            int channelAxis = TfEmitter.rank(x) - 1;
            Operation xs = tf.operation("Split", List.of(tf.constant(Tensor.scalar(DType.INT32, channelAxis)), x),
                    b -> b.setAttr("num_split", group));
            Operation fs = tf.operation("Split", List.of(tf.constant(Tensor.scalar(DType.INT32, channelAxis)), filter),
                    b -> b.setAttr("num_split", group));
            List<Output<?>> parts = new ArrayList<>();
            for (int g = 0; g < group; g++) {
                parts.add(convolve(tf, op, xs.output(g), fs.output(g), strides, dilations));
            }
            y = tf.listOp("ConcatV2", parts, List.of(tf.constant(Tensor.scalar(DType.INT64, channelAxis))), b -> { });
        }
        if (spatial == 1) {
            y = tf.op("Squeeze", List.of(y), b -> b.setAttr("squeeze_dims", new long[] {1}));
        }
        if (n.has(2)) {
            y = tf.op("AddV2", y, n.input(2));
        }
        return List.of(channelsFirst(tf, y));
    }

    private static Output<?> convolve(TfEmitter tf, String op, Output<?> x, Output<?> filter, long[] strides,
            long[] dilations) {
        return tf.op(op, List.of(x, filter), b -> b.setAttr("strides", strides).setAttr("dilations", dilations)
                .setAttr("padding", "VALID"));
    }

    private static List<Output<?>> maxPool(TfNode n) {
        TfEmitter tf = n.tf();
        long[] xShape = n.shape(0);
        int spatial = xShape.length - 2;
        if (spatial < 1 || spatial > 3) {
            throw n.unsupported(spatial + " spatial axes");
        }
        if (n.attributes().has("storage_order") && n.attributes().getLong("storage_order") != 0) {
            throw n.unsupported("storage_order 1");
        }
        SlidingWindow window = SlidingWindow.resolve(n, Arrays.copyOfRange(xShape, 2, xShape.length),
                n.attributes().getLongs("kernel_shape"), true);
        DType dtype = n.dtype(0);
        Output<?> x = padSpatial(tf, channelsLast(tf, n.input(0)), window, tf.scalar(dtype, lowest(dtype)), true);
        if (spatial == 1) {
            x = tf.op("ExpandDims", x, tf.constant(Tensor.scalar(DType.INT64, 1)));
        }
        Output<?> y;
        if (spatial < 3) {
            y = maxPool2d(tf, x, spatial == 1 ? prepend(1, window.kernel()) : window.kernel(),
                    spatial == 1 ? prepend(1, window.strides()) : window.strides(),
                    spatial == 1 ? prepend(1, window.dilations()) : window.dilations(), dtype);
        } else if (dtype == DType.FLOAT32 && !window.dilated()) {
            y = tf.op("MaxPool3D", List.of(x), b -> b.setAttr("ksize", frame(window.kernel()))
                    .setAttr("strides", frame(window.strides())).setAttr("padding", "VALID"));
        } else {
            // MaxPool3D runs float32 only and undilated: a box maximum is separable, so pool (H, W) then D in 2-D.
            long[] shape = TfEmitter.shape(x);
            long[] k = window.kernel();
            long[] st = window.strides();
            long[] dl = window.dilations();
            Output<?> planes = tf.op("Reshape", x, tf.longs(shape[0] * shape[1], shape[2], shape[3], shape[4]));
            Output<?> pooled = maxPool2d(tf, planes, new long[] {k[1], k[2]}, new long[] {st[1], st[2]},
                    new long[] {dl[1], dl[2]}, dtype);
            long[] planeShape = TfEmitter.shape(pooled);
            Output<?> depth = tf.op("Reshape", pooled, tf.longs(shape[0], shape[1], planeShape[1] * planeShape[2], shape[4]));
            Output<?> both = maxPool2d(tf, depth, new long[] {k[0], 1}, new long[] {st[0], 1}, new long[] {dl[0], 1}, dtype);
            y = tf.op("Reshape", both, tf.longs(shape[0], TfEmitter.shape(both)[1], planeShape[1], planeShape[2], shape[4]));
        }
        if (spatial == 1) {
            y = tf.op("Squeeze", List.of(y), b -> b.setAttr("squeeze_dims", new long[] {1}));
        }
        return List.of(channelsFirst(tf, y));
    }

    /** Max pooling over the two spatial axes of an NHWC value: MaxPool, or Dilation2D when dilated. */
    private static Output<?> maxPool2d(TfEmitter tf, Output<?> x, long[] kernel, long[] strides, long[] dilations,
            DType dtype) {
        if (dilations[0] == 1 && dilations[1] == 1) {
            return tf.op("MaxPool", List.of(x), b -> b.setAttr("ksize", frame(kernel))
                    .setAttr("strides", frame(strides)).setAttr("padding", "VALID"));
        }
        // Morphological dilation with a zero structuring element is exactly dilated max pooling.
        long channels = TfEmitter.shape(x)[3];
        Output<?> zeros = tf.constant(Tensor.zeros(dtype, Shape.of(kernel[0], kernel[1], channels)));
        return tf.op("Dilation2D", List.of(x, zeros), b -> b.setAttr("strides", frame(strides))
                .setAttr("rates", frame(dilations)).setAttr("padding", "VALID"));
    }

    /**
     * Average pooling: TensorFlow's VALID AvgPool when the window never leaves the input; otherwise AvgPool over
     * the zero-padded input rescaled per output position from the full window to the elements ONNX counts
     * (those inside the input, or inside the explicitly padded input with {@code count_include_pad}).
     */
    private static List<Output<?>> averagePool(TfNode n) {
        TfEmitter tf = n.tf();
        long[] xShape = n.shape(0);
        int spatial = xShape.length - 2;
        if (spatial < 1 || spatial > 3) {
            throw n.unsupported(spatial + " spatial axes");
        }
        long[] input = Arrays.copyOfRange(xShape, 2, xShape.length);
        SlidingWindow window = SlidingWindow.resolve(n, input, n.attributes().getLongs("kernel_shape"), true);
        DType dtype = n.dtype(0);
        // TensorFlow's CPU AvgPool3D runs float32 only; the convolution route has float16 and float64 kernels.
        if (window.dilated() || (spatial == 3 && dtype != DType.FLOAT32)) {
            return List.of(averagePoolByConvolution(n, window, input));
        }
        Output<?> x = padSpatial(tf, channelsLast(tf, n.input(0)), window, tf.scalar(dtype, 0), true);
        if (spatial == 1) {
            x = tf.op("ExpandDims", x, tf.constant(Tensor.scalar(DType.INT64, 1)));
        }
        long[] kernel = spatial == 1 ? prepend(1, window.kernel()) : window.kernel();
        long[] strides = spatial == 1 ? prepend(1, window.strides()) : window.strides();
        Output<?> y = tf.op(spatial == 3 ? "AvgPool3D" : "AvgPool", List.of(x), b -> b.setAttr("ksize", frame(kernel))
                .setAttr("strides", frame(strides)).setAttr("padding", "VALID"));
        if (spatial == 1) {
            y = tf.op("Squeeze", List.of(y), b -> b.setAttr("squeeze_dims", new long[] {1}));
        }
        boolean padded = false;
        for (int d = 0; d < spatial; d++) {
            padded |= window.begin()[d] > 0 || window.end()[d] > 0 || window.ceilExtra()[d] > 0;
        }
        if (padded) {
            boolean includePad = n.attributes().getLong("count_include_pad", 0) == 1;
            y = tf.op("Mul", y, tf.constant(rescale(window, input, includePad, dtype, true)));
        }
        return List.of(channelsFirst(tf, y));
    }

    /**
     * Average pooling by convolution, for what TensorFlow's AvgPool lacks (dilations, float16 and float64 in 3-D): each channel becomes a batch entry, a dilated
     * convolution with a filter of ones sums every window, and the sums are divided by the counts ONNX uses
     * (float16 in float32, rounded once at the end).
     */
    private static Output<?> averagePoolByConvolution(TfNode n, SlidingWindow window, long[] input) {
        TfEmitter tf = n.tf();
        long[] xShape = n.shape(0);
        int spatial = input.length;
        // A float16 window sum overflows where the average would not, so float16 sums and divides in float32.
        DType dtype = n.dtype(0) == DType.FLOAT16 ? DType.FLOAT32 : n.dtype(0);
        long[] batched = new long[spatial + 2];
        batched[0] = xShape[0] * xShape[1];
        System.arraycopy(input, 0, batched, 1, spatial);
        batched[spatial + 1] = 1;
        Output<?> x = padSpatial(tf, tf.op("Reshape", tf.cast(n.input(0), dtype), tf.longs(batched)), window,
                tf.scalar(dtype, 0), true);
        long[] filterShape = new long[spatial + 2];
        Arrays.fill(filterShape, 1);
        System.arraycopy(window.kernel(), 0, filterShape, 0, spatial);
        Output<?> ones = tf.constant(Tensor.full(dtype, Shape.of(filterShape), 1));
        long[] strides = window.strides();
        long[] dilations = window.dilations();
        if (spatial == 1) {
            x = tf.op("ExpandDims", x, tf.constant(Tensor.scalar(DType.INT64, 1)));
            ones = tf.op("ExpandDims", ones, tf.constant(Tensor.scalar(DType.INT64, 0)));
            strides = prepend(1, strides);
            dilations = prepend(1, dilations);
        }
        if (spatial == 3) {
            ones = dilateFilter(tf, ones, dilations);
            dilations = new long[] {1, 1, 1};
        }
        Output<?> sums = convolve(tf, spatial == 3 ? "Conv3D" : "Conv2D", x, ones, frame(strides), frame(dilations));
        long[] out = new long[spatial + 2];
        out[0] = xShape[0];
        out[1] = xShape[1];
        System.arraycopy(window.output(), 0, out, 2, spatial);
        Output<?> reshaped = tf.op("Reshape", sums, tf.longs(out));
        boolean includePad = n.attributes().getLong("count_include_pad", 0) == 1;
        Tensor factors = rescale(window, input, includePad, dtype, false);
        long[] factorShape = new long[spatial + 2];
        factorShape[0] = 1;
        factorShape[1] = 1;
        System.arraycopy(window.output(), 0, factorShape, 2, spatial);
        return tf.cast(tf.op("Mul", reshaped, tf.constant(factors.reshape(Shape.of(factorShape)))), n.dtype(0));
    }

    /**
     * A channels-last filter (k…, in, out) with {@code dilation − 1} zeros between neighbouring taps of each
     * spatial axis: a dilated convolution is an undilated one with this filter.
     */
    private static Output<?> dilateFilter(TfEmitter tf, Output<?> filter, long[] dilations) {
        Output<?> result = filter;
        for (int axis = 0; axis < dilations.length; axis++) {
            long d = dilations[axis];
            if (d == 1) {
                continue;
            }
            long[] shape = TfEmitter.shape(result);
            long k = shape[axis];
            Output<?> spread = tf.op("ExpandDims", result, tf.constant(Tensor.scalar(DType.INT64, axis + 1)));
            long[] paddings = new long[2 * (shape.length + 1)];
            paddings[2 * (axis + 1) + 1] = d - 1;
            spread = tf.op("Pad", spread, tf.constant(Tensor.ofLongs(Shape.of(shape.length + 1, 2), paddings)));
            long[] merged = shape.clone();
            merged[axis] = k * d;
            spread = tf.op("Reshape", spread, tf.longs(merged));
            long[] begin = new long[shape.length];
            long[] size = shape.clone();
            size[axis] = (k - 1) * d + 1;
            result = tf.op("Slice", spread, tf.longs(begin), tf.longs(size));
        }
        return result;
    }

    /**
     * Per output position (shape (1, out…, 1)), the factor turning TensorFlow's value into ONNX's average: the
     * full window size over the number of elements ONNX averages ({@code fromAverage}), or one over that number
     * (from a sum).
     */
    private static Tensor rescale(SlidingWindow w, long[] input, boolean includePad, DType dtype, boolean fromAverage) {
        int spatial = input.length;
        long[] out = w.output();
        int total = 1;
        long windowSize = 1;
        for (int d = 0; d < spatial; d++) {
            total *= (int) out[d];
            windowSize *= w.kernel()[d];
        }
        double[] factors = new double[total];
        int[] index = new int[spatial];
        for (int flat = 0; flat < total; flat++) {
            long counted = 1;
            for (int d = 0; d < spatial; d++) {
                long low = includePad ? -w.begin()[d] : 0;
                long high = includePad ? input[d] + w.end()[d] : input[d];
                long start = index[d] * w.strides()[d] - w.begin()[d];
                long inside = 0;
                for (long j = 0; j < w.kernel()[d]; j++) {
                    long c = start + j * w.dilations()[d];
                    if (c >= low && c < high) {
                        inside++;
                    }
                }
                counted *= inside;
            }
            factors[flat] = (fromAverage ? windowSize : 1.0) / counted;
            for (int d = spatial - 1; d >= 0; d--) {
                if (++index[d] < out[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        long[] shape = new long[spatial + 2];
        shape[0] = 1;
        System.arraycopy(out, 0, shape, 1, spatial);
        shape[spatial + 1] = 1;
        return Tensor.fromDoubles(dtype, Shape.of(shape), factors);
    }

    /** Inference-mode BatchNormalization: scale·(x − mean)/√(var + ε) + B, parameters along axis 1. */
    private static List<Output<?>> batchNormalization(TfNode n) {
        if (n.attributes().getLong("training_mode", 0) != 0) {
            throw n.unsupported("training_mode 1");
        }
        TfEmitter tf = n.tf();
        int rank = n.shape(0).length;
        DType dtype = n.dtype(0);
        long[] paramShape = new long[Math.max(rank - 1, 1)];
        Arrays.fill(paramShape, 1);
        paramShape[0] = -1;
        Output<?> shape = tf.longs(paramShape);
        Output<?> scale = tf.op("Reshape", n.input(1), shape);
        Output<?> bias = tf.op("Reshape", n.input(2), shape);
        Output<?> mean = tf.op("Reshape", n.input(3), shape);
        Output<?> variance = tf.op("Reshape", n.input(4), shape);
        double epsilon = n.attributes().getDouble("epsilon", 1e-5);
        Output<?> deviation = tf.op("Sqrt", tf.op("AddV2", variance, tf.scalar(dtype, epsilon)));
        Output<?> normalized = tf.op("RealDiv", tf.op("Sub", n.input(0), mean), deviation);
        return List.of(tf.op("AddV2", tf.op("Mul", normalized, scale), bias));
    }

    /** Pads the spatial axes of a channels-last value with {@code value}, ceil_mode's extra included if asked. */
    private static Output<?> padSpatial(TfEmitter tf, Output<?> x, SlidingWindow w, Output<?> value, boolean ceil) {
        int rank = TfEmitter.rank(x);
        long[] paddings = new long[2 * rank];
        boolean any = false;
        for (int d = 0; d < rank - 2; d++) {
            paddings[2 * (d + 1)] = w.begin()[d];
            paddings[2 * (d + 1) + 1] = w.end()[d] + (ceil ? w.ceilExtra()[d] : 0);
            any |= paddings[2 * (d + 1)] != 0 || paddings[2 * (d + 1) + 1] != 0;
        }
        if (!any) {
            return x;
        }
        return tf.op("PadV2", x, tf.constant(Tensor.ofLongs(Shape.of(rank, 2), paddings)), value);
    }

    private static Output<?> channelsLast(TfEmitter tf, Output<?> x) {
        int rank = TfEmitter.rank(x);
        long[] perm = new long[rank];
        for (int d = 1; d < rank - 1; d++) {
            perm[d] = d + 1;
        }
        perm[rank - 1] = 1;
        return tf.op("Transpose", x, tf.longs(perm));
    }

    private static Output<?> channelsFirst(TfEmitter tf, Output<?> x) {
        int rank = TfEmitter.rank(x);
        long[] perm = new long[rank];
        perm[1] = rank - 1;
        for (int d = 2; d < rank; d++) {
            perm[d] = d - 1;
        }
        return tf.op("Transpose", x, tf.longs(perm));
    }

    /** Spatial values framed by 1 for the batch and channel axes of a channels-last layout. */
    private static long[] frame(long[] spatial) {
        long[] framed = new long[spatial.length + 2];
        Arrays.fill(framed, 1);
        System.arraycopy(spatial, 0, framed, 1, spatial.length);
        return framed;
    }

    private static long[] prepend(long first, long[] rest) {
        long[] all = new long[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static double lowest(DType dtype) {
        return switch (dtype) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            case UINT8, BOOL -> 0;
            default -> Double.NEGATIVE_INFINITY;
        };
    }
}
