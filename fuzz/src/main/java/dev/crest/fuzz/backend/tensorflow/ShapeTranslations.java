package dev.crest.fuzz.backend.tensorflow;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Output;

/**
 * ONNX data-movement operators (Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Expand, Tile, Concat, Pad,
 * Slice, Gather, Trilu) as TensorFlow operations. Their structural inputs (shapes, pads, slice bounds) must be
 * constants of the model, as they are in every model Crest generates; ONNX's conventions for them (0 copies a
 * dimension in Reshape, negative axes, clamped slice bounds, negative pads crop) are resolved here.
 */
final class ShapeTranslations {
    private ShapeTranslations() {
    }

    static void register(Map<String, NodeTranslation> translations) {
        translations.put("Reshape", ShapeTranslations::reshape);
        translations.put("Flatten", ShapeTranslations::flatten);
        translations.put("Squeeze", ShapeTranslations::squeeze);
        translations.put("Unsqueeze", ShapeTranslations::unsqueeze);
        translations.put("Transpose", ShapeTranslations::transpose);
        translations.put("Expand", ShapeTranslations::expand);
        translations.put("Tile", n -> List.of(n.tf().op("Tile", n.input(0), n.tf().longs(n.constantLongs(1)))));
        translations.put("Concat", ShapeTranslations::concat);
        translations.put("Pad", ShapeTranslations::pad);
        translations.put("Slice", ShapeTranslations::slice);
        translations.put("Gather", ShapeTranslations::gather);
        translations.put("Trilu", ShapeTranslations::trilu);
    }

    private static List<Output<?>> reshape(TfNode n) {
        long[] input = n.shape(0);
        long[] target = n.constantLongs(1).clone();
        boolean allowZero = n.attributes().getLong("allowzero", 0) == 1;
        for (int d = 0; d < target.length; d++) {
            if (target[d] == 0 && !allowZero) {
                if (d >= input.length) {
                    throw n.unsupported("a 0 at position " + d + " beyond the input's rank " + input.length);
                }
                target[d] = input[d];
            }
        }
        return List.of(n.tf().op("Reshape", n.input(0), n.tf().longs(target)));
    }

    private static List<Output<?>> flatten(TfNode n) {
        long[] shape = n.shape(0);
        long axis = n.attributes().getLong("axis", 1);
        axis = axis < 0 ? axis + shape.length : axis;
        if (axis < 0 || axis > shape.length) {
            throw n.unsupported("axis " + axis + " for rank " + shape.length);
        }
        long outer = 1;
        long inner = 1;
        for (int d = 0; d < shape.length; d++) {
            if (d < axis) {
                outer *= shape[d];
            } else {
                inner *= shape[d];
            }
        }
        return List.of(n.tf().op("Reshape", n.input(0), n.tf().longs(outer, inner)));
    }

    private static long[] axesOf(TfNode n, int inputIndex) {
        if (n.opset() < 13) {
            return n.attributes().has("axes") ? n.attributes().getLongs("axes") : new long[0];
        }
        return n.has(inputIndex) ? n.constantLongs(inputIndex) : new long[0];
    }

    private static List<Output<?>> squeeze(TfNode n) {
        int rank = n.shape(0).length;
        long[] axes = ReductionTranslations.normalize(n, axesOf(n, 1), rank);
        // An empty squeeze_dims squeezes every size-1 dimension, as ONNX does without axes.
        return List.of(n.tf().op("Squeeze", List.of(n.input(0)), b -> b.setAttr("squeeze_dims", axes)));
    }

    private static List<Output<?>> unsqueeze(TfNode n) {
        long[] axes = axesOf(n, 1);
        int outRank = n.shape(0).length + axes.length;
        long[] normalized = ReductionTranslations.normalize(n, axes, outRank);
        Arrays.sort(normalized);
        Output<?> result = n.input(0);
        for (long axis : normalized) {
            result = n.tf().op("ExpandDims", result, n.tf().constant(Tensor.scalar(DType.INT64, axis)));
        }
        return List.of(axes.length == 0 ? n.tf().op("Identity", result) : result);
    }

    private static List<Output<?>> transpose(TfNode n) {
        int rank = n.shape(0).length;
        long[] perm;
        if (n.attributes().has("perm")) {
            perm = n.attributes().getLongs("perm");
        } else {
            perm = new long[rank];
            for (int d = 0; d < rank; d++) {
                perm[d] = rank - 1 - d;
            }
        }
        return List.of(n.tf().op("Transpose", n.input(0), n.tf().longs(perm)));
    }

    /** Expand broadcasts both ways: the result has the broadcast of the input's shape and the given one. */
    private static List<Output<?>> expand(TfNode n) {
        long[] input = n.shape(0);
        long[] target = n.constantLongs(1);
        int rank = Math.max(input.length, target.length);
        long[] out = new long[rank];
        for (int d = 0; d < rank; d++) {
            long a = d - (rank - input.length) >= 0 ? input[d - (rank - input.length)] : 1;
            long b = d - (rank - target.length) >= 0 ? target[d - (rank - target.length)] : 1;
            if (a != b && a != 1 && b != 1) {
                throw n.unsupported("shape " + Arrays.toString(target) + " for an input of shape "
                        + Arrays.toString(input));
            }
            out[d] = a == 1 ? b : a;
        }
        return List.of(n.tf().op("BroadcastTo", n.input(0), n.tf().longs(out)));
    }

    private static List<Output<?>> concat(TfNode n) {
        int rank = n.shape(0).length;
        long axis = ReductionTranslations.normalize(n, new long[] {n.attributes().getLong("axis", 0)}, rank)[0];
        List<Output<?>> values = new ArrayList<>();
        for (int i = 0; i < n.inputCount(); i++) {
            values.add(n.input(i));
        }
        if (values.size() == 1) {
            return List.of(n.tf().op("Identity", values.get(0)));
        }
        return List.of(n.tf().listOp("ConcatV2", values, List.of(n.tf().constant(Tensor.scalar(DType.INT64, axis))),
                b -> { }));
    }

    /**
     * Pad in constant, reflect or edge mode. Negative pads crop (a slice first); edge padding, which TensorFlow
     * lacks, is symmetric mirror padding by one element repeated.
     */
    private static List<Output<?>> pad(TfNode n) {
        TfEmitter tf = n.tf();
        long[] shape = n.shape(0);
        int rank = shape.length;
        long[] pads = n.opset() < 11 ? n.attributes().getLongs("pads") : n.constantLongs(1);
        long[] begin = new long[rank];
        long[] end = new long[rank];
        if (n.opset() >= 18 && n.has(3)) {
            long[] axes = ReductionTranslations.normalize(n, n.constantLongs(3), rank);
            for (int i = 0; i < axes.length; i++) {
                begin[(int) axes[i]] = pads[i];
                end[(int) axes[i]] = pads[i + axes.length];
            }
        } else {
            if (pads.length != 2 * rank) {
                throw n.unsupported(pads.length + " pads for rank " + rank);
            }
            System.arraycopy(pads, 0, begin, 0, rank);
            System.arraycopy(pads, rank, end, 0, rank);
        }
        Output<?> x = n.input(0);
        boolean crops = false;
        long[] sliceBegin = new long[rank];
        long[] sliceSize = new long[rank];
        for (int d = 0; d < rank; d++) {
            sliceBegin[d] = Math.max(0, -begin[d]);
            sliceSize[d] = shape[d] - sliceBegin[d] - Math.max(0, -end[d]);
            crops |= begin[d] < 0 || end[d] < 0;
            begin[d] = Math.max(0, begin[d]);
            end[d] = Math.max(0, end[d]);
        }
        if (crops) {
            x = tf.op("Slice", x, tf.longs(sliceBegin), tf.longs(sliceSize));
        }
        String mode = n.attributes().getString("mode", "constant");
        switch (mode) {
            case "constant" -> {
                Output<?> value = n.opset() < 11 ? tf.scalar(n.dtype(0), n.attributes().getDouble("value", 0))
                        : n.has(2) ? n.input(2) : tf.scalar(n.dtype(0), 0);
                return List.of(tf.op("PadV2", x, paddings(tf, begin, end), value));
            }
            case "reflect" -> {
                return List.of(tf.op("MirrorPad", List.of(x, paddings(tf, begin, end)), b -> b.setAttr("mode", "REFLECT")));
            }
            case "edge" -> {
                long[] leftB = begin.clone();
                long[] leftE = end.clone();
                boolean any = true;
                while (any) {
                    any = false;
                    long[] stepB = new long[rank];
                    long[] stepE = new long[rank];
                    for (int d = 0; d < rank; d++) {
                        stepB[d] = Math.min(1, leftB[d]);
                        stepE[d] = Math.min(1, leftE[d]);
                        leftB[d] -= stepB[d];
                        leftE[d] -= stepE[d];
                        any |= stepB[d] > 0 || stepE[d] > 0;
                    }
                    if (any) {
                        x = tf.op("MirrorPad", List.of(x, paddings(tf, stepB, stepE)), b -> b.setAttr("mode", "SYMMETRIC"));
                    }
                }
                return List.of(tf.op("Identity", x));
            }
            default -> throw n.unsupported("mode '" + mode + "'");
        }
    }

    private static Output<?> paddings(TfEmitter tf, long[] begin, long[] end) {
        long[] values = new long[2 * begin.length];
        for (int d = 0; d < begin.length; d++) {
            values[2 * d] = begin[d];
            values[2 * d + 1] = end[d];
        }
        return tf.constant(Tensor.ofLongs(Shape.of(begin.length, 2), values));
    }

    /**
     * Slice with ONNX's clamping: starts and ends are first made non-negative by adding the dimension, then
     * clamped to [0, dim] for positive steps and to [0, dim − 1] / [−1, dim − 1] for negative ones, where an end
     * of −1 means "past index 0" (TensorFlow's end mask).
     */
    private static List<Output<?>> slice(TfNode n) {
        long[] shape = n.shape(0);
        int rank = shape.length;
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps;
        if (n.opset() < 10) {
            starts = n.attributes().getLongs("starts");
            ends = n.attributes().getLongs("ends");
            axes = n.attributes().has("axes") ? n.attributes().getLongs("axes") : null;
            steps = null;
        } else {
            starts = n.constantLongs(1);
            ends = n.constantLongs(2);
            axes = n.has(3) ? n.constantLongs(3) : null;
            steps = n.has(4) ? n.constantLongs(4) : null;
        }
        if (axes == null) {
            axes = new long[starts.length];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
        }
        axes = ReductionTranslations.normalize(n, axes, rank);
        long[] begin = new long[rank];
        long[] end = new long[rank];
        long[] strides = new long[rank];
        long beginMask = 0;
        long endMask = 0;
        Arrays.fill(strides, 1);
        for (int d = 0; d < rank; d++) {
            beginMask |= 1L << d;
            endMask |= 1L << d;
        }
        for (int i = 0; i < axes.length; i++) {
            int d = (int) axes[i];
            long dim = shape[d];
            long step = steps == null ? 1 : steps[i];
            if (step == 0) {
                throw n.unsupported("a step of 0");
            }
            long s = starts[i] < 0 ? starts[i] + dim : starts[i];
            long e = ends[i] < 0 ? ends[i] + dim : ends[i];
            beginMask &= ~(1L << d);
            endMask &= ~(1L << d);
            if (step > 0) {
                s = Math.max(0, Math.min(dim, s));
                e = Math.max(0, Math.min(dim, e));
            } else {
                s = Math.max(0, Math.min(dim - 1, s));
                e = Math.max(-1, Math.min(dim - 1, e));
                if (e == -1) {
                    endMask |= 1L << d;
                    e = 0;
                }
            }
            begin[d] = s;
            end[d] = e;
            strides[d] = step;
        }
        long begins = beginMask;
        long endings = endMask;
        Output<?> result = n.tf().op("StridedSlice", List.of(n.input(0), n.tf().longs(begin), n.tf().longs(end),
                n.tf().longs(strides)), b -> b.setAttr("begin_mask", begins).setAttr("end_mask", endings));
        return List.of(result);
    }

    /** Gather along an axis; ONNX allows negative indices, which count from the end of the axis. */
    private static List<Output<?>> gather(TfNode n) {
        TfEmitter tf = n.tf();
        long[] shape = n.shape(0);
        long axis = ReductionTranslations.normalize(n, new long[] {n.attributes().getLong("axis", 0)}, shape.length)[0];
        long dim = shape[(int) axis];
        Output<?> indices;
        if (n.constant(1).isPresent()) {
            Tensor given = n.constant(1).get();
            long[] values = given.toLongArray();
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i] < 0 ? values[i] + dim : values[i];
            }
            indices = tf.constant(Tensor.fromLongs(DType.INT64, given.shape(), values));
        } else {
            Output<?> raw = tf.cast(n.input(1), DType.INT64);
            Output<?> negative = tf.op("Less", raw, tf.scalar(DType.INT64, 0));
            indices = tf.op("SelectV2", negative, tf.op("AddV2", raw, tf.scalar(DType.INT64, dim)), raw);
        }
        return List.of(tf.op("GatherV2", n.input(0), indices, tf.constant(Tensor.scalar(DType.INT64, axis))));
    }

    /** Trilu keeps the elements with {@code j − i ≥ k} (upper) or {@code j − i ≤ k} (lower) of each matrix. */
    private static List<Output<?>> trilu(TfNode n) {
        TfEmitter tf = n.tf();
        long[] shape = n.shape(0);
        if (shape.length < 2) {
            throw n.unsupported("rank " + shape.length);
        }
        long k = n.has(1) ? n.constantLongs(1)[0] : 0;
        boolean upper = n.attributes().getLong("upper", 1) == 1;
        int rows = (int) shape[shape.length - 2];
        int cols = (int) shape[shape.length - 1];
        long[] keep = new long[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                keep[i * cols + j] = (upper ? j - i >= k : j - i <= k) ? 1 : 0;
            }
        }
        Output<?> mask = tf.constant(Tensor.fromLongs(DType.BOOL, Shape.of(rows, cols), keep));
        return List.of(tf.op("SelectV2", mask, n.input(0), tf.op("ZerosLike", n.input(0))));
    }
}
