package dev.crest.tensor.linalg;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Row-major matrix multiplication, {@code C = alpha·op(A)·op(B) + beta·C}, on top of netlib's BLAS: a native
 * system BLAS through JNI when one is installed ({@code libblas.so.3}, e.g. Debian's
 * {@code libopenblas0-pthread}), else netlib's pure-Java implementation.
 *
 * <p>Matrices are row-major slices of flat arrays: element {@code (i, j)} of a matrix stored at {@code offset}
 * with leading dimension {@code ld} is {@code array[offset + i*ld + j]}. {@code op(X)} is {@code X} or its
 * transpose. Since BLAS is column-major, the row-major product is computed as the column-major product
 * {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}, which reinterprets the same storage and copies nothing.
 *
 * <p>As in BLAS, {@code beta = 0} means {@code C} is not read (NaNs in it do not propagate), and {@code k = 0}
 * scales {@code C} by {@code beta}.
 */
public final class Blas {
    private static final BLAS INSTANCE = BLAS.getInstance();

    private Blas() {
    }

    /**
     * The simple class name of the netlib implementation in use: {@code JNIBLAS} for a native system BLAS,
     * {@code VectorBLAS} for the Java Vector API one (needs {@code --add-modules jdk.incubator.vector}),
     * otherwise {@code Java11BLAS}/{@code Java8BLAS}/{@code F2jBLAS} (plain Java).
     */
    public static String implementationName() {
        return INSTANCE.getClass().getSimpleName();
    }

    /** True when a native BLAS library is in use. */
    public static boolean isNative() {
        return implementationName().equals("JNIBLAS");
    }

    /**
     * Single-precision row-major GEMM: {@code C[m×n] = alpha·op(A)[m×k]·op(B)[k×n] + beta·C}.
     *
     * @param transA when true {@code A} is stored as {@code k×m} and transposed
     * @param transB when true {@code B} is stored as {@code n×k} and transposed
     * @param lda leading dimension (row length in storage) of {@code A}: at least {@code transA ? m : k}
     * @param ldb leading dimension of {@code B}: at least {@code transB ? k : n}
     * @param ldc leading dimension of {@code C}: at least {@code n}
     * @throws IllegalArgumentException when a dimension is negative, a leading dimension too small, or a
     *     matrix does not fit in its array
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
            float alpha, float[] a, int aOffset, int lda,
            float[] b, int bOffset, int ldb,
            float beta, float[] c, int cOffset, int ldc) {
        checkArguments(transA, transB, m, n, k, a.length, aOffset, lda, b.length, bOffset, ldb, c.length, cOffset, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                int row = cOffset + i * ldc;
                for (int j = 0; j < n; j++) {
                    c[row + j] = beta == 0f ? 0f : beta * c[row + j];
                }
            }
            return;
        }
        // Column-major Cᵀ (n×m, ld ldc) = op(B)ᵀ (n×k) · op(A)ᵀ (k×m); row-major B is column-major Bᵀ.
        INSTANCE.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k,
                alpha, b, bOffset, ldb, a, aOffset, lda, beta, c, cOffset, ldc);
    }

    /**
     * Double-precision row-major GEMM: {@code C[m×n] = alpha·op(A)[m×k]·op(B)[k×n] + beta·C}; the arguments are
     * as in {@link #sgemm}.
     */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k,
            double alpha, double[] a, int aOffset, int lda,
            double[] b, int bOffset, int ldb,
            double beta, double[] c, int cOffset, int ldc) {
        checkArguments(transA, transB, m, n, k, a.length, aOffset, lda, b.length, bOffset, ldb, c.length, cOffset, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                int row = cOffset + i * ldc;
                for (int j = 0; j < n; j++) {
                    c[row + j] = beta == 0 ? 0 : beta * c[row + j];
                }
            }
            return;
        }
        INSTANCE.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k,
                alpha, b, bOffset, ldb, a, aOffset, lda, beta, c, cOffset, ldc);
    }

    private static void checkArguments(boolean transA, boolean transB, int m, int n, int k,
            int aLength, int aOffset, int lda, int bLength, int bOffset, int ldb,
            int cLength, int cOffset, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative gemm dimension: m=" + m + " n=" + n + " k=" + k);
        }
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        checkMatrix("A", aRows, aCols, aLength, aOffset, lda);
        checkMatrix("B", bRows, bCols, bLength, bOffset, ldb);
        checkMatrix("C", m, n, cLength, cOffset, ldc);
    }

    private static void checkMatrix(String name, int rows, int cols, int length, int offset, int ld) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("leading dimension of " + name + " is " + ld + ", needs at least "
                    + Math.max(1, cols));
        }
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset + " for " + name);
        }
        if (rows > 0 && cols > 0 && (long) offset + (long) (rows - 1) * ld + cols > length) {
            throw new IllegalArgumentException(name + " (" + rows + "x" + cols + ", ld " + ld + ", offset " + offset
                    + ") does not fit in an array of length " + length);
        }
    }
}
