package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Broadcast;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import dev.crest.tensor.linalg.Blas;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Matrix products: {@code MatMul} (opset 13: numpy matmul with 1-D promotion and batch broadcasting) and
 * {@code Gemm} (opset 13: {@code alpha·op(A)·op(B) + beta·C} with {@code C} optional and unidirectionally
 * broadcast). Float inputs are multiplied in float64 with {@link Blas#dgemm} and rounded once to the input
 * dtype; int32/int64 inputs use exact int64 arithmetic that wraps to the dtype's width.
 */
final class LinalgKernels {
    private static final Set<DType> TYPES = EnumSet.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64, DType.INT32,
            DType.INT64);

    private LinalgKernels() {
    }

    static void registerAll(KernelRegistry.Builder builder) {
        builder.register("MatMul", 13, LinalgKernels::matMul);
        builder.register("Gemm", 13, LinalgKernels::gemm);
    }

    // ---------------------------------------------------------------- MatMul

    private static List<Tensor> matMul(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 2, 2);
        Tensor a = KernelArgs.required(inputs, 0, "A");
        Tensor b = KernelArgs.required(inputs, 1, "B");
        KernelArgs.requireDType(a, "A", TYPES);
        KernelArgs.requireSameDType(a, "A", b, "B");
        return List.of(matMul(a, b));
    }

    static Tensor matMul(Tensor a, Tensor b) {
        if (a.rank() == 0 || b.rank() == 0) {
            throw new TensorException("inputs must be at least 1-D, got shapes " + a.shape() + " and " + b.shape());
        }
        int[] aDims = a.rank() == 1 ? new int[] {1, a.shape().dim(0)} : a.shape().dims();
        int[] bDims = b.rank() == 1 ? new int[] {b.shape().dim(0), 1} : b.shape().dims();
        int m = aDims[aDims.length - 2];
        int k = aDims[aDims.length - 1];
        int n = bDims[bDims.length - 1];
        if (bDims[bDims.length - 2] != k) {
            throw new TensorException("inner dimensions differ: A " + a.shape() + " has " + k + " columns but B "
                    + b.shape() + " has " + bDims[bDims.length - 2] + " rows");
        }
        Shape aBatch = Shape.of(Arrays.copyOf(aDims, aDims.length - 2));
        Shape bBatch = Shape.of(Arrays.copyOf(bDims, bDims.length - 2));
        Shape batch = Broadcast.shape(aBatch, bBatch);
        int[] outDims = batch.dims();
        if (a.rank() > 1) {
            outDims = append(outDims, m);
        }
        if (b.rank() > 1) {
            outDims = append(outDims, n);
        }
        Shape outShape = Shape.of(outDims);
        int batchCount = batch.size();
        int[] aMap = Broadcast.indexMap(aBatch, batch);
        int[] bMap = Broadcast.indexMap(bBatch, batch);
        int aStride = m * k;
        int bStride = k * n;
        int cStride = m * n;

        if (a.dtype().isFloat()) {
            double[] ad = a.toDoubleArray();
            double[] bd = b.toDoubleArray();
            double[] out = new double[outShape.size()];
            if (bBatch.size() == 1 && aBatch.size() == batchCount) {
                // One product for the whole batch: stacked A rows times the shared B.
                Blas.dgemm(false, false, batchCount * m, n, k, 1, ad, 0, Math.max(1, k), bd, 0, Math.max(1, n),
                        0, out, 0, Math.max(1, n));
            } else {
                for (int i = 0; i < batchCount; i++) {
                    Blas.dgemm(false, false, m, n, k, 1, ad, aMap[i] * aStride, Math.max(1, k), bd,
                            bMap[i] * bStride, Math.max(1, n), 0, out, i * cStride, Math.max(1, n));
                }
            }
            return Tensor.fromDoubles(a.dtype(), outShape, out);
        }
        long[] al = a.toLongArray();
        long[] bl = b.toLongArray();
        long[] out = new long[outShape.size()];
        for (int i = 0; i < batchCount; i++) {
            multiplyLongs(false, false, m, n, k, al, aMap[i] * aStride, bl, bMap[i] * bStride, out, i * cStride);
        }
        return Tensor.fromLongs(a.dtype(), outShape, out);
    }

    private static int[] append(int[] dims, int last) {
        int[] out = Arrays.copyOf(dims, dims.length + 1);
        out[dims.length] = last;
        return out;
    }

    /**
     * {@code C[m×n] += op(A)·op(B)} in wrapping int64 arithmetic, row-major with tight leading dimensions; the
     * i-p-j order streams rows of B and C.
     */
    private static void multiplyLongs(boolean transA, boolean transB, int m, int n, int k, long[] a, int aOffset,
            long[] b, int bOffset, long[] c, int cOffset) {
        long[] bRows = b;
        int bBase = bOffset;
        if (transB) {
            // Materialize Bᵀ once so the inner loop runs along contiguous memory.
            bRows = new long[k * n];
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    bRows[p * n + j] = b[bOffset + j * k + p];
                }
            }
            bBase = 0;
        }
        for (int i = 0; i < m; i++) {
            int cRow = cOffset + i * n;
            for (int p = 0; p < k; p++) {
                long av = transA ? a[aOffset + p * m + i] : a[aOffset + i * k + p];
                if (av == 0) {
                    continue;
                }
                int bRow = bBase + p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += av * bRows[bRow + j];
                }
            }
        }
    }

    // ---------------------------------------------------------------- Gemm

    private static List<Tensor> gemm(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 2, 3);
        Tensor a = KernelArgs.required(inputs, 0, "A");
        Tensor b = KernelArgs.required(inputs, 1, "B");
        Tensor c = KernelArgs.optional(inputs, 2);
        KernelArgs.requireDType(a, "A", TYPES);
        KernelArgs.requireSameDType(a, "A", b, "B");
        if (c != null) {
            KernelArgs.requireSameDType(a, "A", c, "C");
        }
        double alpha = attributes.getDouble("alpha", 1.0);
        double beta = attributes.getDouble("beta", 1.0);
        boolean transA = flag(attributes, "transA");
        boolean transB = flag(attributes, "transB");
        if (a.rank() != 2 || b.rank() != 2) {
            throw new TensorException("A and B must be 2-D, got shapes " + a.shape() + " and " + b.shape());
        }
        int m = transA ? a.shape().dim(1) : a.shape().dim(0);
        int k = transA ? a.shape().dim(0) : a.shape().dim(1);
        int kb = transB ? b.shape().dim(1) : b.shape().dim(0);
        int n = transB ? b.shape().dim(0) : b.shape().dim(1);
        if (k != kb) {
            throw new TensorException("inner dimensions differ: op(A) is " + m + "x" + k + " (A " + a.shape()
                    + ", transA=" + (transA ? 1 : 0) + ") but op(B) is " + kb + "x" + n + " (B " + b.shape()
                    + ", transB=" + (transB ? 1 : 0) + ")");
        }
        Shape outShape = Shape.of(m, n);
        int[] cMap = null;
        if (c != null) {
            if (c.rank() > 2) {
                throw new TensorException("C must have rank at most 2, got shape " + c.shape());
            }
            try {
                cMap = Broadcast.indexMap(c.shape(), outShape);
            } catch (TensorException e) {
                throw new TensorException("C of shape " + c.shape() + " cannot be broadcast to the output shape "
                        + outShape, e);
            }
        }
        int lda = Math.max(1, a.shape().dim(1));
        int ldb = Math.max(1, b.shape().dim(1));
        int size = outShape.size();

        if (a.dtype().isFloat()) {
            double[] out = new double[size];
            if (cMap != null) {
                // beta·C is formed explicitly (not by BLAS) so that beta = 0 still propagates NaN/Inf as numpy does.
                double[] cd = c.toDoubleArray();
                for (int i = 0; i < size; i++) {
                    out[i] = beta * cd[cMap[i]];
                }
            }
            Blas.dgemm(transA, transB, m, n, k, alpha, a.toDoubleArray(), 0, lda, b.toDoubleArray(), 0, ldb, 1.0,
                    out, 0, Math.max(1, n));
            return List.of(Tensor.fromDoubles(a.dtype(), outShape, out));
        }

        long[] product = new long[size];
        multiplyLongs(transA, transB, m, n, k, a.toLongArray(), 0, b.toLongArray(), 0, product, 0);
        long[] cl = c == null ? null : c.toLongArray();
        if (isExactInteger(alpha) && isExactInteger(beta)) {
            long alphaL = (long) alpha;
            long betaL = (long) beta;
            long[] out = new long[size];
            for (int i = 0; i < size; i++) {
                out[i] = alphaL * product[i] + (cl == null ? 0 : betaL * cl[cMap[i]]);
            }
            return List.of(Tensor.fromLongs(a.dtype(), outShape, out));
        }
        // Fractional alpha/beta on integers: compute in float64, then cast back (truncation), as numpy would.
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = alpha * product[i] + (cl == null ? 0 : beta * cl[cMap[i]]);
        }
        return List.of(Tensor.fromDoubles(a.dtype(), outShape, out));
    }

    private static boolean flag(Attributes attributes, String name) {
        long value = attributes.getLong(name, 0);
        if (value != 0 && value != 1) {
            throw new TensorException("attribute '" + name + "' must be 0 or 1, got " + value);
        }
        return value == 1;
    }

    private static boolean isExactInteger(double value) {
        return value == Math.rint(value) && Math.abs(value) < 0x1p62;
    }
}
