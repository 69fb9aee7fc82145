package dev.crest.bench.fuzz;

import dev.crest.bench.report.Median;
import dev.crest.fuzz.gen.GeneratedModel;
import dev.crest.fuzz.gen.Generator;
import dev.crest.fuzz.gen.GeneratorSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures how many models per second {@code crest fuzz gen}'s generator produces with every registered operator,
 * with attribute binning (the default) and, as the in-invocation baseline, without it, so the ratio shows what
 * the diversity costs. Each configuration first generates a few models to warm the JIT and load Z3, then the same
 * seeds for both; it reports models per second over the whole run, the median time per model, and how many nodes,
 * insertion attempts and solver give-ups a model took on average.
 */
public final class GeneratorBenchmark {
    private static final int WARM_UP = 10;

    private GeneratorBenchmark() {
    }

    private record Run(double modelsPerSecond, double medianMillis, double slowestMillis, double meanNodes,
            double meanAttempts, double meanGaveUp) {
    }

    public static void main(String[] args) {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : GeneratorSettings.DEFAULT_NODES;
        if (models < 1 || nodes < 1) {
            System.err.println("generator benchmark: models and nodes must be at least 1");
            System.exit(2);
        }
        GeneratorSettings settings = GeneratorSettings.defaults(0).withNodes(nodes);
        System.out.println("operators: " + settings.operators().size() + ", nodes per model: " + nodes + ", models: "
                + models);
        Run binned = run(settings, models);
        Run plain = run(settings.withBinning(false), models);
        System.out.println("| binning | models/s | median ms/model | slowest ms | nodes/model | attempts/model "
                + "| solver give-ups/model |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        print("on", binned);
        print("off (baseline)", plain);
        System.out.printf(Locale.ROOT, "binning costs %.2fx the time per model%n",
                plain.modelsPerSecond() / binned.modelsPerSecond());
    }

    private static Run run(GeneratorSettings settings, int models) {
        for (int i = 0; i < WARM_UP; i++) {
            Generator.generate(settings.withSeed(-1 - i));
        }
        List<Double> millis = new ArrayList<>();
        long nodes = 0;
        long attempts = 0;
        long gaveUp = 0;
        long start = System.nanoTime();
        for (int seed = 0; seed < models; seed++) {
            long t = System.nanoTime();
            GeneratedModel generated = Generator.generate(settings.withSeed(seed));
            millis.add((System.nanoTime() - t) / 1e6);
            nodes += generated.nodes().size();
            attempts += generated.stats().attempts();
            gaveUp += generated.stats().solverGaveUp();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(models / seconds, Median.of(millis), millis.stream().mapToDouble(Double::doubleValue).max()
                .orElse(0), (double) nodes / models, (double) attempts / models, (double) gaveUp / models);
    }

    private static void print(String label, Run run) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.0f | %.2f | %.1f | %.2f |%n", label,
                run.modelsPerSecond(), run.medianMillis(), run.slowestMillis(), run.meanNodes(), run.meanAttempts(),
                run.meanGaveUp());
    }
}
