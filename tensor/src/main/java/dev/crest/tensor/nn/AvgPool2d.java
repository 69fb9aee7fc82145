package dev.crest.tensor.nn;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;

/**
 * 2-D average pooling over float32 NCHW input (ONNX AveragePool with a square kernel, {@code ceil_mode = 0}
 * and {@code count_include_pad = 0}): each window averages only the input elements it covers.
 */
public final class AvgPool2d implements Module {
    private final PoolGeometry geometry;

    /** Non-overlapping windows: stride equal to the kernel, no padding. */
    public AvgPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    public AvgPool2d(int kernel, int stride, int padding) {
        this.geometry = new PoolGeometry(kernel, stride, padding);
    }

    @Override
    public Variable forward(Tape tape, Variable input) {
        Tensor x = input.value();
        int[] d = PoolGeometry.nchw(x, "AvgPool2d");
        int planes = d[0] * d[1];
        int h = d[2];
        int w = d[3];
        int oh = geometry.outputSize(h, "AvgPool2d");
        int ow = geometry.outputSize(w, "AvgPool2d");
        int k = geometry.kernel();
        float[] xs = x.float32Data();
        float[] y = new float[planes * oh * ow];
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * h * w;
            for (int i = 0; i < oh; i++) {
                int r0 = Math.max(0, geometry.windowStart(i));
                int r1 = Math.min(h, geometry.windowStart(i) + k);
                for (int j = 0; j < ow; j++) {
                    int c0 = Math.max(0, geometry.windowStart(j));
                    int c1 = Math.min(w, geometry.windowStart(j) + k);
                    float sum = 0f;
                    for (int r = r0; r < r1; r++) {
                        for (int c = c0; c < c1; c++) {
                            sum += xs[base + r * w + c];
                        }
                    }
                    y[out++] = sum / ((r1 - r0) * (c1 - c0));
                }
            }
        }
        Shape inputShape = x.shape();
        return tape.custom(Tensor.wrapFloat32(Shape.of(d[0], d[1], oh, ow), y), dy -> {
            float[] g = LayerInputs.gradient(dy);
            float[] dx = new float[inputShape.size()];
            int o = 0;
            for (int plane = 0; plane < planes; plane++) {
                int base = plane * h * w;
                for (int i = 0; i < oh; i++) {
                    int r0 = Math.max(0, geometry.windowStart(i));
                    int r1 = Math.min(h, geometry.windowStart(i) + k);
                    for (int j = 0; j < ow; j++) {
                        int c0 = Math.max(0, geometry.windowStart(j));
                        int c1 = Math.min(w, geometry.windowStart(j) + k);
                        float share = g[o++] / ((r1 - r0) * (c1 - c0));
                        for (int r = r0; r < r1; r++) {
                            for (int c = c0; c < c1; c++) {
                                dx[base + r * w + c] += share;
                            }
                        }
                    }
                }
            }
            return new Tensor[] {Tensor.wrapFloat32(inputShape, dx)};
        }, input);
    }

    @Override
    public String toString() {
        return "AvgPool2d(kernel=" + geometry.kernel() + ", stride=" + geometry.stride() + ", padding="
                + geometry.padding() + ")";
    }
}
