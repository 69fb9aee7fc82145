package dev.crest.fuzz.backend.tensorflow;

import dev.crest.tensor.Attributes;

/**
 * The resolved geometry of an ONNX Conv or pooling window over the spatial axes: explicit begin/end padding
 * (from {@code pads} or {@code auto_pad}, plus for {@code ceil_mode} the extra end padding the last window
 * needs), strides, dilations and kernel, so that a VALID TensorFlow window over the padded input gives ONNX's
 * output size.
 *
 * @param kernel kernel size per spatial axis
 * @param strides stride per spatial axis
 * @param dilations dilation per spatial axis
 * @param begin padding before each spatial axis (explicit or automatic)
 * @param end padding after each spatial axis (explicit or automatic)
 * @param ceilExtra further padding after each axis that only ceil_mode's last window reaches
 * @param output the output size per spatial axis
 */
record SlidingWindow(long[] kernel, long[] strides, long[] dilations, long[] begin, long[] end, long[] ceilExtra,
        long[] output) {

    static SlidingWindow resolve(TfNode n, long[] input, long[] kernel, boolean ceilAllowed) {
        Attributes a = n.attributes();
        int rank = input.length;
        long[] strides = a.has("strides") ? a.getLongs("strides") : ones(rank);
        long[] dilations = a.has("dilations") ? a.getLongs("dilations") : ones(rank);
        long[] begin = new long[rank];
        long[] end = new long[rank];
        long[] extra = new long[rank];
        long[] output = new long[rank];
        String autoPad = a.getString("auto_pad", "NOTSET");
        boolean ceil = ceilAllowed && a.getLong("ceil_mode", 0) == 1;
        if (strides.length != rank || dilations.length != rank || kernel.length != rank) {
            throw n.unsupported("window attributes of another rank than the " + rank + " spatial axes");
        }
        for (int d = 0; d < rank; d++) {
            long span = (kernel[d] - 1) * dilations[d] + 1;
            switch (autoPad) {
                case "NOTSET" -> {
                    if (a.has("pads")) {
                        begin[d] = a.getLongs("pads")[d];
                        end[d] = a.getLongs("pads")[rank + d];
                    }
                }
                case "VALID" -> {
                }
                case "SAME_UPPER", "SAME_LOWER" -> {
                    long out = Math.floorDiv(input[d] + strides[d] - 1, strides[d]);
                    long needed = Math.max(0, (out - 1) * strides[d] + span - input[d]);
                    begin[d] = autoPad.equals("SAME_UPPER") ? needed / 2 : needed - needed / 2;
                    end[d] = needed - begin[d];
                }
                default -> throw n.unsupported("auto_pad '" + autoPad + "'");
            }
            long room = input[d] + begin[d] + end[d] - span;
            output[d] = Math.floorDiv(room, strides[d]) + 1;
            if (ceil && autoPad.equals("NOTSET") && room % strides[d] != 0) {
                output[d]++;
                // A last window starting in the end padding is dropped, as ONNX specifies.
                if ((output[d] - 1) * strides[d] >= input[d] + begin[d]) {
                    output[d]--;
                }
            }
            extra[d] = Math.max(0, (output[d] - 1) * strides[d] + span - (input[d] + begin[d] + end[d]));
        }
        return new SlidingWindow(kernel, strides, dilations, begin, end, extra, output);
    }

    boolean dilated() {
        for (long d : dilations) {
            if (d != 1) {
                return true;
            }
        }
        return false;
    }

    private static long[] ones(int rank) {
        long[] ones = new long[rank];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }
}
