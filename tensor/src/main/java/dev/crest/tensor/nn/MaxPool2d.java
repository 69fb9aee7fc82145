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
        PoolGeometry.Windows win = geometry.windows(x, "MaxPool2d");
        int planeSize = win.height * win.width;
        int w = win.width;
        float[] xs = x.float32Data();
        float[] y = new float[win.planes() * win.outHeight() * win.outWidth()];
        int[] argmax = new int[y.length];
        int out = 0;
        for (int plane = 0; plane < win.planes(); plane++) {
            int base = plane * planeSize;
            for (int i = 0; i < win.outHeight(); i++) {
                int r0 = win.rowFrom[i];
                int r1 = win.rowTo[i];
                for (int j = 0; j < win.outWidth(); j++) {
                    int c0 = win.colFrom[j];
                    int c1 = win.colTo[j];
                    float best = Float.NEGATIVE_INFINITY;
                    int bestIndex = base + r0 * w + c0;
                    for (int r = r0; r < r1; r++) {
                        int rowBase = base + r * w;
                        for (int c = c0; c < c1; c++) {
                            float v = xs[rowBase + c];
                            if (v > best || v != v) { // v != v: a NaN wins and stays, as in ONNX and PyTorch
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
        return tape.custom(Tensor.wrapFloat32(win.outputShape(), y), dy -> {
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
        return geometry.describe("MaxPool2d");
    }
}
