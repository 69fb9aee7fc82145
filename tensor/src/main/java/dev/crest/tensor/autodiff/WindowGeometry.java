package dev.crest.tensor.autodiff;

import dev.crest.tensor.Attributes;

/**
 * Where the sliding windows of a Conv or pooling operator read their input: for each output position and kernel
 * offset, the input position (flat over the spatial axes), following ONNX's strides, dilations, pads and
 * auto_pad. The output's spatial size is taken from the forward result, so ceil_mode needs no special case.
 */
final class WindowGeometry {
    /** Marks a kernel offset that falls in the padding. */
    static final int PADDING = -1;
    /** Marks a kernel offset beyond even the padded input (possible with ceil_mode). */
    static final int OUTSIDE = -2;

    private final int outSize;
    private final int kernelSize;
    private final int[] table;

    private WindowGeometry(int outSize, int kernelSize, int[] table) {
        this.outSize = outSize;
        this.kernelSize = kernelSize;
        this.table = table;
    }

    /**
     * The geometry of {@code attributes} (strides, dilations, pads, auto_pad) for the given spatial input,
     * output and kernel dimensions.
     */
    static WindowGeometry of(Attributes attributes, int[] in, int[] out, int[] kernel) {
        int n = in.length;
        int[] strides = attributes.getInts("strides", ones(n));
        int[] dilations = attributes.getInts("dilations", ones(n));
        int[] begin = new int[n];
        int[] end = new int[n];
        String autoPad = attributes.getString("auto_pad", "NOTSET");
        for (int d = 0; d < n; d++) {
            switch (autoPad) {
                case "SAME_UPPER":
                case "SAME_LOWER": {
                    int total = Math.max(0, (out[d] - 1) * strides[d] + (kernel[d] - 1) * dilations[d] + 1 - in[d]);
                    begin[d] = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
                    end[d] = total - begin[d];
                    break;
                }
                case "VALID":
                    break;
                default: {
                    int[] pads = attributes.getInts("pads", new int[2 * n]);
                    begin[d] = pads[d];
                    end[d] = pads[d + n];
                }
            }
        }
        int outSize = product(out);
        int kernelSize = product(kernel);
        int[] table = new int[outSize * kernelSize];
        int[] o = new int[n];
        int[] k = new int[n];
        for (int oi = 0; oi < outSize; oi++) {
            unravel(oi, out, o);
            for (int ki = 0; ki < kernelSize; ki++) {
                unravel(ki, kernel, k);
                int flat = 0;
                int status = 0;
                for (int d = 0; d < n; d++) {
                    int pos = o[d] * strides[d] - begin[d] + k[d] * dilations[d];
                    if (pos < -begin[d] || pos >= in[d] + end[d]) {
                        status = OUTSIDE;
                    } else if ((pos < 0 || pos >= in[d]) && status == 0) {
                        status = PADDING;
                    }
                    flat = flat * in[d] + pos;
                }
                table[oi * kernelSize + ki] = status != 0 ? status : flat;
            }
        }
        return new WindowGeometry(outSize, kernelSize, table);
    }

    int outSize() {
        return outSize;
    }

    int kernelSize() {
        return kernelSize;
    }

    /** The spatial input position read by output {@code o} at kernel offset {@code k}, or a negative marker. */
    int source(int o, int k) {
        return table[o * kernelSize + k];
    }

    private static int[] ones(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    static int product(int[] dims) {
        int p = 1;
        for (int d : dims) {
            p *= d;
        }
        return p;
    }

    private static void unravel(int flat, int[] dims, int[] out) {
        for (int d = dims.length - 1; d >= 0; d--) {
            out[d] = flat % dims[d];
            flat /= dims[d];
        }
    }
}
