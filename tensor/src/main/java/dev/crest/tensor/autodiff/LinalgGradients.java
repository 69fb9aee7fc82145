package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.KernelCalls.matmul;
import static dev.crest.tensor.autodiff.KernelCalls.mulScalar;
import static dev.crest.tensor.autodiff.KernelCalls.reduceToShape;
import static dev.crest.tensor.autodiff.KernelCalls.transposeLastTwo;

import dev.crest.tensor.Broadcast;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * Gradient rules of MatMul (NumPy semantics: 1-D operands, broadcast batch axes) and Gemm, as MatMul kernels on
 * transposed operands.
 */
final class LinalgGradients {
    private LinalgGradients() {
    }

    static void registerAll(Map<String, GradientRule> rules) {
        rules.put("MatMul", LinalgGradients::matMul);
        rules.put("Gemm", LinalgGradients::gemm);
    }

    /**
     * A 1-D left operand is a row [1, k] and a 1-D right operand a column [k, 1]; with those promotions
     * dA = g·Bᵀ and dB = Aᵀ·g, summed over batch axes that were broadcast.
     */
    private static Tensor[] matMul(GradientContext c) {
        Tensor a = c.input(0);
        Tensor b = c.input(1);
        Tensor a2 = a.rank() == 1 ? a.reshape(Shape.of(1, a.shape().dim(0))) : a;
        Tensor b2 = b.rank() == 1 ? b.reshape(Shape.of(b.shape().dim(0), 1)) : b;
        int[] batchA = Arrays.copyOf(a2.shape().dims(), a2.rank() - 2);
        int[] batchB = Arrays.copyOf(b2.shape().dims(), b2.rank() - 2);
        int[] batch = Broadcast.shape(Shape.of(batchA), Shape.of(batchB)).dims();
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = a2.shape().dim(-2);
        out[batch.length + 1] = b2.shape().dim(-1);
        Tensor g = c.gradient().reshape(Shape.of(out));
        Tensor da = c.needs(0) ? reduceToShape(matmul(g, transposeLastTwo(b2)), a2.shape()).reshape(a.shape()) : null;
        Tensor db = c.needs(1) ? reduceToShape(matmul(transposeLastTwo(a2), g), b2.shape()).reshape(b.shape()) : null;
        return new Tensor[] {da, db};
    }

    /**
     * Y = α·A'·B' + β·C with A' = transA ? Aᵀ : A and B' likewise: dA' = α·g·B'ᵀ, dB' = α·A'ᵀ·g, and dC is β·g
     * summed to C's shape.
     */
    private static Tensor[] gemm(GradientContext c) {
        Tensor g = c.gradient();
        double alpha = c.attributes().getDouble("alpha", 1.0);
        double beta = c.attributes().getDouble("beta", 1.0);
        boolean transA = c.attributes().getLong("transA", 0) != 0;
        boolean transB = c.attributes().getLong("transB", 0) != 0;
        Tensor a = transA ? transposeLastTwo(c.input(0)) : c.input(0);
        Tensor b = transB ? transposeLastTwo(c.input(1)) : c.input(1);
        Tensor da = null;
        if (c.needs(0)) {
            Tensor d = mulScalar(matmul(g, transposeLastTwo(b)), alpha);
            da = transA ? transposeLastTwo(d) : d;
        }
        Tensor db = null;
        if (c.needs(1)) {
            Tensor d = mulScalar(matmul(transposeLastTwo(a), g), alpha);
            db = transB ? transposeLastTwo(d) : d;
        }
        Tensor dc = c.needs(2) ? reduceToShape(mulScalar(g, beta), c.input(2).shape()) : null;
        return new Tensor[] {da, db, dc};
    }
}
