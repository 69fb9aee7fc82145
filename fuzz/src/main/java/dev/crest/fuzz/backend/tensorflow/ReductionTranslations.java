package dev.crest.fuzz.backend.tensorflow;

import dev.crest.tensor.DType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Output;
import org.tensorflow.proto.DataType;

/** ONNX reductions (ReduceSum … ReduceMin) and ArgMax/ArgMin as TensorFlow reductions. */
final class ReductionTranslations {
    private ReductionTranslations() {
    }

    static void register(Map<String, NodeTranslation> translations) {
        reduce(translations, "ReduceSum", "Sum", 13);
        reduce(translations, "ReduceMean", "Mean", 18);
        reduce(translations, "ReduceProd", "Prod", 18);
        reduce(translations, "ReduceMax", "Max", 18);
        reduce(translations, "ReduceMin", "Min", 18);
        translations.put("ArgMax", n -> argReduce(n, "ArgMax"));
        translations.put("ArgMin", n -> argReduce(n, "ArgMin"));
    }

    /**
     * A reduction whose axes are an attribute before {@code axesInputSince} and an optional input after; no
     * axes reduce everything, unless {@code noop_with_empty_axes} makes that the identity.
     */
    private static void reduce(Map<String, NodeTranslation> translations, String onnx, String tf,
            int axesInputSince) {
        translations.put(onnx, n -> {
            int rank = TfEmitter.rank(n.input(0));
            long[] axes = null;
            if (n.opset() < axesInputSince) {
                if (n.attributes().has("axes")) {
                    axes = n.attributes().getLongs("axes");
                }
            } else if (n.has(1)) {
                axes = n.constantLongs(1);
            }
            if (axes == null || axes.length == 0) {
                if (n.opset() >= axesInputSince && n.attributes().getLong("noop_with_empty_axes", 0) == 1) {
                    return List.of(n.tf().op("Identity", n.input(0)));
                }
                axes = new long[rank];
                for (int d = 0; d < rank; d++) {
                    axes[d] = d;
                }
            }
            long[] normalized = normalize(n, axes, rank);
            boolean keep = n.attributes().getLong("keepdims", 1) == 1;
            return List.of(n.tf().op(tf, List.of(n.input(0), n.tf().longs(normalized)), b -> b.setAttr("keep_dims", keep)));
        });
    }

    /** ArgMax/ArgMin along one axis, int64 indices of the first extreme (or the last, with select_last_index). */
    private static List<Output<?>> argReduce(TfNode n, String tf) {
        TfEmitter emit = n.tf();
        Output<?> x = n.input(0);
        long[] shape = n.shape(0);
        int axis = (int) normalize(n, new long[] {n.attributes().getLong("axis", 0)}, shape.length)[0];
        boolean last = n.attributes().getLong("select_last_index", 0) == 1;
        Output<?> source = last ? emit.op("ReverseV2", x, emit.longs(axis)) : x;
        Output<?> index = emit.op(tf, List.of(source, emit.constant(dev.crest.tensor.Tensor.scalar(DType.INT64, axis))),
                b -> b.setAttr("output_type", DataType.DT_INT64));
        if (last) {
            index = emit.op("Sub", emit.scalar(DType.INT64, shape[axis] - 1), index);
        }
        if (n.attributes().getLong("keepdims", 1) == 1) {
            index = emit.op("ExpandDims", index, emit.constant(dev.crest.tensor.Tensor.scalar(DType.INT64, axis)));
        }
        return List.of(index);
    }

    /** Axes in [0, rank), or an exception for an axis out of range. */
    static long[] normalize(TfNode n, long[] axes, int rank) {
        long[] normalized = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            long a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a < 0 || a >= Math.max(rank, 1)) {
                throw n.unsupported("axis " + axes[i] + " for rank " + rank);
            }
            normalized[i] = a;
        }
        return normalized;
    }
}
