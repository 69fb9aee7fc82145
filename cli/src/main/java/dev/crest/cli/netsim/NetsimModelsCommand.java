package dev.crest.cli.netsim;

import dev.crest.cli.JsonOutput;
import dev.crest.cli.VersionProvider;
import dev.crest.netsim.workload.Architecture;
import dev.crest.netsim.workload.Workload;
import dev.crest.netsim.workload.WorkloadSettings;
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

/** {@code crest netsim models}: the built-in models with their parameter size and compute times. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"List the built-in models with their parameter size and compute times.",
            "For each built-in model: parameters, size, tensors, and forward and backprop time per "
                + "iteration at the default batch size and calibrated device throughput.",
            "Any .onnx model file or .csv trace can be given to --model as well."})
public final class NetsimModelsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "print one JSON document instead of a table")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        WorkloadSettings settings = WorkloadSettings.defaults();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : Workloads.zooNames()) {
            Architecture a = Workloads.architecture(name);
            Workload w = a.workload(settings);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("input", a.input());
            m.put("parameters", a.parameterCount());
            m.put("bits", w.totalBits());
            m.put("tensors", w.tensors().size());
            m.put("forwardSeconds", w.forwardSeconds());
            m.put("backpropSeconds", w.backpropSeconds());
            rows.add(m);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("batchSize", settings.batchSize());
            doc.put("deviceFlopsPerSecond", settings.deviceFlopsPerSecond());
            doc.put("models", rows);
            JsonOutput.print(out, doc);
            return 0;
        }
        out.printf(Locale.ROOT, "batch %d per worker, device %.3g FLOP/s (calibrated)%n", settings.batchSize(),
                settings.deviceFlopsPerSecond());
        out.printf(Locale.ROOT, "%-14s %14s %10s %8s %12s %12s  %s%n", "model", "parameters", "MB", "tensors", "forward (s)",
                "backprop (s)", "input");
        for (Map<String, Object> m : rows) {
            out.printf(Locale.ROOT, "%-14s %,14d %10.1f %8d %12.4f %12.4f  %s%n", m.get("name"), (Long) m.get("parameters"),
                    (Long) m.get("bits") / 8e6, (Integer) m.get("tensors"), (Double) m.get("forwardSeconds"),
                    (Double) m.get("backpropSeconds"), m.get("input"));
        }
        out.flush();
        return 0;
    }
}
