package dev.crest.bench.lasso;

import dev.crest.ame.design.Design;
import dev.crest.ame.design.DesignMatrix;
import dev.crest.ame.design.Submodel;
import dev.crest.ame.estimate.KnockoffAmeEstimator;
import dev.crest.ame.lasso.LassoCrossValidation;
import dev.crest.ame.lasso.LassoFit;
import dev.crest.ame.lasso.LassoSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * The memory goal of the AME LASSO issue: the knockoff design of N = 50,000 points plus their 50,000 knockoff
 * copies over M = 6,000 submodels, cross-validated along the default path, must fit in the heap the script gives
 * it ({@code -Xmx2g} in {@code bench/lasso.sh --memory}). Prints the design's size, the time and the peak heap.
 *
 * <p>Arguments: {@code [points] [submodels] [outcomes] [threads]} (defaults 50000 6000 2 2).
 */
public final class LassoMemoryCheck {
    private LassoMemoryCheck() {
    }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int submodels = args.length > 1 ? Integer.parseInt(args[1]) : 6_000;
        int outcomeCount = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Design design = Design.withDefaultGrid(points, 11L);
        List<Submodel> rows = design.submodels(submodels);
        DesignMatrix x = KnockoffAmeEstimator.augmentedDesign(rows, points, design.grid().length,
                KnockoffAmeEstimator.defaultKnockoffSeed(design));
        rows = null; // the masks are no longer needed once the design holds the bits
        SplittableRandom random = new SplittableRandom(12L);
        double[][] outcomes = new double[outcomeCount][submodels];
        for (double[] y : outcomes) {
            for (int t = 0; t < 20; t++) {
                int column = random.nextInt(points);
                double weight = random.nextDouble(-0.3, 0.3);
                for (int j = 0; j < submodels; j++) {
                    y[j] += weight * x.entry(j, column);
                }
            }
            for (int j = 0; j < submodels; j++) {
                y[j] += random.nextGaussian();
            }
        }
        resetPeaks();
        long start = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(threads);
        List<LassoFit> fits = pool.submit(() -> LassoCrossValidation.fit(x, outcomes, LassoSettings.defaults())).get();
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "knockoff design %d submodels × %d columns (%d points + knockoffs), %d outcomes,"
                + " %d threads: %.1f s, peak heap %.0f MB of %.0f MB max%n", submodels, x.columns(), points,
                outcomeCount, threads, seconds, peakHeapMegabytes(), Runtime.getRuntime().maxMemory() / 1e6);
        for (LassoFit fit : fits) {
            System.out.printf(Locale.ROOT, "  path %d λ, chosen λ %.5g, %d nonzero%n", fit.lambdas().length,
                    fit.lambda(), Arrays.stream(fit.coefficients()).filter(b -> b != 0).count());
        }
    }

    private static void resetPeaks() {
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
