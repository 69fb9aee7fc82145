package dev.crest.bench.fuzz;

import dev.crest.fuzz.backend.CapabilityProbe;
import dev.crest.fuzz.campaign.Campaign;
import dev.crest.fuzz.campaign.CampaignSettings;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.GeneratedCaseSource;
import dev.crest.fuzz.gen.GenerationStats;
import dev.crest.fuzz.gen.Generator;
import dev.crest.fuzz.gen.GeneratorSettings;
import dev.crest.graph.onnx.AtomicFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * End-to-end throughput of {@code crest fuzz run}: 10-node models generated (Z3), input-searched (gradient search,
 * 20 ms budget), and tested on the reference interpreter, ONNX Runtime without and with graph optimizations (in
 * the isolated worker process), in test cases per second; and generation alone in models per second. The baseline
 * is NNSmith's published figure, about 3.8 ONNX Runtime test cases per second (Liu et al., ASPLOS 2023); the
 * issue's goal is 20. Each configuration first runs a short warm-up campaign (JIT, worker start, the capability
 * probe's cache), then the timed one.
 *
 * <p>Arguments: {@code [models] [nodes] [seed]}, defaults 300, 10 and 1.
 */
public final class FuzzThroughputBenchmark {
    private static final double NNSMITH_CASES_PER_SECOND = 3.8;
    private static final double GOAL = 20;

    private FuzzThroughputBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        System.out.printf(Locale.ROOT, "crest fuzz throughput: %d-node models, %d per run, seed %d, %d cores, load "
                + "average %.1f%n%n", nodes, models, seed, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        System.out.println("| what | threads | models | wall s | per second | generate s | search s | execute s |"
                + " vs NNSmith 3.8/s | goal 20/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        String generationCost = generationAlone(Math.max(20, models / 3), nodes, seed);
        for (int threads : List.of(1, 2)) {
            endToEnd(models, nodes, seed, threads);
        }
        System.out.println();
        System.out.print(generationCost);
    }

    /**
     * Prints generation alone's table row and returns its CPU time and solver work per model, which do not depend
     * on what else runs on the machine.
     */
    private static String generationAlone(int models, int nodes, long seed) {
        GeneratorSettings settings = GeneratorSettings.defaults(seed).withNodes(nodes);
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < 10; i++) {
            Generator.generate(settings.withSeed(seeds.nextLong()));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        int failed = 0;
        long checks = 0;
        long extensions = 0;
        long gaveUp = 0;
        for (int i = 0; i < models; i++) {
            try {
                GenerationStats stats = Generator.generate(settings.withSeed(seeds.nextLong())).stats();
                checks += stats.solverChecks();
                extensions += stats.solverExtensions();
                gaveUp += stats.solverGaveUp();
            } catch (RuntimeException e) {
                failed++;
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "| generation alone%s | 1 | %d | %.1f | %.1f | %.1f | – | – | – | – |%n",
                failed == 0 ? "" : " (" + failed + " failed)", models, wall, models / wall, wall);
        int generated = Math.max(1, models - failed);
        return String.format(Locale.ROOT, "generation alone, per model: %.1f ms CPU (this thread, Z3 "
                + "included), %.1f solver checks (%.1f full, %.1f extensions of the current assignment), %.2f gave "
                + "up%n", cpu * 1000 / models, (double) checks / generated, (double) (checks - extensions) / generated,
                (double) extensions / generated, (double) gaveUp / generated);
    }

    private static void endToEnd(int models, int nodes, long seed, int threads) throws IOException {
        Path out = Files.createTempDirectory("crest-fuzz-bench");
        try {
            CampaignSettings settings = CampaignSettings.defaults(out.resolve("warm-up")).withNodes(nodes)
                    .withSeed(seed + 1).withJobs(threads).withMaxModels(OptionalLong.of(Math.max(10, models / 10)));
            campaign(settings).run();
            CampaignSummary summary = campaign(settings.withOut(out.resolve("timed")).withSeed(seed)
                    .withMaxModels(OptionalLong.of(models))).run();
            double perSecond = summary.throughput().modelsPerSecond();
            System.out.printf(Locale.ROOT, "| end to end: reference + ORT no-opt + ORT opt | %d | %d | %.1f | %.1f |"
                    + " %.1f | %.1f | %.1f | %.1f× | %s |%n", threads, summary.counts().tested(),
                    summary.elapsedSeconds(), perSecond, summary.throughput().generateSeconds(),
                    summary.throughput().searchSeconds(), summary.throughput().executeSeconds(),
                    perSecond / NNSMITH_CASES_PER_SECOND, perSecond >= GOAL ? "met" : "MISSED");
        } finally {
            AtomicFiles.deleteTree(out);
        }
    }

    private static Campaign campaign(CampaignSettings settings) {
        return new Campaign(settings, Campaign.isolatedWorker(),
                GeneratedCaseSource.factory(CapabilityProbe.defaultCacheDir()));
    }
}
