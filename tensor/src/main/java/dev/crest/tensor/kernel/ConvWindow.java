package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.linalg.ConvGeometry;
import java.util.Arrays;

/**
 * Resolves the sliding-window attributes shared by ONNX Conv, MaxPool and AveragePool ({@code strides},
 * {@code pads}, {@code dilations}, {@code auto_pad}, and for pooling {@code ceil_mode}) into a
 * {@link ConvGeometry} for one image.
 *
 * <p>{@code SAME_UPPER}/{@code SAME_LOWER} give {@code ceil(input / stride)} outputs and split the needed
 * padding {@code (out − 1)·stride + (kernel − 1)·dilation + 1 − input} evenly, the odd element going to the end
 * (UPPER) or the beginning (LOWER); {@code VALID} pads nothing. With explicit pads and {@code ceil_mode}, the
 * output size is rounded up but a last window that would start inside the end padding is dropped, as the
 * ONNX reference implementation and PyTorch do.
 */
final class ConvWindow {
    private ConvWindow() {
    }

    static ConvGeometry resolve(Attributes attributes, int channels, int[] input, int[] kernel, boolean ceilMode) {
        int rank = input.length;
        int[] strides = ints(attributes, "strides", rank, 1);
        int[] dilations = ints(attributes, "dilations", rank, 1);
        String autoPad = attributes.getString("auto_pad", "NOTSET");
        int[] pads = attributes.getInts("pads", null);
        if (pads != null && pads.length != 2 * rank) {
            throw new TensorException("attribute 'pads' needs " + 2 * rank + " values (begin and end for each of "
                    + rank + " spatial axes), got " + pads.length);
        }
        for (int d = 0; d < rank; d++) {
            if (strides[d] < 1 || dilations[d] < 1) {
                throw new TensorException("strides and dilations must be at least 1, got strides "
                        + Arrays.toString(strides) + " and dilations " + Arrays.toString(dilations));
            }
        }
        int[] begin = new int[rank];
        int[] end = new int[rank];
        switch (autoPad) {
            case "NOTSET":
                if (pads != null) {
                    for (int d = 0; d < rank; d++) {
                        begin[d] = pads[d];
                        end[d] = pads[rank + d];
                    }
                }
                break;
            case "VALID":
            case "SAME_UPPER":
            case "SAME_LOWER":
                if (pads != null && Arrays.stream(pads).anyMatch(p -> p != 0)) {
                    throw new TensorException("attribute 'pads' cannot be combined with auto_pad=" + autoPad);
                }
                if (!autoPad.equals("VALID")) {
                    int[] output = new int[rank];
                    for (int d = 0; d < rank; d++) {
                        output[d] = Math.floorDiv(input[d] + strides[d] - 1, strides[d]);
                        int needed = Math.max(0, (output[d] - 1) * strides[d] + (kernel[d] - 1) * dilations[d] + 1
                                - input[d]);
                        begin[d] = autoPad.equals("SAME_UPPER") ? needed / 2 : needed - needed / 2;
                        end[d] = needed - begin[d];
                    }
                    return ConvGeometry.withOutput(channels, input, kernel, strides, begin, end, dilations, output);
                }
                break;
            default:
                throw new TensorException("attribute 'auto_pad' must be NOTSET, SAME_UPPER, SAME_LOWER or VALID, got '"
                        + autoPad + "'");
        }
        ConvGeometry floor = ConvGeometry.of(channels, input, kernel, strides, begin, end, dilations);
        if (!ceilMode || autoPad.equals("VALID")) {
            return floor;
        }
        int[] output = floor.outputDims();
        for (int d = 0; d < rank; d++) {
            int span = (kernel[d] - 1) * dilations[d] + 1;
            int room = input[d] + begin[d] + end[d] - span;
            if (room % strides[d] != 0) {
                output[d]++;
                if ((output[d] - 1) * strides[d] >= input[d] + begin[d]) {
                    output[d]--;
                }
            }
        }
        return ConvGeometry.withOutput(channels, input, kernel, strides, begin, end, dilations, output);
    }

    /** An ints attribute of exactly {@code rank} values, or {@code rank} copies of {@code fill} when absent. */
    static int[] ints(Attributes attributes, String name, int rank, int fill) {
        int[] values = attributes.getInts(name, null);
        if (values == null) {
            int[] out = new int[rank];
            Arrays.fill(out, fill);
            return out;
        }
        if (values.length != rank) {
            throw new TensorException("attribute '" + name + "' needs " + rank + " values (one per spatial axis), got "
                    + values.length);
        }
        return values;
    }

    /** The spatial dimensions of an (N, C, D1, …, Dn) tensor. */
    static int[] spatialDims(int[] dims) {
        return Arrays.copyOfRange(dims, 2, dims.length);
    }
}
