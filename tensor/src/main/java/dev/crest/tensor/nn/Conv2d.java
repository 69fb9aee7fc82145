package dev.crest.tensor.nn;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.BackwardFunction;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import dev.crest.tensor.linalg.Blas;
import dev.crest.tensor.linalg.ConvGeometry;
import dev.crest.tensor.linalg.Im2Col;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A 2-D float32 convolution over NCHW input (ONNX Conv with {@code group = 1}, a square kernel and symmetric
 * padding), weight shaped {@code [out, in, k, k]}. Each image is unfolded with {@link Im2Col} so the forward
 * pass is one matrix product per image; the backward pass gives dW = dY·colᵀ, db = Σ dY and
 * dX = col2im(Wᵀ·dY).
 */
public final class Conv2d implements Module {
    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final Parameter weight;
    private final Parameter bias;

    /** Stride 1, no padding, no dilation, with bias; Kaiming-uniform weights and zero bias. */
    public Conv2d(int inChannels, int outChannels, int kernel, SplittableRandom random) {
        this(inChannels, outChannels, kernel, 1, 0, 1, true, Initializer.kaimingUniform(), random);
    }

    /** With bias and no dilation; Kaiming-uniform weights and zero bias. */
    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, SplittableRandom random) {
        this(inChannels, outChannels, kernel, stride, padding, 1, true, Initializer.kaimingUniform(), random);
    }

    /** Fully specified; the bias, when present, starts at zero. */
    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, int dilation,
            boolean withBias, Initializer weightInit, SplittableRandom random) {
        if (inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0 || dilation < 1) {
            throw new TensorException("Conv2d needs channels, kernel, stride and dilation ≥ 1 and padding ≥ 0, got in="
                    + inChannels + " out=" + outChannels + " kernel=" + kernel + " stride=" + stride + " padding="
                    + padding + " dilation=" + dilation);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        int area = kernel * kernel;
        this.weight = new Parameter("weight", weightInit.initialize(Shape.of(outChannels, inChannels, kernel, kernel),
                inChannels * area, outChannels * area, random));
        this.bias = withBias ? new Parameter("bias", Tensor.wrapFloat32(Shape.of(outChannels), new float[outChannels]))
                : null;
    }

    /** The weight, shaped {@code [out, in, k, k]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias, shaped {@code [out]}, or {@code null} for a layer without bias. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public Variable forward(Tape tape, Variable input) {
        Tensor x = input.value();
        float[] xs = LayerInputs.float32(x, "Conv2d");
        LayerInputs.requireRank(x, 4, "Conv2d", "[batch, channels, height, width]");
        int[] d = x.shape().dims();
        if (d[1] != inChannels) {
            throw new TensorException("Conv2d expects " + inChannels + " input channels, got shape " + x.shape());
        }
        int batch = d[0];
        ConvGeometry geometry = ConvGeometry.of(inChannels, new int[] {d[2], d[3]}, new int[] {kernel, kernel},
                new int[] {stride, stride}, new int[] {padding, padding}, new int[] {padding, padding},
                new int[] {dilation, dilation});
        int[] outDims = geometry.outputDims();
        int positions = geometry.outputSpatialSize();
        int rows = geometry.columnRows();
        int columnSize = geometry.columnSize();
        int imageSize = geometry.imageSize();

        Variable w = weight.on(tape);
        float[] ws = w.value().float32Data();
        Variable b = bias == null ? null : bias.on(tape);
        float[] columns = new float[batch * columnSize];
        float[] y = new float[batch * outChannels * positions];
        for (int n = 0; n < batch; n++) {
            Im2Col.im2col(xs, n * imageSize, geometry, columns, n * columnSize);
            int yOffset = n * outChannels * positions;
            float beta = 0f;
            if (b != null) {
                float[] bs = b.value().float32Data();
                for (int o = 0; o < outChannels; o++) {
                    Arrays.fill(y, yOffset + o * positions, yOffset + (o + 1) * positions, bs[o]);
                }
                beta = 1f;
            }
            // Y[out, P] = W[out, C·k·k] · col[C·k·k, P] (+ bias already in Y)
            Blas.sgemm(false, false, outChannels, positions, rows, 1f, ws, 0, rows, columns, n * columnSize,
                    positions, beta, y, yOffset, positions);
        }
        Tensor output = Tensor.wrapFloat32(Shape.of(batch, outChannels, outDims[0], outDims[1]), y);
        boolean inputGrad = input.requiresGrad();
        Shape inputShape = x.shape();
        BackwardFunction backward = dy -> backward(LayerInputs.gradient(dy), columns, ws, geometry, batch,
                inputShape, inputGrad);
        return b == null ? tape.custom(output, backward, input, w) : tape.custom(output, backward, input, w, b);
    }

    private Tensor[] backward(float[] g, float[] columns, float[] ws, ConvGeometry geometry, int batch,
            Shape inputShape, boolean inputGrad) {
        int positions = geometry.outputSpatialSize();
        int rows = geometry.columnRows();
        int columnSize = geometry.columnSize();
        int imageSize = geometry.imageSize();
        float[] dws = new float[outChannels * rows];
        float[] dxs = inputGrad ? new float[inputShape.size()] : null;
        float[] dColumns = inputGrad ? new float[columnSize] : null;
        for (int n = 0; n < batch; n++) {
            int gOffset = n * outChannels * positions;
            // dW[out, C·k·k] += dY[out, P] · col[C·k·k, P]ᵀ
            Blas.sgemm(false, true, outChannels, rows, positions, 1f, g, gOffset, positions, columns,
                    n * columnSize, positions, n == 0 ? 0f : 1f, dws, 0, rows);
            if (inputGrad) {
                // dcol[C·k·k, P] = Wᵀ[C·k·k, out] · dY[out, P], folded back onto the image
                Blas.sgemm(true, false, rows, positions, outChannels, 1f, ws, 0, rows, g, gOffset, positions, 0f,
                        dColumns, 0, positions);
                Im2Col.col2im(dColumns, 0, geometry, dxs, n * imageSize);
            }
        }
        Tensor dx = inputGrad ? Tensor.wrapFloat32(inputShape, dxs) : null;
        Tensor dw = Tensor.wrapFloat32(weight.value().shape(), dws);
        if (bias == null) {
            return new Tensor[] {dx, dw};
        }
        float[] dbs = new float[outChannels];
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < outChannels; o++) {
                int offset = (n * outChannels + o) * positions;
                float sum = 0f;
                for (int p = 0; p < positions; p++) {
                    sum += g[offset + p];
                }
                dbs[o] += sum;
            }
        }
        return new Tensor[] {dx, dw, Tensor.wrapFloat32(Shape.of(outChannels), dbs)};
    }

    @Override
    public String toString() {
        return "Conv2d(" + inChannels + " -> " + outChannels + ", kernel=" + kernel + ", stride=" + stride
                + ", padding=" + padding + ", dilation=" + dilation + (bias == null ? ", no bias)" : ")");
    }
}
