package dev.crest.tensor.nn;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;

/**
 * 2-D max pooling over float32 NCHW input (ONNX MaxPool with a square kernel, {@code ceil_mode = 0}); padded
 * positions never win. The gradient flows to the first maximal element of each window.
 */
public final class MaxPool2d implements Module {
    private final PoolGeometry geometry;

    /** Non-overlapping windows: stride equal to the kernel, no padding. */
    public MaxPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    public MaxPool2d(int kernel, int stride, int padding) {
        this.geometry = new PoolGeometry(kernel, stride, padding);
    }

    @Override
    public Variable forward(Tape tape, Variable input) {
        Tensor x = input.value();
        int[] d = PoolGeometry.nchw(x, "MaxPool2d");
        int planes = d[0] * d[1];
        int h = d[2];
        int w = d[3];
        int oh = geometry.outputSize(h, "MaxPool2d");
        int ow = geometry.outputSize(w, "MaxPool2d");
        int k = geometry.kernel();
        float[] xs = x.float32Data();
        float[] y = new float[planes * oh * ow];
        int[] argmax = new int[y.length];
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * h * w;
            for (int i = 0; i < oh; i++) {
                int r0 = Math.max(0, geometry.windowStart(i));
                int r1 = Math.min(h, geometry.windowStart(i) + k);
                for (int j = 0; j < ow; j++) {
                    int c0 = Math.max(0, geometry.windowStart(j));
                    int c1 = Math.min(w, geometry.windowStart(j) + k);
                    float best = Float.NEGATIVE_INFINITY;
                    int bestIndex = base + r0 * w + c0;
                    for (int r = r0; r < r1; r++) {
                        int rowBase = base + r * w;
                        for (int c = c0; c < c1; c++) {
                            float v = xs[rowBase + c];
                            if (v > best) {
                                best = v;
                                bestIndex = rowBase + c;
                            }
                        }
                    }
                    y[out] = xs[bestIndex];
                    argmax[out] = bestIndex;
                    out++;
                }
            }
        }
        Shape inputShape = x.shape();
        return tape.custom(Tensor.wrapFloat32(Shape.of(d[0], d[1], oh, ow), y), dy -> {
            float[] g = LayerInputs.gradient(dy);
            float[] dx = new float[inputShape.size()];
            for (int o = 0; o < g.length; o++) {
                dx[argmax[o]] += g[o];
            }
            return new Tensor[] {Tensor.wrapFloat32(inputShape, dx)};
        }, input);
    }

    @Override
    public String toString() {
        return "MaxPool2d(kernel=" + geometry.kernel() + ", stride=" + geometry.stride() + ", padding="
                + geometry.padding() + ")";
    }
}
