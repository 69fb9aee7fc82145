package dev.crest.fuzz.backend.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.crest.fuzz.FuzzException;
import dev.crest.tensor.Attributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Data-movement operators: Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Expand, Tile, Concat, Slice,
 * Gather and Trilu. Target shapes are resolved in Java from ONNX's rules (0 and -1 in Reshape, bidirectional
 * broadcasting in Expand, clamping in Slice) and the data moves with PyTorch's view and copy kernels.
 */
final class ShapeOps {
    private ShapeOps() {
    }

    static void register(Map<String, TorchOp> ops) {
        ops.put("Reshape", SimpleOp.unary(Dtypes.ALL, ShapeOps::reshape));
        ops.put("Flatten", SimpleOp.unary(Dtypes.ALL, ShapeOps::flatten));
        ops.put("Squeeze", SimpleOp.unary(Dtypes.ALL, ShapeOps::squeeze));
        ops.put("Unsqueeze", SimpleOp.unary(Dtypes.ALL, ShapeOps::unsqueeze));
        ops.put("Transpose", SimpleOp.unary(Dtypes.ALL, ShapeOps::transpose));
        ops.put("Expand", SimpleOp.unary(Dtypes.ALL, ShapeOps::expand));
        ops.put("Tile", SimpleOp.unary(Dtypes.ALL, call -> call.input(0).tile(call.longs(1))));
        ops.put("Concat", new SimpleOp(Dtypes.ALL, new int[] {0}, SimpleOp.sameAs(0), ShapeOps::concat));
        ops.put("Slice", SimpleOp.unary(Dtypes.ALL, ShapeOps::slice));
        ops.put("Gather", SimpleOp.unary(Dtypes.ALL, ShapeOps::gather));
        ops.put("Trilu", SimpleOp.unary(Dtypes.ALL, ShapeOps::trilu));
    }

    private static NDArray reshape(OpCall call) {
        NDArray x = call.input(0);
        long[] spelled = call.opset() >= 5 ? call.longs(1) : call.attributes().getLongs("shape");
        boolean allowZero = call.attributes().getLong("allowzero", 0) == 1;
        long[] input = x.getShape().getShape();
        long[] target = spelled.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == 0 && !allowZero) {
                if (i >= input.length) {
                    throw new FuzzException("Reshape copies dimension " + i + " of a rank-" + input.length + " input");
                }
                target[i] = input[i];
            }
            if (target[i] == -1) {
                if (inferred >= 0) {
                    throw new FuzzException("Reshape shape " + Arrays.toString(spelled) + " has two -1 entries");
                }
                inferred = i;
            } else {
                known *= target[i];
            }
        }
        if (inferred >= 0) {
            target[inferred] = known == 0 ? 0 : x.getShape().size() / known;
        }
        return x.reshape(target);
    }

    private static NDArray flatten(OpCall call) {
        NDArray x = call.input(0);
        long[] dims = x.getShape().getShape();
        long axis = call.attributes().getLong("axis", 1);
        int split = (int) (axis < 0 ? axis + dims.length : axis);
        if (split < 0 || split > dims.length) {
            throw new FuzzException("Flatten axis " + axis + " is out of range for rank " + dims.length);
        }
        long outer = 1;
        for (int d = 0; d < split; d++) {
            outer *= dims[d];
        }
        return x.reshape(outer, x.getShape().size() / Math.max(outer, 1));
    }

    private static long[] axesOf(OpCall call, int inputSince) {
        if (call.opset() >= inputSince) {
            return call.has(1) ? call.longs(1) : null;
        }
        return call.attributes().has("axes") ? call.attributes().getLongs("axes") : null;
    }

    private static NDArray squeeze(OpCall call) {
        NDArray x = call.input(0);
        long[] dims = x.getShape().getShape();
        long[] spelled = axesOf(call, 13);
        boolean[] drop = new boolean[dims.length];
        if (spelled == null || spelled.length == 0) {
            for (int d = 0; d < dims.length; d++) {
                drop[d] = dims[d] == 1;
            }
        } else {
            for (int axis : Axes.normalizeAll(spelled, dims.length)) {
                if (dims[axis] != 1) {
                    throw new FuzzException("Squeeze axis " + axis + " has size " + dims[axis] + ", not 1");
                }
                drop[axis] = true;
            }
        }
        List<Long> kept = new ArrayList<>();
        for (int d = 0; d < dims.length; d++) {
            if (!drop[d]) {
                kept.add(dims[d]);
            }
        }
        return x.reshape(kept.stream().mapToLong(Long::longValue).toArray());
    }

    private static NDArray unsqueeze(OpCall call) {
        NDArray x = call.input(0);
        long[] dims = x.getShape().getShape();
        long[] spelled = axesOf(call, 13);
        if (spelled == null) {
            throw new FuzzException("Unsqueeze needs axes");
        }
        int rank = dims.length + spelled.length;
        boolean[] inserted = new boolean[rank];
        for (int axis : Axes.normalizeAll(spelled, rank)) {
            inserted[axis] = true;
        }
        long[] target = new long[rank];
        int next = 0;
        for (int d = 0; d < rank; d++) {
            target[d] = inserted[d] ? 1 : dims[next++];
        }
        return x.reshape(target);
    }

    private static NDArray transpose(OpCall call) {
        NDArray x = call.input(0);
        int rank = x.getShape().dimension();
        int[] perm = new int[rank];
        if (call.attributes().has("perm")) {
            long[] spelled = call.attributes().getLongs("perm");
            for (int i = 0; i < rank; i++) {
                perm[i] = (int) spelled[i];
            }
        } else {
            for (int i = 0; i < rank; i++) {
                perm[i] = rank - 1 - i;
            }
        }
        return rank == 0 ? x : x.transpose(perm);
    }

    /** Expand broadcasts both ways: the output shape is the broadcast of the input's and the given shape. */
    private static NDArray expand(OpCall call) {
        NDArray x = call.input(0);
        long[] input = x.getShape().getShape();
        long[] shape = call.longs(1);
        int rank = Math.max(input.length, shape.length);
        long[] target = new long[rank];
        for (int i = 0; i < rank; i++) {
            long a = i < rank - input.length ? 1 : input[i - (rank - input.length)];
            long b = i < rank - shape.length ? 1 : shape[i - (rank - shape.length)];
            if (a != b && a != 1 && b != 1) {
                throw new FuzzException("Expand cannot broadcast " + Arrays.toString(input) + " to "
                        + Arrays.toString(shape));
            }
            target[i] = a == 1 ? b : a;
        }
        return x.broadcast(new Shape(target));
    }

    private static NDArray concat(OpCall call) {
        NDList parts = new NDList();
        for (int i = 0; i < call.arity(); i++) {
            parts.add(call.input(i));
        }
        int axis = Axes.normalize(call.attributes().getLong("axis"), call.input(0).getShape().dimension());
        return parts.size() == 1 ? call.input(0) : NDArrays.concat(parts, axis);
    }

    /**
     * Slice with ONNX's clamping: starts and ends beyond the axis clamp to it, a negative step walks backwards.
     * PyTorch slices only forwards, so a backward slice flips the axis and slices the mirrored range.
     */
    private static NDArray slice(OpCall call) {
        NDArray x = call.input(0);
        long[] dims = x.getShape().getShape();
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = null;
        if (call.opset() >= 10) {
            starts = call.longs(1);
            ends = call.longs(2);
            axes = call.has(3) ? call.longs(3) : null;
            steps = call.has(4) ? call.longs(4) : null;
        } else {
            Attributes attributes = call.attributes();
            starts = attributes.getLongs("starts");
            ends = attributes.getLongs("ends");
            axes = attributes.has("axes") ? attributes.getLongs("axes") : null;
        }
        NDArray y = x;
        for (int i = 0; i < starts.length; i++) {
            int axis = axes == null ? i : Axes.normalize(axes[i], dims.length);
            long step = steps == null ? 1 : steps[i];
            long dim = dims[axis];
            long start = starts[i] < 0 ? starts[i] + dim : starts[i];
            long end = ends[i] < 0 && ends[i] != Long.MIN_VALUE ? ends[i] + dim : ends[i];
            if (step > 0) {
                start = clamp(start, 0, dim);
                end = clamp(end, 0, dim);
                y = JniUtils.slice((PtNDArray) y, axis, start, Math.max(start, end), step);
            } else if (step < 0) {
                start = clamp(start, 0, dim - 1);
                end = clamp(end, -1, dim - 1);
                long mirroredStart = dim - 1 - start;
                long mirroredEnd = dim - 1 - end;
                y = JniUtils.slice((PtNDArray) y.flip(axis), axis, mirroredStart,
                        Math.max(mirroredStart, mirroredEnd), -step);
            } else {
                throw new FuzzException("Slice step 0 on axis " + axis);
            }
        }
        return y;
    }

    private static long clamp(long value, long low, long high) {
        return Math.max(low, Math.min(high, value));
    }

    /**
     * Gather is numpy's advanced indexing on one axis ({@code x[:, :, indices]}), which PyTorch's index kernel
     * implements with the same output shape; negative indices are shifted first.
     */
    private static NDArray gather(OpCall call) {
        NDArray x = call.input(0);
        int rank = x.getShape().dimension();
        int axis = Axes.normalize(call.attributes().getLong("axis", 0), rank);
        NDArray indices = call.input(1).toType(DataType.INT64, false);
        NDArray shifted = Where.of(indices.lt(0), indices.add(x.getShape().get(axis)), indices);
        StringBuilder index = new StringBuilder();
        for (int d = 0; d < axis; d++) {
            index.append(":, ");
        }
        index.append("{}");
        return x.get(new NDIndex(index.toString(), shifted));
    }

    /**
     * Trilu keeps the elements on and above (upper) or on and below (lower) the k-th diagonal of the last two
     * axes: a mask from two aranges selects between the input and zeros.
     */
    private static NDArray trilu(OpCall call) {
        NDArray x = call.input(0);
        long[] dims = x.getShape().getShape();
        long k = call.has(1) ? call.longs(1)[0] : 0;
        boolean upper = call.attributes().getLong("upper", 1) == 1;
        long rows = dims[dims.length - 2];
        long columns = dims[dims.length - 1];
        NDArray row = call.manager().arange(0, (int) rows, 1, DataType.INT64).reshape(rows, 1);
        NDArray column = call.manager().arange(0, (int) columns, 1, DataType.INT64).reshape(1, columns);
        NDArray offset = column.sub(row);
        NDArray keep = upper ? offset.gte(k) : offset.lte(k);
        return Where.of(keep, x, x.zerosLike());
    }
}
