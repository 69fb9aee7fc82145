package dev.crest.bench.gemm;

import dev.crest.bench.SuiteOptions;
import dev.crest.bench.jmh.JmhRunner;
import dev.crest.bench.jmh.JmhScore;
import dev.crest.bench.jmh.JmhSettings;
import dev.crest.bench.report.Comparison;
import dev.crest.bench.report.ComparisonTable;
import dev.crest.tensor.linalg.Blas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The float32 GEMM comparison: Crest's {@link SgemmBenchmark} under JMH, then NumPy's matmul on the same sizes
 * and thread count, reported in GFLOP/s with the ratio {@code crest / numpy}.
 */
public final class GemmSection {
    private static final int[] SIZES = {256, 512, 1024};

    private GemmSection() {
    }

    /** Runs both sides and adds one comparison per size to {@code table}. */
    public static void run(SuiteOptions options, ComparisonTable table) {
        JmhSettings settings = options.quick() ? new JmhSettings(1, 2, 3, 500) : new JmhSettings(3, 4, 6, 1000);
        Map<String, String[]> params = Map.of("n", java.util.Arrays.stream(SIZES).mapToObj(Integer::toString)
                .toArray(String[]::new));
        List<JmhScore> crest = JmhRunner.run(SgemmBenchmark.class, "crest", settings, params);

        NumpyGemmBaseline numpy = new NumpyGemmBaseline(options.python(), options.numpyScript());
        NumpyGemmBaseline.Result baseline = options.quick()
                ? numpy.run(SIZES, options.threads(), 3, 0.5, 0.5)
                : numpy.run(SIZES, options.threads(), 6, 1.0, 2.0);

        String baselineName = "NumPy " + baseline.numpyVersion() + " matmul, " + baseline.blasSummary();
        for (JmhScore score : crest) {
            int n = Integer.parseInt(score.params().get("n"));
            double crestGflops = SgemmBenchmark.flops(n) / (score.millisPerCall() * 1e-3) / 1e9;
            Double numpyGflops = baseline.gflopsBySize().get(n);
            if (numpyGflops == null) {
                throw new IllegalStateException("the NumPy script did not time n=" + n);
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("crest_ms_per_call", score.millisPerCall());
            details.put("crest_ms_error_99_9", score.errorMillis());
            details.put("numpy_ms_per_call", SgemmBenchmark.flops(n) / numpyGflops / 1e6);
            table.add(new Comparison("sgemm float32", n + "x" + n + "x" + n, "GFLOP/s", crestGflops, baselineName,
                    numpyGflops, crestGflops / numpyGflops, details));
        }
        table.record("gemm_crest_blas", Blas.implementationName());
        table.record("gemm_jmh", settings);
        table.record("gemm_numpy", baseline.raw());
    }
}
