package dev.crest.bench.netsim;

import dev.crest.bench.report.Median;
import dev.crest.netsim.sim.Result;
import dev.crest.netsim.sim.Simulation;
import dev.crest.netsim.sim.SimulationSettings;
import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.Workload;
import dev.crest.netsim.workload.WorkloadSettings;
import dev.crest.netsim.workload.Workloads;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times the simulator on the runs the netsim issue sets goals for: VGG16 at 32 workers, 25 Gbps, MTU 500,000 bits
 * under {@code ps} and {@code butterfly} (goal under 5 s each), and a 1,024-worker ring all-reduce of ResNet-50 at
 * 100 Gbps (goal under 60 s with bounded memory). There is no baseline to run beside it: the reference simulator
 * is a Python program that is not available here, so the figures are absolute, against the goals.
 *
 * <p>Each case runs once to warm the JIT, then {@code repeats} times; the median wall time is reported with the
 * simulated events per second and the peak heap use.
 */
public final class NetsimBenchmark {
    private record Case(String model, int workers, double bandwidth, String strategy, double goalSeconds) {
    }

    private static final List<Case> CASES = List.of(
            new Case("vgg16", 32, 25e9, "ps", 5),
            new Case("vgg16", 32, 25e9, "butterfly", 5),
            new Case("vgg16-299", 32, 25e9, "ps", 5),
            new Case("vgg16-299", 32, 25e9, "butterfly", 5),
            new Case("resnet50", 1024, 100e9, "ring", 60));

    private NetsimBenchmark() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        if (repeats < 1) {
            System.err.println("netsim benchmark: repeats must be at least 1, got " + repeats);
            System.exit(2);
        }
        System.out.println("| model | workers | bandwidth | strategy | iteration (simulated s) | events | wall s (median of "
                + repeats + ") | events/s | peak heap MB | goal |");
        System.out.println("|---|---:|---:|---|---:|---:|---:|---:|---:|---|");
        for (Case c : CASES) {
            Workload workload = Workloads.resolve(c.model(), WorkloadSettings.defaults());
            SimulationSettings settings = SimulationSettings.defaults().withWorkers(c.workers())
                    .withBandwidth(c.bandwidth()).withMtu(500_000);
            Simulation simulation = Simulation.of(workload, TopologySpec.singleRack(), Strategies.byName(c.strategy()),
                    settings);
            Result result = simulation.run(); // warm-up
            List<Double> walls = new ArrayList<>();
            resetPeakHeap();
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                result = simulation.run();
                walls.add((System.nanoTime() - start) / 1e9);
            }
            double median = Median.of(walls);
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f G | %s | %.4f | %d | %.2f | %.2e | %.0f | < %.0f s: %s |%n",
                    c.model(), c.workers(), c.bandwidth() / 1e9, c.strategy(), result.iterationSeconds(),
                    result.eventsProcessed(), median, result.eventsProcessed() / median, peakHeapMegabytes(),
                    c.goalSeconds(), median < c.goalSeconds() ? "met" : "MISSED");
        }
    }

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static double peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1e6;
    }
}
