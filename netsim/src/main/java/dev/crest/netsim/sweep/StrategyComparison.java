package dev.crest.netsim.sweep;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.sim.Result;
import dev.crest.netsim.sim.Simulation;
import dev.crest.netsim.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one configuration under several strategies, in parallel, and relates each to {@code ps}. A strategy that
 * cannot run the configuration (e.g. butterfly with a worker count that is not a power of two) is kept with the
 * reason instead of failing the comparison.
 */
public final class StrategyComparison {
    /** The baseline speed-ups are measured against. */
    public static final String BASELINE = "ps";

    /**
     * One strategy's outcome.
     *
     * @param strategy the strategy name
     * @param result the simulation result, or null when skipped
     * @param skipReason why the strategy cannot run this configuration, or null
     * @param speedUpOverBaseline baseline iteration time over this one's, NaN when either did not run
     */
    public record Entry(String strategy, Result result, String skipReason, double speedUpOverBaseline) {
        public boolean isSkipped() {
            return result == null;
        }
    }

    private StrategyComparison() {
    }

    /** Runs {@code spec} under each strategy of {@code strategies} (the baseline is run too if absent). */
    public static List<Entry> run(RunSpec spec, Workload workload, List<String> strategies, int threads) {
        List<String> names = new ArrayList<>(strategies);
        if (!names.contains(BASELINE)) {
            names.add(0, BASELINE);
        }
        List<Object> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, names.size())));
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (String name : names) {
                RunSpec one = spec.withStrategy(name);
                futures.add(pool.submit(() -> {
                    Simulation simulation;
                    try {
                        simulation = Simulation.of(workload, one.topology(), one.newStrategy(), one.settings());
                    } catch (NetsimException cannotRun) {
                        return cannotRun.getMessage();
                    }
                    return simulation.run();
                }));
            }
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException("strategy comparison failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("strategy comparison interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        Object baseline = outcomes.get(names.indexOf(BASELINE));
        double baselineSeconds = baseline instanceof Result r ? r.iterationSeconds() : Double.NaN;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Object o = outcomes.get(i);
            if (o instanceof Result r) {
                entries.add(new Entry(names.get(i), r, null, baselineSeconds / r.iterationSeconds()));
            } else {
                entries.add(new Entry(names.get(i), null, (String) o, Double.NaN));
            }
        }
        return entries;
    }
}
