package dev.crest.tensor.linalg;

import java.util.Arrays;

/**
 * Unfolds sliding windows of an N-d image into a matrix (im2col) and folds such a matrix back (col2im), so a
 * convolution becomes one matrix product.
 *
 * <p>An image is {@code channels × input[0] × … × input[S−1]} values, row-major, starting at an offset. Its
 * column matrix has {@link ConvGeometry#columnRows()} {@code = channels·K} rows and
 * {@link ConvGeometry#columnCols()} {@code = P} columns, row-major, where {@code K} is the kernel size and
 * {@code P} the number of output positions: entry {@code (c·K + j, p)} is the input value of channel {@code c}
 * under kernel offset {@code j} (row-major over the kernel dimensions) at output position {@code p}
 * (row-major over the output dimensions), or 0 where the window covers padding.
 *
 * <p>With this layout a convolution with weights {@code W} of shape {@code M × (channels·K)} is
 * {@code Y (M × P) = W · im2col(X)}, i.e. {@code Blas.sgemm(false, false, M, P, channels·K, 1, w, 0, channels·K,
 * col, 0, P, 0, y, 0, P)}; channel groups use the contiguous row block {@code [g·Cg·K, (g+1)·Cg·K)}. For the
 * backward pass, with {@code R = channels·K}:
 * <ul>
 *   <li>{@code dW += dY·colᵀ}: {@code Blas.sgemm(false, true, M, R, P, 1, dy, 0, P, col, 0, P, 1, dw, 0, R)};</li>
 *   <li>{@code dcol = Wᵀ·dY}: {@code Blas.sgemm(true, false, R, P, M, 1, w, 0, R, dy, 0, P, 0, dcol, 0, P)},
 *       then {@code dX = col2im(dcol)} into a zeroed (or accumulating) gradient image.</li>
 * </ul>
 *
 * <p>{@link #col2im} is the adjoint of {@link #im2col}: it <em>adds</em> every column entry back into the
 * input position it was read from (overlapping windows accumulate; padding entries are dropped), so callers
 * zero the destination first when they want the plain fold.
 */
public final class Im2Col {
    private Im2Col() {
    }

    /** Writes the column matrix of the image at {@code image[imageOffset…]} into {@code columns[columnOffset…]}. */
    public static void im2col(double[] image, int imageOffset, ConvGeometry g, double[] columns, int columnOffset) {
        checkBounds(image.length, imageOffset, g.imageSize(), columns.length, columnOffset, g.columnSize());
        Plan plan = new Plan(g);
        int inSpatial = g.inputSpatialSize();
        for (int c = 0; c < g.channels(); c++) {
            int channelBase = imageOffset + c * inSpatial;
            for (int kj = 0; kj < plan.kernelSize; kj++) {
                int rowStart = columnOffset + (c * plan.kernelSize + kj) * plan.outputSize;
                int last = kj % plan.kernelLast;
                int lo = plan.firstValid[last];
                int hi = plan.endValid[last];
                for (int outer = 0; outer < plan.outerSize; outer++) {
                    int dst = rowStart + outer * plan.outputLast;
                    int base = plan.rowBase[kj * plan.outerSize + outer];
                    if (base < 0 || lo >= hi) {
                        Arrays.fill(columns, dst, dst + plan.outputLast, 0.0);
                        continue;
                    }
                    Arrays.fill(columns, dst, dst + lo, 0.0);
                    int src = channelBase + base + plan.inputStart[last];
                    for (int t = lo; t < hi; t++, src += plan.strideLast) {
                        columns[dst + t] = image[src];
                    }
                    Arrays.fill(columns, dst + hi, dst + plan.outputLast, 0.0);
                }
            }
        }
    }

    /** Float version of {@link #im2col(double[], int, ConvGeometry, double[], int)}. */
    public static void im2col(float[] image, int imageOffset, ConvGeometry g, float[] columns, int columnOffset) {
        checkBounds(image.length, imageOffset, g.imageSize(), columns.length, columnOffset, g.columnSize());
        Plan plan = new Plan(g);
        int inSpatial = g.inputSpatialSize();
        for (int c = 0; c < g.channels(); c++) {
            int channelBase = imageOffset + c * inSpatial;
            for (int kj = 0; kj < plan.kernelSize; kj++) {
                int rowStart = columnOffset + (c * plan.kernelSize + kj) * plan.outputSize;
                int last = kj % plan.kernelLast;
                int lo = plan.firstValid[last];
                int hi = plan.endValid[last];
                for (int outer = 0; outer < plan.outerSize; outer++) {
                    int dst = rowStart + outer * plan.outputLast;
                    int base = plan.rowBase[kj * plan.outerSize + outer];
                    if (base < 0 || lo >= hi) {
                        Arrays.fill(columns, dst, dst + plan.outputLast, 0f);
                        continue;
                    }
                    Arrays.fill(columns, dst, dst + lo, 0f);
                    int src = channelBase + base + plan.inputStart[last];
                    for (int t = lo; t < hi; t++, src += plan.strideLast) {
                        columns[dst + t] = image[src];
                    }
                    Arrays.fill(columns, dst + hi, dst + plan.outputLast, 0f);
                }
            }
        }
    }

    /**
     * Adds every entry of the column matrix at {@code columns[columnOffset…]} into the image position it
     * corresponds to in {@code image[imageOffset…]}; entries over padding are dropped.
     */
    public static void col2im(double[] columns, int columnOffset, ConvGeometry g, double[] image, int imageOffset) {
        checkBounds(image.length, imageOffset, g.imageSize(), columns.length, columnOffset, g.columnSize());
        Plan plan = new Plan(g);
        int inSpatial = g.inputSpatialSize();
        for (int c = 0; c < g.channels(); c++) {
            int channelBase = imageOffset + c * inSpatial;
            for (int kj = 0; kj < plan.kernelSize; kj++) {
                int rowStart = columnOffset + (c * plan.kernelSize + kj) * plan.outputSize;
                int last = kj % plan.kernelLast;
                int lo = plan.firstValid[last];
                int hi = plan.endValid[last];
                if (lo >= hi) {
                    continue;
                }
                for (int outer = 0; outer < plan.outerSize; outer++) {
                    int base = plan.rowBase[kj * plan.outerSize + outer];
                    if (base < 0) {
                        continue;
                    }
                    int src = rowStart + outer * plan.outputLast;
                    int dst = channelBase + base + plan.inputStart[last];
                    for (int t = lo; t < hi; t++, dst += plan.strideLast) {
                        image[dst] += columns[src + t];
                    }
                }
            }
        }
    }

    /** Float version of {@link #col2im(double[], int, ConvGeometry, double[], int)}. */
    public static void col2im(float[] columns, int columnOffset, ConvGeometry g, float[] image, int imageOffset) {
        checkBounds(image.length, imageOffset, g.imageSize(), columns.length, columnOffset, g.columnSize());
        Plan plan = new Plan(g);
        int inSpatial = g.inputSpatialSize();
        for (int c = 0; c < g.channels(); c++) {
            int channelBase = imageOffset + c * inSpatial;
            for (int kj = 0; kj < plan.kernelSize; kj++) {
                int rowStart = columnOffset + (c * plan.kernelSize + kj) * plan.outputSize;
                int last = kj % plan.kernelLast;
                int lo = plan.firstValid[last];
                int hi = plan.endValid[last];
                if (lo >= hi) {
                    continue;
                }
                for (int outer = 0; outer < plan.outerSize; outer++) {
                    int base = plan.rowBase[kj * plan.outerSize + outer];
                    if (base < 0) {
                        continue;
                    }
                    int src = rowStart + outer * plan.outputLast;
                    int dst = channelBase + base + plan.inputStart[last];
                    for (int t = lo; t < hi; t++, dst += plan.strideLast) {
                        image[dst] += columns[src + t];
                    }
                }
            }
        }
    }

    private static void checkBounds(int imageLength, int imageOffset, int imageSize, int columnsLength,
            int columnOffset, int columnSize) {
        if (imageOffset < 0 || (long) imageOffset + imageSize > imageLength) {
            throw new IllegalArgumentException("image of " + imageSize + " values at offset " + imageOffset
                    + " does not fit in an array of length " + imageLength);
        }
        if (columnOffset < 0 || (long) columnOffset + columnSize > columnsLength) {
            throw new IllegalArgumentException("column matrix of " + columnSize + " values at offset " + columnOffset
                    + " does not fit in an array of length " + columnsLength);
        }
    }

    /**
     * Index arithmetic shared by all channels. The output is split into "outer" positions (all axes but the
     * last) and the last axis; for each (kernel offset, outer position) pair {@code rowBase} holds the input
     * offset contributed by the outer axes, or −1 when one of them falls into padding. Along the last axis,
     * for each last-axis kernel offset, output indices {@code [firstValid, endValid)} read real input starting
     * at {@code inputStart} with step {@code strideLast}; the rest is padding.
     */
    private static final class Plan {
        final int kernelSize;
        final int kernelLast;
        final int outputSize;
        final int outputLast;
        final int outerSize;
        final int strideLast;
        final int[] rowBase;
        final int[] firstValid;
        final int[] endValid;
        final int[] inputStart;

        Plan(ConvGeometry g) {
            int rank = g.spatialRank();
            int[] in = g.inputDims();
            int[] k = g.kernelDims();
            int[] s = g.strides();
            int[] pb = g.padsBegin();
            int[] dil = g.dilations();
            int[] out = g.outputDims();
            int last = rank - 1;
            kernelSize = g.kernelSize();
            kernelLast = k[last];
            outputSize = g.outputSpatialSize();
            outputLast = out[last];
            outerSize = outputLast == 0 ? 0 : outputSize / outputLast;
            strideLast = s[last];

            firstValid = new int[kernelLast];
            endValid = new int[kernelLast];
            inputStart = new int[kernelLast];
            for (int j = 0; j < kernelLast; j++) {
                int shift = j * dil[last] - pb[last]; // input coordinate = o·stride + shift
                int lo = shift >= 0 ? 0 : ceilDiv(-shift, strideLast);
                int hi = in[last] - shift <= 0 ? 0 : ceilDiv(in[last] - shift, strideLast);
                lo = Math.min(lo, outputLast);
                hi = Math.max(lo, Math.min(hi, outputLast));
                firstValid[j] = lo;
                endValid[j] = hi;
                inputStart[j] = lo * strideLast + shift;
            }

            int[] inStrides = new int[rank];
            int stride = 1;
            for (int d = last; d >= 0; d--) {
                inStrides[d] = stride;
                stride *= in[d];
            }
            rowBase = new int[kernelSize * outerSize];
            int[] kIndex = new int[rank];
            int[] oIndex = new int[rank];
            for (int kj = 0; kj < kernelSize; kj++) {
                Arrays.fill(oIndex, 0);
                for (int outer = 0; outer < outerSize; outer++) {
                    int base = 0;
                    for (int d = 0; d < last; d++) {
                        int coordinate = oIndex[d] * s[d] - pb[d] + kIndex[d] * dil[d];
                        if (coordinate < 0 || coordinate >= in[d]) {
                            base = -1;
                            break;
                        }
                        base += coordinate * inStrides[d];
                    }
                    rowBase[kj * outerSize + outer] = base;
                    increment(oIndex, out, last - 1);
                }
                increment(kIndex, k, last);
            }
        }

        private static void increment(int[] index, int[] dims, int fromAxis) {
            for (int d = fromAxis; d >= 0; d--) {
                if (++index[d] < dims[d]) {
                    return;
                }
                index[d] = 0;
            }
        }

        private static int ceilDiv(int a, int b) {
            return -Math.floorDiv(-a, b);
        }
    }
}
