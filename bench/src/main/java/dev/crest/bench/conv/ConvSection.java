package dev.crest.bench.conv;

import dev.crest.bench.SuiteOptions;
import dev.crest.bench.jmh.JmhRunner;
import dev.crest.bench.jmh.JmhScore;
import dev.crest.bench.jmh.JmhSettings;
import dev.crest.bench.report.Comparison;
import dev.crest.bench.report.ComparisonTable;
import dev.crest.bench.report.Median;
import dev.crest.bench.torch.TorchRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Conv2d forward+backward comparison: both sides of {@link Conv2dBenchmark} in one JMH run, repeated in
 * rounds (one fork per side each) so a burst of other work on the machine hits both sides alike; each side's
 * figure is the median over rounds in milliseconds per step, and the ratio is {@code torch time / crest time}.
 */
public final class ConvSection {
    private ConvSection() {
    }

    /** Runs both sides and adds one comparison to {@code table}. */
    public static void run(SuiteOptions options, ComparisonTable table) {
        int rounds = options.quick() ? 1 : 3;
        JmhSettings settings = options.quick() ? new JmhSettings(1, 2, 3, 500) : new JmhSettings(1, 4, 4, 1000);
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        millis.put("crest", new ArrayList<>());
        millis.put("torch", new ArrayList<>());
        for (int round = 0; round < rounds; round++) {
            System.err.println("# Conv2d round " + (round + 1) + " of " + rounds);
            for (JmhScore score : JmhRunner.run(Conv2dBenchmark.class, "(crest|torch)", settings,
                    Map.of("threads", new String[] {Integer.toString(options.threads())}))) {
                millis.get(score.method()).add(score.millisPerCall());
            }
        }
        ConvCase conv = ConvCase.cifarLike();
        String caseName = conv.batch() + "x" + conv.channels() + "x" + conv.height() + "x" + conv.width() + " -> "
                + conv.outChannels() + "ch " + conv.kernel() + "x" + conv.kernel() + " pad " + conv.padding();
        double crest = Median.of(millis.get("crest"));
        double torch = Median.of(millis.get("torch"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("crest_ms_per_round", millis.get("crest"));
        details.put("torch_ms_per_round", millis.get("torch"));
        String baseline = "PyTorch " + torchVersion() + " via DJL (autograd), " + options.threads() + " threads";
        table.add(new Comparison("conv2d fwd+bwd float32", caseName, "ms/step", crest, baseline, torch,
                torch / crest, details));
        table.record("conv_rounds", rounds);
        table.record("conv_jmh_per_round", settings);
    }

    private static String torchVersion() {
        // The suite JVM loads PyTorch only to name its version; the timed runs are in JMH's forks.
        return TorchRuntime.load(1).version();
    }
}
