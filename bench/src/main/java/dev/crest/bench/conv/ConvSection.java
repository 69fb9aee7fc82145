package dev.crest.bench.conv;

import dev.crest.bench.SuiteOptions;
import dev.crest.bench.jmh.JmhRunner;
import dev.crest.bench.jmh.JmhScore;
import dev.crest.bench.jmh.JmhSettings;
import dev.crest.bench.report.Comparison;
import dev.crest.bench.report.ComparisonTable;
import dev.crest.bench.torch.TorchRuntime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Conv2d forward+backward comparison: both sides of {@link Conv2dBenchmark} in one JMH run, reported in
 * milliseconds per step with the ratio {@code torch time / crest time}.
 */
public final class ConvSection {
    private ConvSection() {
    }

    /** Runs both sides and adds one comparison to {@code table}. */
    public static void run(SuiteOptions options, ComparisonTable table) {
        JmhSettings settings = options.quick() ? new JmhSettings(1, 2, 3, 500) : new JmhSettings(2, 5, 5, 1000);
        Map<String, Double> millis = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (JmhScore score : JmhRunner.run(Conv2dBenchmark.class, "(crest|torch)", settings,
                Map.of("threads", new String[] {Integer.toString(options.threads())}))) {
            millis.put(score.method(), score.millisPerCall());
            errors.put(score.method(), score.errorMillis());
        }
        ConvCase conv = ConvCase.cifarLike();
        String caseName = conv.batch() + "x" + conv.channels() + "x" + conv.height() + "x" + conv.width() + " -> "
                + conv.outChannels() + "ch " + conv.kernel() + "x" + conv.kernel() + " pad " + conv.padding();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("crest_ms_error_99_9", errors.get("crest"));
        details.put("torch_ms_error_99_9", errors.get("torch"));
        String baseline = "PyTorch " + torchVersion() + " via DJL (autograd), " + options.threads() + " threads";
        table.add(new Comparison("conv2d fwd+bwd float32", caseName, "ms/step", millis.get("crest"), baseline,
                millis.get("torch"), millis.get("torch") / millis.get("crest"), details));
        table.record("conv_jmh", settings);
    }

    private static String torchVersion() {
        // The suite JVM loads PyTorch only to name its version; the timed runs are in JMH's forks.
        return TorchRuntime.load(1).version();
    }
}
