package dev.crest.bench.gemm;

import dev.crest.bench.SuiteOptions;
import dev.crest.bench.jmh.JmhRunner;
import dev.crest.bench.jmh.JmhScore;
import dev.crest.bench.jmh.JmhSettings;
import dev.crest.bench.report.Comparison;
import dev.crest.bench.report.ComparisonTable;
import dev.crest.bench.report.Median;
import dev.crest.tensor.linalg.Blas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The float32 GEMM comparison: Crest's {@link SgemmBenchmark} under JMH, then NumPy's matmul on the same sizes
 * and thread count, repeated in alternating rounds so a burst of other work on the machine hits both sides
 * alike; each side's figure is the median over rounds, in GFLOP/s, and the ratio is {@code crest / numpy}.
 */
public final class GemmSection {
    private static final int[] SIZES = {256, 512, 1024};

    private GemmSection() {
    }

    /** Runs both sides and adds one comparison per size to {@code table}. */
    public static void run(SuiteOptions options, ComparisonTable table) {
        int rounds = options.quick() ? 1 : 3;
        JmhSettings settings = options.quick() ? new JmhSettings(1, 2, 3, 500) : new JmhSettings(1, 3, 5, 1000);
        Map<String, String[]> params = Map.of("n", Arrays.stream(SIZES).mapToObj(Integer::toString)
                .toArray(String[]::new));
        NumpyGemmBaseline numpy = new NumpyGemmBaseline(options.python(), options.numpyScript());

        Map<Integer, List<Double>> crestGflops = new LinkedHashMap<>();
        Map<Integer, List<Double>> numpyGflops = new LinkedHashMap<>();
        for (int n : SIZES) {
            crestGflops.put(n, new ArrayList<>());
            numpyGflops.put(n, new ArrayList<>());
        }
        NumpyGemmBaseline.Result baseline = null;
        for (int round = 0; round < rounds; round++) {
            System.err.println("# GEMM round " + (round + 1) + " of " + rounds);
            for (JmhScore score : JmhRunner.run(SgemmBenchmark.class, "crest", settings, params)) {
                int n = Integer.parseInt(score.params().get("n"));
                crestGflops.get(n).add(SgemmBenchmark.flops(n) / (score.millisPerCall() * 1e-3) / 1e9);
            }
            baseline = options.quick()
                    ? numpy.run(SIZES, options.threads(), 3, 0.5, 0.5)
                    : numpy.run(SIZES, options.threads(), 5, 1.0, 1.0);
            for (int n : SIZES) {
                Double gflops = baseline.gflopsBySize().get(n);
                if (gflops == null) {
                    throw new IllegalStateException("the NumPy script did not time n=" + n);
                }
                numpyGflops.get(n).add(gflops);
            }
        }

        String baselineName = "NumPy " + baseline.numpyVersion() + " matmul, " + baseline.blasSummary();
        for (int n : SIZES) {
            double crest = Median.of(crestGflops.get(n));
            double reference = Median.of(numpyGflops.get(n));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("crest_gflops_per_round", crestGflops.get(n));
            details.put("numpy_gflops_per_round", numpyGflops.get(n));
            table.add(new Comparison("sgemm float32", n + "x" + n + "x" + n, "GFLOP/s", crest, baselineName,
                    reference, crest / reference, details));
        }
        table.record("gemm_crest_blas", Blas.implementationName());
        table.record("gemm_rounds", rounds);
        table.record("gemm_jmh_per_round", settings);
        table.record("gemm_numpy_last_round", baseline.raw());
    }
}
