package dev.crest.tensor.nn;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.autodiff.BackwardFunction;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import dev.crest.tensor.linalg.Blas;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fully connected float32 layer, y = x·Wᵀ + b, with W shaped {@code [out, in]} as in ONNX Gemm with
 * {@code transB = 1} (and PyTorch). Forward and backward are single matrix products recorded on the tape as
 * one custom operation; the input gradient is skipped when the input does not need one.
 */
public final class Linear implements Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /** A layer with bias, Kaiming-uniform weights and zero bias, drawn from {@code random}. */
    public Linear(int inFeatures, int outFeatures, SplittableRandom random) {
        this(inFeatures, outFeatures, true, Initializer.kaimingUniform(), random);
    }

    /** A layer with bias, Kaiming-uniform weights and zero bias, drawn from a generator seeded with {@code seed}. */
    public Linear(int inFeatures, int outFeatures, long seed) {
        this(inFeatures, outFeatures, new SplittableRandom(seed));
    }

    /**
     * A layer whose weights come from {@code weightInit}; the bias, when present, starts at zero.
     */
    public Linear(int inFeatures, int outFeatures, boolean withBias, Initializer weightInit, SplittableRandom random) {
        if (inFeatures < 1 || outFeatures < 1) {
            throw new TensorException("Linear needs at least one input and one output feature, got "
                    + inFeatures + " -> " + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = new Parameter("weight",
                weightInit.initialize(Shape.of(outFeatures, inFeatures), inFeatures, outFeatures, random));
        this.bias = withBias ? new Parameter("bias", Tensor.wrapFloat32(Shape.of(outFeatures), new float[outFeatures]))
                : null;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    /** The weight, shaped {@code [out, in]}. */
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
        float[] xs = LayerInputs.float32(x, "Linear");
        LayerInputs.requireRank(x, 2, "Linear", "[batch, features] (use Flatten first)");
        if (x.shape().dim(1) != inFeatures) {
            throw new TensorException("Linear expects " + inFeatures + " input features, got shape " + x.shape());
        }
        int batch = x.shape().dim(0);
        Variable w = weight.on(tape);
        float[] ws = w.value().float32Data();
        float[] y = new float[batch * outFeatures];
        float beta = 0f;
        Variable b = null;
        if (bias != null) {
            b = bias.on(tape);
            float[] bs = b.value().float32Data();
            for (int row = 0; row < batch; row++) {
                System.arraycopy(bs, 0, y, row * outFeatures, outFeatures);
            }
            beta = 1f;
        }
        Blas.sgemm(false, true, batch, outFeatures, inFeatures, 1f, xs, 0, inFeatures, ws, 0, inFeatures,
                beta, y, 0, outFeatures);
        Tensor output = Tensor.wrapFloat32(Shape.of(batch, outFeatures), y);
        boolean inputGrad = input.requiresGrad();
        BackwardFunction backward = dy -> backward(LayerInputs.gradient(dy), xs, ws, batch, inputGrad);
        return b == null ? tape.custom(output, backward, input, w) : tape.custom(output, backward, input, w, b);
    }

    private Tensor[] backward(float[] g, float[] xs, float[] ws, int batch, boolean inputGrad) {
        Tensor dx = null;
        if (inputGrad) {
            float[] dxs = new float[batch * inFeatures];
            // dX[batch, in] = dY[batch, out] · W[out, in]
            Blas.sgemm(false, false, batch, inFeatures, outFeatures, 1f, g, 0, outFeatures, ws, 0,
                    inFeatures, 0f, dxs, 0, inFeatures);
            dx = Tensor.wrapFloat32(Shape.of(batch, inFeatures), dxs);
        }
        float[] dws = new float[outFeatures * inFeatures];
        // dW[out, in] = dY^T[out, batch] · X[batch, in]
        Blas.sgemm(true, false, outFeatures, inFeatures, batch, 1f, g, 0, outFeatures, xs, 0, inFeatures,
                0f, dws, 0, inFeatures);
        Tensor dw = Tensor.wrapFloat32(Shape.of(outFeatures, inFeatures), dws);
        if (bias == null) {
            return new Tensor[] {dx, dw};
        }
        float[] dbs = new float[outFeatures];
        for (int row = 0; row < batch; row++) {
            int offset = row * outFeatures;
            for (int j = 0; j < outFeatures; j++) {
                dbs[j] += g[offset + j];
            }
        }
        return new Tensor[] {dx, dw, Tensor.wrapFloat32(Shape.of(outFeatures), dbs)};
    }

    @Override
    public String toString() {
        return "Linear(" + inFeatures + " -> " + outFeatures + (bias == null ? ", no bias)" : ")");
    }
}
