package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Pad-19: {@code pads} ({@code [x1_begin, x2_begin, ..., x1_end, x2_end, ...]}), optional {@code constant_value}
 * and optional {@code axes} inputs, modes {@code constant}, {@code reflect}, {@code edge} and {@code wrap}. The
 * Pad-2 attribute form ({@code pads}, float {@code value}) and Pad-1's {@code paddings} are accepted too.
 *
 * <p>Where the specification is silent this follows ONNX Runtime and NumPy: negative pads first crop the axis,
 * and the other modes then pad from the cropped data; {@code wrap} repeats periodically however large the pad;
 * {@code reflect} requires each pad to be smaller than the (cropped) axis, the constraint the ONNX
 * specification has since made explicit; non-constant modes cannot pad an empty axis.
 */
final class PadKernel {
    private PadKernel() {
    }

    private enum Mode {
        CONSTANT, REFLECT, EDGE, WRAP
    }

    static List<Tensor> apply(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 4);
        Tensor data = KernelArgs.required(inputs, 0, "data");
        int rank = data.rank();
        Mode mode = parseMode(attributes.getString("mode", "constant"));

        long[] pads = ShapeAxes.inputOrAttribute(inputs, 1, attributes, "pads");
        if (pads == null) {
            pads = attributes.getLongs("paddings");
        }
        if (pads == null) {
            throw new TensorException("missing required input 1 (pads)");
        }
        Tensor constant = constantValue(data, KernelArgs.optional(inputs, 2), attributes);

        Tensor axesInput = KernelArgs.optional(inputs, 3);
        int[] axes;
        if (axesInput == null) {
            axes = new int[rank];
            for (int i = 0; i < rank; i++) {
                axes[i] = i;
            }
        } else {
            axes = ShapeAxes.normalize(KernelArgs.longs(axesInput, "axes"), rank, "axes");
        }
        if (pads.length != 2 * axes.length) {
            throw new TensorException("pads " + Arrays.toString(pads) + " must have " + 2 * axes.length
                    + " entries (begin and end for each of " + axes.length + " axes)");
        }
        long[] begin = new long[rank];
        long[] end = new long[rank];
        for (int i = 0; i < axes.length; i++) {
            begin[axes[i]] = pads[i];
            end[axes[i]] = pads[i + axes.length];
        }
        return List.of(pad(data, begin, end, mode, constant));
    }

    private static Mode parseMode(String mode) {
        switch (mode) {
            case "constant":
                return Mode.CONSTANT;
            case "reflect":
                return Mode.REFLECT;
            case "edge":
                return Mode.EDGE;
            case "wrap":
                return Mode.WRAP;
            default:
                throw new TensorException("unknown mode '" + mode + "' (expected constant, reflect, edge or wrap)");
        }
    }

    /** The fill value as a one-element tensor of the data's dtype; zero when none is given. */
    private static Tensor constantValue(Tensor data, Tensor input, Attributes attributes) {
        if (input != null) {
            KernelArgs.requireSameDType(data, "data", input, "constant_value");
            if (input.size() != 1) {
                throw new TensorException("constant_value must hold one value, got shape " + input.shape());
            }
            return input;
        }
        // Pad-2 passes the fill as a float attribute whatever the data type; ONNX Cast semantics convert it.
        return Tensor.scalar(data.dtype(), attributes.getDouble("value", 0.0));
    }

    private static Tensor pad(Tensor data, long[] begin, long[] end, Mode mode, Tensor constant) {
        Shape in = data.shape();
        int rank = in.rank();
        int[] strides = in.strides();
        int[] dims = new int[rank];
        int[][] tables = new int[rank][];
        for (int a = 0; a < rank; a++) {
            int dim = in.dim(a);
            long outDim = dim + begin[a] + end[a];
            if (outDim < 0) {
                throw new TensorException("pads " + begin[a] + " and " + end[a] + " crop axis " + a + " of size "
                        + dim + " below zero");
            }
            if (outDim > Integer.MAX_VALUE) {
                throw new TensorException("padding axis " + a + " makes it larger than 2^31-1");
            }
            // Negative pads crop first: the kept range is [cropBegin, cropBegin + kept).
            long cropBegin = Math.max(0, -begin[a]);
            long kept = dim - cropBegin - Math.max(0, -end[a]);
            long padBegin = Math.max(0, begin[a]);
            long padEnd = Math.max(0, end[a]);
            if (kept < 0) {
                throw new TensorException("pads " + begin[a] + " and " + end[a] + " crop more than the " + dim
                        + " elements of axis " + a);
            }
            if (mode != Mode.CONSTANT && (padBegin > 0 || padEnd > 0)) {
                if (kept == 0) {
                    throw new TensorException(mode.name().toLowerCase(Locale.ROOT) + " mode cannot pad axis " + a
                            + " because it is empty");
                }
                if (mode == Mode.REFLECT && (padBegin >= kept || padEnd >= kept)) {
                    throw new TensorException("reflect mode needs pads smaller than the axis: axis " + a
                            + " has size " + kept + " but pads are " + padBegin + " and " + padEnd);
                }
            }
            dims[a] = (int) outDim;
            int[] table = new int[dims[a]];
            for (int j = 0; j < table.length; j++) {
                long k = j - padBegin; // position in the cropped axis
                long source = sourceIndex(k, kept, mode);
                table[j] = source < 0 ? IndexMap.FILL : (int) (cropBegin + source) * strides[a];
            }
            tables[a] = table;
        }
        return IndexMap.take(data, Shape.of(dims), IndexMap.compose(tables), constant);
    }

    /** The index in an axis of {@code size} that position {@code k} (possibly outside it) copies, or -1 to fill. */
    private static long sourceIndex(long k, long size, Mode mode) {
        if (k >= 0 && k < size) {
            return k;
        }
        switch (mode) {
            case EDGE:
                return k < 0 ? 0 : size - 1;
            case REFLECT:
                return k < 0 ? -k : 2 * (size - 1) - k;
            case WRAP:
                return Math.floorMod(k, size);
            default:
                return -1;
        }
    }
}
