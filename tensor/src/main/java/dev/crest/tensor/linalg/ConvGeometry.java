package dev.crest.tensor.linalg;

import dev.crest.tensor.TensorException;
import java.util.Arrays;

/**
 * The shape of one sliding-window operation over a single image: channel count, input spatial dimensions,
 * kernel dimensions, strides, leading/trailing pads, dilations and the resulting output spatial dimensions.
 * It fixes the layout {@link Im2Col} reads and writes. Immutable; the array accessors return copies.
 *
 * <p>Output position {@code o} along axis {@code d} reads input coordinate
 * {@code o·stride[d] − padBegin[d] + j·dilation[d]} for kernel offset {@code j}; coordinates outside
 * {@code [0, input[d])} are padding (zero).
 */
public final class ConvGeometry {
    private final int channels;
    private final int[] input;
    private final int[] kernel;
    private final int[] strides;
    private final int[] padsBegin;
    private final int[] padsEnd;
    private final int[] dilations;
    private final int[] output;

    private ConvGeometry(int channels, int[] input, int[] kernel, int[] strides, int[] padsBegin, int[] padsEnd,
            int[] dilations, int[] output) {
        this.channels = channels;
        this.input = input;
        this.kernel = kernel;
        this.strides = strides;
        this.padsBegin = padsBegin;
        this.padsEnd = padsEnd;
        this.dilations = dilations;
        this.output = output;
    }

    /**
     * A geometry whose output size along each axis is the usual floor formula
     * {@code (input + padBegin + padEnd − dilation·(kernel − 1) − 1) / stride + 1}.
     *
     * @throws TensorException when the arrays disagree in length, a stride, dilation or kernel dimension is
     *     below 1, a pad is negative, or the dilated kernel is larger than the padded input
     */
    public static ConvGeometry of(int channels, int[] input, int[] kernel, int[] strides, int[] padsBegin,
            int[] padsEnd, int[] dilations) {
        int rank = input.length;
        checkParameters(channels, input, kernel, strides, padsBegin, padsEnd, dilations);
        int[] output = new int[rank];
        for (int d = 0; d < rank; d++) {
            long span = (long) dilations[d] * (kernel[d] - 1) + 1;
            long padded = (long) input[d] + padsBegin[d] + padsEnd[d];
            if (span > padded) {
                throw new TensorException("kernel of extent " + span + " (kernel " + kernel[d] + ", dilation "
                        + dilations[d] + ") is larger than the padded input " + padded + " along spatial axis " + d);
            }
            output[d] = Math.toIntExact((padded - span) / strides[d] + 1);
        }
        return new ConvGeometry(channels, input.clone(), kernel.clone(), strides.clone(), padsBegin.clone(),
                padsEnd.clone(), dilations.clone(), output);
    }

    /**
     * A geometry with explicitly given output sizes (e.g. pooling with {@code ceil_mode}); windows that reach
     * past the padded input simply read more padding.
     */
    public static ConvGeometry withOutput(int channels, int[] input, int[] kernel, int[] strides, int[] padsBegin,
            int[] padsEnd, int[] dilations, int[] output) {
        checkParameters(channels, input, kernel, strides, padsBegin, padsEnd, dilations);
        if (output.length != input.length) {
            throw new TensorException("output rank " + output.length + " differs from spatial rank " + input.length);
        }
        for (int o : output) {
            if (o < 0) {
                throw new TensorException("negative output size in " + Arrays.toString(output));
            }
        }
        return new ConvGeometry(channels, input.clone(), kernel.clone(), strides.clone(), padsBegin.clone(),
                padsEnd.clone(), dilations.clone(), output.clone());
    }

    private static void checkParameters(int channels, int[] input, int[] kernel, int[] strides, int[] padsBegin,
            int[] padsEnd, int[] dilations) {
        int rank = input.length;
        if (rank == 0) {
            throw new TensorException("a sliding window needs at least one spatial axis");
        }
        if (channels < 0) {
            throw new TensorException("negative channel count " + channels);
        }
        checkLength("kernel", kernel, rank);
        checkLength("strides", strides, rank);
        checkLength("pads (begin)", padsBegin, rank);
        checkLength("pads (end)", padsEnd, rank);
        checkLength("dilations", dilations, rank);
        for (int d = 0; d < rank; d++) {
            if (input[d] < 0) {
                throw new TensorException("negative input size in " + Arrays.toString(input));
            }
            if (kernel[d] < 1) {
                throw new TensorException("kernel dimensions must be at least 1, got " + Arrays.toString(kernel));
            }
            if (strides[d] < 1) {
                throw new TensorException("strides must be at least 1, got " + Arrays.toString(strides));
            }
            if (dilations[d] < 1) {
                throw new TensorException("dilations must be at least 1, got " + Arrays.toString(dilations));
            }
            if (padsBegin[d] < 0 || padsEnd[d] < 0) {
                throw new TensorException("pads must be non-negative, got " + Arrays.toString(padsBegin) + " and "
                        + Arrays.toString(padsEnd));
            }
        }
    }

    private static void checkLength(String name, int[] values, int rank) {
        if (values.length != rank) {
            throw new TensorException(name + " has " + values.length + " values but the input has " + rank
                    + " spatial axes");
        }
    }

    public int channels() {
        return channels;
    }

    /** Number of spatial axes. */
    public int spatialRank() {
        return input.length;
    }

    public int[] inputDims() {
        return input.clone();
    }

    public int[] kernelDims() {
        return kernel.clone();
    }

    public int[] strides() {
        return strides.clone();
    }

    public int[] padsBegin() {
        return padsBegin.clone();
    }

    public int[] padsEnd() {
        return padsEnd.clone();
    }

    public int[] dilations() {
        return dilations.clone();
    }

    public int[] outputDims() {
        return output.clone();
    }

    /** Elements of one input channel: the product of the input spatial dimensions. */
    public int inputSpatialSize() {
        return product(input);
    }

    /** Elements of one kernel channel: the product of the kernel dimensions. */
    public int kernelSize() {
        return product(kernel);
    }

    /** Output positions: the product of the output spatial dimensions. */
    public int outputSpatialSize() {
        return product(output);
    }

    /** Elements of one input image: {@code channels · inputSpatialSize()}. */
    public int imageSize() {
        return Math.multiplyExact(channels, inputSpatialSize());
    }

    /** Rows of the column matrix: {@code channels · kernelSize()}. */
    public int columnRows() {
        return Math.multiplyExact(channels, kernelSize());
    }

    /** Columns of the column matrix: {@code outputSpatialSize()}. */
    public int columnCols() {
        return outputSpatialSize();
    }

    /** Elements of the column matrix. */
    public int columnSize() {
        return Math.multiplyExact(columnRows(), columnCols());
    }

    private static int product(int[] dims) {
        int p = 1;
        for (int d : dims) {
            p = Math.multiplyExact(p, d);
        }
        return p;
    }

    @Override
    public String toString() {
        return "ConvGeometry{channels=" + channels + ", input=" + Arrays.toString(input) + ", kernel="
                + Arrays.toString(kernel) + ", strides=" + Arrays.toString(strides) + ", pads="
                + Arrays.toString(padsBegin) + "/" + Arrays.toString(padsEnd) + ", dilations="
                + Arrays.toString(dilations) + ", output=" + Arrays.toString(output) + "}";
    }
}
