package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.linalg.ConvGeometry;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Sliding-window pooling over any number of spatial axes: {@code MaxPool} (opset 12: float and int8/uint8
 * inputs, {@code storage_order}, second output {@code Indices}) and {@code AveragePool} (opset 19:
 * {@code count_include_pad} and {@code dilations}). Both take {@code kernel_shape}, {@code strides},
 * {@code pads}, {@code dilations}, {@code ceil_mode} and {@code auto_pad} as resolved by {@link ConvWindow}.
 *
 * <p>MaxPool always returns two tensors, {@code Y} and {@code Indices} (int64 flat indices into {@code X},
 * row-major over the spatial axes for {@code storage_order=0}, column-major for 1); a node with one output
 * uses the first. Padding never wins a max; the first maximum in window order is reported, and a NaN in
 * the window wins (as numpy's max in the ONNX reference implementation). AveragePool divides
 * by the number of window elements inside the input ({@code count_include_pad=0}) or inside the explicitly
 * padded input ({@code count_include_pad=1}); window parts past the end padding, which only {@code ceil_mode}
 * creates, are never counted. A window with nothing to average gives NaN.
 */
final class PoolKernels {
    private static final Set<DType> MAX_TYPES = EnumSet.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64, DType.INT8,
            DType.UINT8);

    private PoolKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("MaxPool", 12, PoolKernels::maxPool);
        builder.register("AveragePool", 19, PoolKernels::averagePool);
    }

    private static List<Tensor> maxPool(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        Tensor x = KernelArgs.required(inputs, 0, "X");
        KernelArgs.requireDType(x, "X", MAX_TYPES);
        long storageOrder = attributes.getLong("storage_order", 0);
        if (storageOrder != 0 && storageOrder != 1) {
            throw new TensorException("attribute 'storage_order' must be 0 (row-major) or 1 (column-major), got "
                    + storageOrder);
        }
        Windows w = Windows.of(x, attributes);
        double[] xd = x.toDoubleArray();
        double[] y = new double[w.outShape.size()];
        long[] indices = new long[y.length];
        int[] columnStrides = new int[w.rank];
        int stride = 1;
        for (int d = 0; d < w.rank; d++) {
            columnStrides[d] = stride;
            stride *= w.input[d];
        }
        int[][] offsets = w.offsets(w.inputStrides());
        int[][] reported = storageOrder == 0 ? offsets : w.offsets(columnStrides);
        for (int plane = 0; plane < w.planes; plane++) {
            int planeBase = plane * w.inputSize;
            for (int o = 0; o < w.outputSize; o++) {
                int[] window = offsets[o];
                double best = Double.NEGATIVE_INFINITY;
                int bestTap = -1;
                for (int t = 0; t < window.length; t++) {
                    double v = xd[planeBase + window[t]];
                    if (bestTap < 0 || v > best || (Double.isNaN(v) && !Double.isNaN(best))) {
                        best = v;
                        bestTap = t;
                    }
                }
                y[plane * w.outputSize + o] = best;
                indices[plane * w.outputSize + o] = bestTap < 0 ? -1 : (long) planeBase + reported[o][bestTap];
            }
        }
        return List.of(Tensor.fromDoubles(x.dtype(), w.outShape, y), Tensor.fromLongs(DType.INT64, w.outShape, indices));
    }

    private static List<Tensor> averagePool(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        Tensor x = KernelArgs.required(inputs, 0, "X");
        KernelArgs.requireFloat(x, "X");
        long includePad = attributes.getLong("count_include_pad", 0);
        if (includePad != 0 && includePad != 1) {
            throw new TensorException("attribute 'count_include_pad' must be 0 or 1, got " + includePad);
        }
        Windows w = Windows.of(x, attributes);
        double[] xd = x.toDoubleArray();
        double[] y = new double[w.outShape.size()];
        int[][] offsets = w.offsets(w.inputStrides());
        for (int o = 0; o < w.outputSize; o++) {
            int[] window = offsets[o];
            int count = includePad == 1 ? w.paddedCount(w.outputIndex(o)) : window.length;
            for (int plane = 0; plane < w.planes; plane++) {
                int planeBase = plane * w.inputSize;
                double sum = 0;
                for (int offset : window) {
                    sum += xd[planeBase + offset];
                }
                y[plane * w.outputSize + o] = count == 0 ? Double.NaN : sum / count;
            }
        }
        return List.of(Tensor.fromDoubles(x.dtype(), w.outShape, y));
    }

    /**
     * Per-axis window tables for one pooling call. Along axis {@code d}, output index {@code o} reads input
     * coordinates {@code o·stride − padBegin + j·dilation}; the kernel offsets {@code j} that land inside the
     * input form a contiguous range {@code [first, end)}, and those inside the explicitly padded input a
     * (wider) range counted by {@code padded}. A window is the product of its per-axis ranges.
     */
    private static final class Windows {
        final int rank;
        final int[] input;
        final int[] output;
        final int planes;
        final int inputSize;
        final int outputSize;
        final Shape outShape;
        final int[] strides;
        final int[] padsBegin;
        final int[] dilations;
        final int[][] first;
        final int[][] end;
        final int[][] padded;

        private Windows(int[] xDims, ConvGeometry g) {
            rank = g.spatialRank();
            input = g.inputDims();
            output = g.outputDims();
            planes = xDims[0] * xDims[1];
            inputSize = g.inputSpatialSize();
            outputSize = g.outputSpatialSize();
            int[] outDims = new int[rank + 2];
            outDims[0] = xDims[0];
            outDims[1] = xDims[1];
            System.arraycopy(output, 0, outDims, 2, rank);
            outShape = Shape.of(outDims);
            strides = g.strides();
            padsBegin = g.padsBegin();
            int[] padsEnd = g.padsEnd();
            dilations = g.dilations();
            int[] kernel = g.kernelDims();
            first = new int[rank][];
            end = new int[rank][];
            padded = new int[rank][];
            for (int d = 0; d < rank; d++) {
                first[d] = new int[output[d]];
                end[d] = new int[output[d]];
                padded[d] = new int[output[d]];
                for (int o = 0; o < output[d]; o++) {
                    int lo = kernel[d];
                    int hi = 0;
                    int count = 0;
                    for (int j = 0; j < kernel[d]; j++) {
                        int c = o * strides[d] - padsBegin[d] + j * dilations[d];
                        if (c >= 0 && c < input[d]) {
                            lo = Math.min(lo, j);
                            hi = j + 1;
                        }
                        if (c >= -padsBegin[d] && c < input[d] + padsEnd[d]) {
                            count++;
                        }
                    }
                    first[d][o] = lo;
                    end[d][o] = Math.max(lo, hi);
                    padded[d][o] = count;
                }
            }
        }

        static Windows of(Tensor x, Attributes attributes) {
            if (x.rank() < 3) {
                throw new TensorException("X must have shape (N, C, D1, ...) with at least one spatial axis, got "
                        + x.shape());
            }
            int[] dims = x.shape().dims();
            int[] spatial = ConvWindow.spatialDims(dims);
            int[] kernel = attributes.getInts("kernel_shape", null);
            if (kernel == null) {
                throw new TensorException("missing required attribute 'kernel_shape'");
            }
            if (kernel.length != spatial.length) {
                throw new TensorException("attribute 'kernel_shape' needs " + spatial.length
                        + " values (one per spatial axis), got " + kernel.length);
            }
            long ceil = attributes.getLong("ceil_mode", 0);
            if (ceil != 0 && ceil != 1) {
                throw new TensorException("attribute 'ceil_mode' must be 0 or 1, got " + ceil);
            }
            ConvGeometry g = ConvWindow.resolve(attributes, dims[1], spatial, kernel, ceil == 1);
            return new Windows(dims, g);
        }

        int[] inputStrides() {
            int[] s = new int[rank];
            int stride = 1;
            for (int d = rank - 1; d >= 0; d--) {
                s[d] = stride;
                stride *= input[d];
            }
            return s;
        }

        int[] outputIndex(int flat) {
            int[] index = new int[rank];
            for (int d = rank - 1; d >= 0; d--) {
                index[d] = flat % output[d];
                flat /= output[d];
            }
            return index;
        }

        /**
         * For every output position, the in-input positions of its window in row-major window order, as
         * spatial offsets {@code Σ coordinate[d]·spatialStrides[d]}.
         */
        int[][] offsets(int[] spatialStrides) {
            int[][] out = new int[outputSize][];
            int[] coordinate = new int[rank];
            for (int o = 0; o < outputSize; o++) {
                int[] oIdx = outputIndex(o);
                int count = 1;
                for (int d = 0; d < rank; d++) {
                    count *= end[d][oIdx[d]] - first[d][oIdx[d]];
                }
                int[] window = new int[count];
                if (count > 0 && startWindow(oIdx, coordinate)) {
                    int t = 0;
                    do {
                        int offset = 0;
                        for (int d = 0; d < rank; d++) {
                            offset += coordinate[d] * spatialStrides[d];
                        }
                        window[t++] = offset;
                    } while (nextInWindow(oIdx, coordinate));
                }
                out[o] = window;
            }
            return out;
        }

        int paddedCount(int[] oIdx) {
            int count = 1;
            for (int d = 0; d < rank; d++) {
                count *= padded[d][oIdx[d]];
            }
            return count;
        }

        /** Sets {@code coordinate} to the window's first in-input position; false when the window is empty. */
        boolean startWindow(int[] oIdx, int[] coordinate) {
            for (int d = 0; d < rank; d++) {
                int o = oIdx[d];
                if (first[d][o] >= end[d][o]) {
                    return false;
                }
                coordinate[d] = o * strides[d] - padsBegin[d] + first[d][o] * dilations[d];
            }
            return true;
        }

        /** Advances {@code coordinate} row-major through the window; false after the last position. */
        boolean nextInWindow(int[] oIdx, int[] coordinate) {
            for (int d = rank - 1; d >= 0; d--) {
                int o = oIdx[d];
                int last = o * strides[d] - padsBegin[d] + (end[d][o] - 1) * dilations[d];
                if (coordinate[d] < last) {
                    coordinate[d] += dilations[d];
                    return true;
                }
                coordinate[d] = o * strides[d] - padsBegin[d] + first[d][o] * dilations[d];
            }
            return false;
        }
    }
}
