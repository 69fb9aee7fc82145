package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Broadcast;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.List;

/**
 * Where-16: picks X where the bool condition holds and Y elsewhere, broadcasting all three inputs together.
 * X and Y share any one dtype, which the output keeps.
 */
final class ElementwiseWhereKernel {
    private ElementwiseWhereKernel() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("Where", 16, ElementwiseWhereKernel::where);
    }

    private static List<Tensor> where(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 3, 3);
        Tensor condition = KernelArgs.required(inputs, 0, "condition");
        Tensor x = KernelArgs.required(inputs, 1, "X");
        Tensor y = KernelArgs.required(inputs, 2, "Y");
        ElementwiseTypes.require(condition, "condition", ElementwiseTypes.BOOL);
        ElementwiseTypes.requireCommon(x, "X", y, "Y", ElementwiseTypes.ALL);
        Shape shape = Broadcast.shape(condition.shape(), x.shape(), y.shape());
        int n = shape.size();
        int[] mapC = ElementwiseLoops.indexMapOrNull(condition.shape(), shape);
        int[] mapX = ElementwiseLoops.indexMapOrNull(x.shape(), shape);
        int[] mapY = ElementwiseLoops.indexMapOrNull(y.shape(), shape);
        long[] c = condition.toLongArray();
        if (x.dtype().isFloat()) {
            double[] xs = x.toDoubleArray();
            double[] ys = y.toDoubleArray();
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                boolean pickX = c[mapC == null ? i : mapC[i]] != 0;
                out[i] = pickX ? xs[mapX == null ? i : mapX[i]] : ys[mapY == null ? i : mapY[i]];
            }
            return List.of(Tensor.fromDoubles(x.dtype(), shape, out));
        }
        long[] xs = x.toLongArray();
        long[] ys = y.toLongArray();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            boolean pickX = c[mapC == null ? i : mapC[i]] != 0;
            out[i] = pickX ? xs[mapX == null ? i : mapX[i]] : ys[mapY == null ? i : mapY[i]];
        }
        return List.of(Tensor.fromLongs(x.dtype(), shape, out));
    }
}
