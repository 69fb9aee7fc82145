package dev.crest.cli.netsim;

import dev.crest.cli.CliException;
import dev.crest.cli.JsonOutput;
import dev.crest.cli.VersionProvider;
import dev.crest.netsim.sim.LinkLoad;
import dev.crest.netsim.sim.Result;
import dev.crest.netsim.sim.Simulation;
import dev.crest.netsim.sweep.RateFormat;
import dev.crest.netsim.sweep.RunSpec;
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

/** {@code crest netsim run}: one iteration of one configuration, with its time breakdown and busiest links. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        modelTransformer = SettingOptions.class,
        sortOptions = false,
        description = {"Simulate one training iteration and print its time and breakdown.",
            "Example: crest netsim run --model vgg16 --workers 32 --bandwidth 25G --strategy ps+agg+multicast"})
public final class NetsimRunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--busiest-links", paramLabel = "K", defaultValue = "5",
            description = "how many of the busiest links to list; default: ${DEFAULT-VALUE}")
    private int busiestLinks;

    @Option(names = "--json", description = "print one JSON document instead of text")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (busiestLinks < 0) {
            throw new CliException("--busiest-links must be non-negative, got " + busiestLinks);
        }
        RunSpec run = RunSpec.of(SettingOptions.single(spec));
        Workload workload = Workloads.resolve(run.model(), run.workloadSettings());
        Simulation simulation = Simulation.of(workload, run.topology(), run.newStrategy(),
                run.settings().withBusiestLinks(busiestLinks));
        long start = System.nanoTime();
        Result result = simulation.run();
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, toJson(run, workload, result, wallSeconds));
        } else {
            printText(out, run, workload, result, wallSeconds);
        }
        return 0;
    }

    private static Map<String, Object> toJson(RunSpec run, Workload workload, Result r, double wallSeconds) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        run.values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> settings.put(e.getKey().key(), e.getValue()));
        doc.put("settings", settings);
        doc.put("model", workload.name());
        doc.put("modelBits", workload.totalBits());
        doc.put("tensors", workload.tensors().size());
        doc.put("strategy", r.strategy());
        doc.put("topology", r.topology());
        doc.put("workers", r.workers());
        doc.put("iterationSeconds", r.iterationSeconds());
        Map<String, Object> breakdown = new LinkedHashMap<>();
        breakdown.put("parameterDistributionSeconds", r.breakdown().parameterDistributionSeconds());
        breakdown.put("computeSeconds", r.breakdown().computeSeconds());
        breakdown.put("lastBackpropStartSeconds", r.breakdown().lastBackpropStartSeconds());
        breakdown.put("lastGradientSeconds", r.breakdown().lastGradientSeconds());
        breakdown.put("gradientExchangeSeconds", r.breakdown().gradientExchangeSeconds());
        doc.put("breakdown", breakdown);
        doc.put("workerFinishSeconds", FinishSummary.of(r.workerFinishSeconds()).toJson());
        List<Map<String, Object>> links = new ArrayList<>();
        for (LinkLoad l : r.busiestLinks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", l.from());
            m.put("to", l.to());
            m.put("bits", l.bits());
            m.put("busySeconds", l.busySeconds());
            m.put("utilisation", l.utilisation());
            links.add(m);
        }
        doc.put("busiestLinks", links);
        doc.put("events", r.eventsProcessed());
        doc.put("packetHops", r.packetHops());
        doc.put("messages", r.messages());
        doc.put("wallSeconds", wallSeconds);
        return doc;
    }

    private static void printText(PrintWriter out, RunSpec run, Workload workload, Result r, double wallSeconds) {
        out.printf(Locale.ROOT, "%s (%.1f MB of parameters in %d tensors), %d workers, %sbit/s, %s, %s%n", workload.name(),
                workload.totalBits() / 8e6, workload.tensors().size(), r.workers(),
                RateFormat.format(run.settings().workerBitsPerSecond()), r.strategy(), r.topology());
        out.printf(Locale.ROOT, "iteration time: %.6f s%n", r.iterationSeconds());
        out.println("breakdown (seconds since the iteration began):");
        out.printf(Locale.ROOT, "  %-30s %.6f s%n", "parameter distribution done", r.breakdown().parameterDistributionSeconds());
        out.printf(Locale.ROOT, "  %-30s %.6f s%n", "compute (forward + backprop)", r.breakdown().computeSeconds());
        out.printf(Locale.ROOT, "  %-30s %.6f s%n", "last backprop start", r.breakdown().lastBackpropStartSeconds());
        out.printf(Locale.ROOT, "  %-30s %.6f s%n", "last gradient emitted", r.breakdown().lastGradientSeconds());
        out.printf(Locale.ROOT, "  %-30s %.6f s%n", "gradient exchange tail", r.breakdown().gradientExchangeSeconds());
        out.println("worker finish times: " + FinishSummary.of(r.workerFinishSeconds()).toText());
        if (!r.busiestLinks().isEmpty()) {
            out.println("busiest links:");
            for (LinkLoad l : r.busiestLinks()) {
                out.printf(Locale.ROOT, "  %-24s %10.1f Mbit  busy %.6f s  %5.1f%%%n", l.from() + " -> " + l.to(), l.bits() / 1e6,
                        l.busySeconds(), 100 * l.utilisation());
            }
        }
        out.printf(Locale.ROOT, "simulated %,d events (%,d packet hops, %,d messages) in %.2f s%n", r.eventsProcessed(),
                r.packetHops(), r.messages(), wallSeconds);
        out.flush();
    }
}
