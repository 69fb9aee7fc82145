package dev.crest.bench.gemm;

import dev.crest.tensor.linalg.Blas;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Square float32 row-major GEMM, {@code C = A·B}, through Crest's {@link Blas#sgemm}; its baseline is NumPy's
 * matmul timed by {@code bench/scripts/numpy_gemm.py} on the same sizes and thread count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SgemmBenchmark {
    @Param({"256", "512", "1024"})
    public int n;

    private float[] a;
    private float[] b;
    private float[] c;

    /** Fills A and B with seeded standard-normal values. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(n);
        a = gaussian(random, n * n);
        b = gaussian(random, n * n);
        c = new float[n * n];
    }

    private static float[] gaussian(SplittableRandom random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
            values[i] = (float) (Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                    * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return values;
    }

    /** Crest: one {@code n×n×n} sgemm into a preallocated C. */
    @Benchmark
    public float[] crest() {
        Blas.sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
        return c;
    }

    /** Floating-point operations of one call, {@code 2·n³}. */
    public static double flops(int n) {
        return 2.0 * n * n * (double) n;
    }
}
