package dev.crest.cli.netsim;

import dev.crest.cli.JsonOutput;
import dev.crest.cli.VersionProvider;
import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.sweep.NetsimSetting;
import dev.crest.netsim.sweep.RateFormat;
import dev.crest.netsim.sweep.RunSpec;
import dev.crest.netsim.sweep.StrategyComparison;
import dev.crest.netsim.workload.Workload;
import dev.crest.netsim.workload.Workloads;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crest netsim compare}: one configuration under every strategy, with speed-up over {@code ps}. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        modelTransformer = SettingOptions.class,
        sortOptions = false,
        description = {"Compare every strategy on one configuration, with the speed-up over ps.",
            "Simulate one configuration under every strategy (or those given with --strategies) and "
                + "print iteration times with the speed-up over ps. Strategies that cannot run the configuration "
                + "are listed as skipped with the reason.",
            "Example: crest netsim compare --model resnet101 --workers 32 --bandwidth 25G"})
public final class NetsimCompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N",
            description = "strategies simulated at once; default: the number of cores")
    private Integer threads;

    @Option(names = "--json", description = "print one JSON document instead of a table")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Map<NetsimSetting, String> given = SettingOptions.single(spec, NetsimSetting.STRATEGY);
        List<String> strategies = given.containsKey(NetsimSetting.STRATEGY)
                ? NetsimSetting.STRATEGY.axis(List.of(given.remove(NetsimSetting.STRATEGY)))
                : Strategies.names();
        RunSpec run = RunSpec.of(given);
        Workload workload = Workloads.resolve(run.model(), run.workloadSettings());
        List<StrategyComparison.Entry> entries = StrategyComparison.run(run, workload, strategies,
                ThreadCount.resolve(threads));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, toJson(run, workload, entries));
        } else {
            printTable(out, run, workload, entries);
        }
        return 0;
    }

    private static Map<String, Object> toJson(RunSpec run, Workload workload, List<StrategyComparison.Entry> entries) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", workload.name());
        doc.put("modelBits", workload.totalBits());
        doc.put("workers", run.settings().workers());
        doc.put("bandwidth", RateFormat.format(run.settings().workerBitsPerSecond()));
        doc.put("topology", run.topology().name());
        doc.put("baseline", StrategyComparison.BASELINE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StrategyComparison.Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("strategy", e.strategy());
            m.put("skipped", e.isSkipped());
            if (e.isSkipped()) {
                m.put("reason", e.skipReason());
            } else {
                m.put("iterationSeconds", e.result().iterationSeconds());
                m.put("speedUpOverPs", Double.isNaN(e.speedUpOverBaseline()) ? null : e.speedUpOverBaseline());
                m.put("gradientExchangeSeconds", e.result().breakdown().gradientExchangeSeconds());
            }
            rows.add(m);
        }
        doc.put("strategies", rows);
        return doc;
    }

    private static void printTable(PrintWriter out, RunSpec run, Workload workload,
            List<StrategyComparison.Entry> entries) {
        out.printf(Locale.ROOT, "%s, %d workers, %sbit/s, %s%n", workload.name(), run.settings().workers(),
                RateFormat.format(run.settings().workerBitsPerSecond()), run.topology().name());
        int width = Math.max("strategy".length(), entries.stream().mapToInt(e -> e.strategy().length()).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s  %16s  %16s%n", "strategy", "iteration (s)", "speed-up over ps");
        for (StrategyComparison.Entry e : entries) {
            if (e.isSkipped()) {
                out.printf(Locale.ROOT, "%-" + width + "s  skipped: %s%n", e.strategy(), e.skipReason());
            } else {
                out.printf(Locale.ROOT, "%-" + width + "s  %16.6f  %16s%n", e.strategy(), e.result().iterationSeconds(),
                        Double.isNaN(e.speedUpOverBaseline()) ? "- (ps skipped)"
                                : String.format(Locale.ROOT, "%.2fx", e.speedUpOverBaseline()));
            }
        }
        out.flush();
    }
}
