package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.linalg.Blas;
import dev.crest.tensor.linalg.ConvGeometry;
import dev.crest.tensor.linalg.Im2Col;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Conv} (opset 11) over any number of spatial axes: groups, strides, pads, dilations, {@code auto_pad},
 * {@code kernel_shape} and an optional bias. Each image is unfolded with {@link Im2Col} and multiplied by the
 * weights with {@link Blas#dgemm}, group by group, in float64; the result is rounded once to the input dtype.
 */
final class ConvKernels {
    private ConvKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("Conv", 11, ConvKernels::conv);
    }

    private static List<Tensor> conv(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 2, 3);
        Tensor x = KernelArgs.required(inputs, 0, "X");
        Tensor w = KernelArgs.required(inputs, 1, "W");
        Tensor bias = KernelArgs.optional(inputs, 2);
        KernelArgs.requireFloat(x, "X");
        KernelArgs.requireSameDType(x, "X", w, "W");
        if (bias != null) {
            KernelArgs.requireSameDType(x, "X", bias, "B");
        }
        if (x.rank() < 3) {
            throw new TensorException("X must have shape (N, C, D1, ...) with at least one spatial axis, got "
                    + x.shape());
        }
        if (w.rank() != x.rank()) {
            throw new TensorException("W must have the same rank as X (" + x.rank() + "), got shape " + w.shape());
        }
        int[] xDims = x.shape().dims();
        int[] wDims = w.shape().dims();
        int batch = xDims[0];
        int channels = xDims[1];
        int filters = wDims[0];
        int group = attributes.getInt("group", 1);
        if (group < 1) {
            throw new TensorException("attribute 'group' must be at least 1, got " + group);
        }
        if (channels % group != 0 || filters % group != 0) {
            throw new TensorException("group " + group + " must divide both the input channels (" + channels
                    + ") and the number of filters (" + filters + ")");
        }
        int groupChannels = channels / group;
        if (wDims[1] != groupChannels) {
            throw new TensorException("channel mismatch: X has " + channels + " channels and group is " + group
                    + ", so W " + w.shape() + " needs " + groupChannels + " input channels in dimension 1, has "
                    + wDims[1]);
        }
        int[] kernel = ConvWindow.spatialDims(wDims);
        int[] declared = attributes.getInts("kernel_shape", null);
        if (declared != null && !Arrays.equals(declared, kernel)) {
            throw new TensorException("attribute 'kernel_shape' " + Arrays.toString(declared)
                    + " does not match the spatial shape of W " + Arrays.toString(kernel));
        }
        if (bias != null && (bias.rank() != 1 || bias.size() != filters)) {
            throw new TensorException("B must be 1-D with " + filters + " values (one per filter), got shape "
                    + bias.shape());
        }
        ConvGeometry g = ConvWindow.resolve(attributes, channels, ConvWindow.spatialDims(xDims), kernel, false);

        int[] outDims = new int[xDims.length];
        outDims[0] = batch;
        outDims[1] = filters;
        System.arraycopy(g.outputDims(), 0, outDims, 2, kernel.length);
        Shape outShape = Shape.of(outDims);
        double[] out = new double[outShape.size()];
        double[] xd = x.toDoubleArray();
        double[] wd = w.toDoubleArray();
        int positions = g.outputSpatialSize();
        int groupFilters = filters / group;
        int groupRows = groupChannels * g.kernelSize();
        int imageSize = g.imageSize();
        boolean pointwise = isPointwise(g);
        double[] columns = pointwise ? null : new double[g.columnSize()];
        for (int n = 0; n < batch; n++) {
            double[] source;
            int sourceOffset;
            if (pointwise) {
                // A 1×…×1 kernel with unit strides and no padding reads the image as its own column matrix.
                source = xd;
                sourceOffset = n * imageSize;
            } else {
                Im2Col.im2col(xd, n * imageSize, g, columns, 0);
                source = columns;
                sourceOffset = 0;
            }
            for (int grp = 0; grp < group; grp++) {
                Blas.dgemm(false, false, groupFilters, positions, groupRows,
                        1.0, wd, grp * groupFilters * groupRows, Math.max(1, groupRows),
                        source, sourceOffset + grp * groupRows * positions, Math.max(1, positions),
                        0.0, out, (n * filters + grp * groupFilters) * positions, Math.max(1, positions));
            }
        }
        if (bias != null) {
            double[] b = bias.toDoubleArray();
            for (int n = 0; n < batch; n++) {
                for (int f = 0; f < filters; f++) {
                    int start = (n * filters + f) * positions;
                    for (int p = 0; p < positions; p++) {
                        out[start + p] += b[f];
                    }
                }
            }
        }
        return List.of(Tensor.fromDoubles(x.dtype(), outShape, out));
    }

    private static boolean isPointwise(ConvGeometry g) {
        for (int d = 0; d < g.spatialRank(); d++) {
            if (g.kernelDims()[d] != 1 || g.strides()[d] != 1 || g.padsBegin()[d] != 0 || g.padsEnd()[d] != 0) {
                return false;
            }
        }
        return true;
    }
}
