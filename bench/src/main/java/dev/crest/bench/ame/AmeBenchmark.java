package dev.crest.bench.ame;

import dev.crest.ame.data.Outcome;
import dev.crest.ame.data.Queries;
import dev.crest.ame.design.Design;
import dev.crest.ame.learn.BuiltInNetworks;
import dev.crest.ame.learn.Learner;
import dev.crest.ame.learn.LearnerSettings;
import dev.crest.ame.learn.Learners;
import dev.crest.ame.learn.NetworkLearner;
import dev.crest.ame.run.DesignPlan;
import dev.crest.ame.run.RunSummary;
import dev.crest.ame.run.SubmodelRunner;
import dev.crest.ame.run.SubsetPlan;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.data.FashionMnist;
import dev.crest.tensor.linalg.Blas;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Submodel training throughput of {@code crest ame}'s built-in learners: submodels per second trained and
 * evaluated by {@link SubmodelRunner} on random subsets (inclusion probability 0.2–0.8) of the first 5,000
 * Fashion-MNIST training images, 200 Adam steps of batch 64 each, 10 queries. The {@code logreg} and {@code mlp}
 * learners run on their fused path; the {@code tape} rows train the same networks on the generic autodiff path
 * (what those learners used before) for comparison. No external baseline exists for this workload.
 *
 * <p>Each learner first trains a few untimed submodels to warm the JIT; the timed batch then runs on the
 * requested number of worker threads.
 */
public final class AmeBenchmark {
    private static final int POINTS = 5_000;
    private static final int STEPS = 200;
    private static final int BATCH = 64;
    private static final int WARM_UP = 6;
    private static final double[] GRID = {0.2, 0.4, 0.6, 0.8};

    private record Case(String name, Learner learner, int submodels) {
    }

    private AmeBenchmark() {
    }

    /** Arguments: worker threads (default 2), then a factor scaling every case's submodel count (default 1). */
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        if (threads < 1 || !(scale > 0)) {
            System.err.println("ame benchmark: threads must be at least 1 and the scale positive");
            System.exit(2);
        }
        if (!FashionMnist.isAvailable(FashionMnist.DEBIAN_DIRECTORY)) {
            System.err.println("ame benchmark: Fashion-MNIST is not installed in " + FashionMnist.DEBIAN_DIRECTORY);
            System.exit(2);
        }
        Dataset all = FashionMnist.train(FashionMnist.DEBIAN_DIRECTORY);
        Dataset training = all.slice(0, POINTS);
        Queries queries = Queries.rows(all.slice(POINTS, POINTS + 10), new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        LearnerSettings settings = LearnerSettings.defaults().withSteps(STEPS).withBatchSize(BATCH);
        Learners learners = Learners.discover();
        List<Case> cases = List.of(
                new Case("logreg", learners.create("logreg", settings), count(400, scale)),
                new Case("logreg (tape)", new NetworkLearner("logreg", BuiltInNetworks.logisticRegression(), settings),
                        count(200, scale)),
                new Case("mlp", learners.create("mlp", settings), count(200, scale)),
                new Case("mlp (tape)", new NetworkLearner("mlp", BuiltInNetworks.mlp(settings.hiddenUnits()),
                        settings), count(100, scale)),
                new Case("cnn", learners.create("cnn", settings), count(20, scale)));
        System.out.printf(Locale.ROOT, "%d training images, %d steps x batch %d, %d worker threads, BLAS %s,"
                + " OPENBLAS_NUM_THREADS=%s, load average %.2f%n", POINTS, STEPS, BATCH, threads,
                Blas.implementationName(), System.getenv("OPENBLAS_NUM_THREADS"), loadAverage());
        System.out.println("| learner | submodels | wall s | submodels/s | ms per step per thread |");
        System.out.println("|---|---:|---:|---:|---:|");
        Design design = new Design(training.size(), GRID, 1);
        SubsetPlan plan = DesignPlan.of(design);
        for (Case c : cases) {
            SubmodelRunner runner = new SubmodelRunner(c.learner(), training, 10, queries, Outcome.parse("loss"),
                    threads);
            check(runner.run(plan, 0, WARM_UP, 7, j -> false, r -> { }, p -> { }));
            long start = System.nanoTime();
            check(runner.run(plan, WARM_UP, WARM_UP + c.submodels(), 7, j -> false, r -> { }, p -> { }));
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = c.submodels() / seconds;
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.3f |%n", c.name(), c.submodels(), seconds,
                    rate, 1000.0 * threads / rate / STEPS);
        }
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", loadAverage());
    }

    private static int count(int base, double scale) {
        return Math.max(1, (int) Math.round(base * scale));
    }

    private static void check(RunSummary summary) {
        summary.throwIfFailed();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
