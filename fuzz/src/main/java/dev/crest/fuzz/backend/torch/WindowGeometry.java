package dev.crest.fuzz.backend.torch;

import dev.crest.fuzz.FuzzException;
import dev.crest.tensor.Attributes;

/**
 * The resolved sliding-window geometry of Conv, MaxPool and AveragePool per spatial axis: kernel, stride,
 * dilation, begin and end pads (from {@code pads} or {@code auto_pad}) and the output size (rounded up with
 * {@code ceil_mode}, dropping a last window that would start in the end padding, as ONNX Runtime does).
 */
record WindowGeometry(long[] input, long[] kernel, long[] strides, long[] dilations, long[] begin, long[] end,
        long[] output) {

    static WindowGeometry resolve(Attributes attributes, long[] input, long[] kernel, boolean ceilAllowed) {
        int n = input.length;
        long[] strides = orOnes(attributes, "strides", n);
        long[] dilations = orOnes(attributes, "dilations", n);
        long[] begin = new long[n];
        long[] end = new long[n];
        long[] output = new long[n];
        String autoPad = attributes.getString("auto_pad", "NOTSET");
        boolean ceil = ceilAllowed && attributes.getLong("ceil_mode", 0) == 1;
        long[] pads = attributes.has("pads") ? attributes.getLongs("pads") : new long[2 * n];
        for (int i = 0; i < n; i++) {
            long effective = dilations[i] * (kernel[i] - 1) + 1;
            switch (autoPad) {
                case "NOTSET":
                    begin[i] = pads[i];
                    end[i] = pads[n + i];
                    break;
                case "VALID":
                    break;
                case "SAME_UPPER":
                case "SAME_LOWER": {
                    long out = (input[i] + strides[i] - 1) / strides[i];
                    long total = Math.max(0, (out - 1) * strides[i] + effective - input[i]);
                    long small = total / 2;
                    begin[i] = autoPad.equals("SAME_UPPER") ? small : total - small;
                    end[i] = total - begin[i];
                    break;
                }
                default:
                    throw new FuzzException("auto_pad '" + autoPad + "' is not an ONNX value");
            }
            long room = input[i] + begin[i] + end[i] - effective;
            if (room < 0) {
                throw new FuzzException("the window (" + effective + ") is larger than the padded input ("
                        + (input[i] + begin[i] + end[i]) + ")");
            }
            output[i] = (ceil ? Math.floorDiv(room + strides[i] - 1, strides[i]) : room / strides[i]) + 1;
            if (ceil && (output[i] - 1) * strides[i] >= input[i] + begin[i]) {
                output[i]--;
            }
        }
        return new WindowGeometry(input, kernel, strides, dilations, begin, end, output);
    }

    private static long[] orOnes(Attributes attributes, String name, int n) {
        if (attributes.has(name)) {
            return attributes.getLongs(name);
        }
        long[] ones = new long[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    int rank() {
        return input.length;
    }

    long effective(int i) {
        return dilations[i] * (kernel[i] - 1) + 1;
    }

    /** Padding past the end pad that the last (ceil-mode) window reaches; never counted or taken. */
    long overhang(int i) {
        return Math.max(0, (output[i] - 1) * strides[i] + effective(i) - (input[i] + begin[i] + end[i]));
    }

    boolean symmetric() {
        return java.util.Arrays.equals(begin, end);
    }

    boolean undilated() {
        for (long d : dilations) {
            if (d != 1) {
                return false;
            }
        }
        return true;
    }

    boolean anyPadding() {
        for (int i = 0; i < rank(); i++) {
            if (begin[i] != 0 || end[i] != 0) {
                return true;
            }
        }
        return false;
    }
}
