package dev.crest.bench;

import dev.crest.bench.conv.ConvSection;
import dev.crest.bench.gemm.GemmSection;
import dev.crest.bench.mlp.MlpSection;
import dev.crest.bench.report.ComparisonTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs every benchmark with its baseline in one invocation and prints the comparison table, then writes it as
 * JSON, CSV and Markdown (see {@code bench/README.md}). Start it through {@code bench/run.sh}, which builds the
 * module and sets the environment both sides need.
 */
public final class BenchSuite {
    private BenchSuite() {
    }

    /** Entry point; exits with 2 on a {@link BenchException}. */
    public static void main(String[] args) {
        try {
            run(SuiteOptions.parse(args));
        } catch (BenchException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(SuiteOptions options) {
        checkBlasThreads(options.threads());
        ComparisonTable table = new ComparisonTable();
        table.record("date", Instant.now().toString());
        table.record("mode", options.quick() ? "quick" : "full");
        table.record("machine", machine());
        table.record("threads", options.threads());
        table.record("load_average_at_start", loadAverage());
        if (options.runs("gemm")) {
            GemmSection.run(options, table);
        }
        if (options.runs("conv")) {
            ConvSection.run(options, table);
        }
        if (options.runs("mlp")) {
            MlpSection.run(options, table);
        }
        table.record("load_average_at_end", loadAverage());
        System.out.println();
        System.out.print(table.toMarkdown());
        try {
            table.writeTo(options.outputDirectory());
        } catch (IOException e) {
            throw new BenchException("could not write results to " + options.outputDirectory() + ": "
                    + e.getMessage(), e);
        }
        System.out.println("\nResults written to " + options.outputDirectory().resolve("results.{json,csv,md}"));
    }

    /** Crest's native BLAS reads its thread count from the environment, which a JVM cannot change for itself. */
    private static void checkBlasThreads(int threads) {
        String value = System.getenv("OPENBLAS_NUM_THREADS");
        if (!Integer.toString(threads).equals(value)) {
            throw new BenchException("OPENBLAS_NUM_THREADS is " + value + " but --threads is " + threads
                    + "; start the suite through bench/run.sh, which sets it");
        }
    }

    /** Other work on the machine skews multi-threaded timings, so the results say how busy it was. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("jvm_flags", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return machine;
    }
}
