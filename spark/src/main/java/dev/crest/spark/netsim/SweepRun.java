package dev.crest.spark.netsim;

import dev.crest.netsim.sweep.RunOutcome;
import dev.crest.netsim.sweep.SweepPoint;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sweep run as it travels between driver and executor: the point's parameters and seed, and once run, its
 * measures or skip reason.
 */
final class SweepRun implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, String> parameters;
    private final long seed;
    private final LinkedHashMap<String, Double> measures;
    private final String skipReason;

    private SweepRun(Map<String, String> parameters, long seed, Map<String, Double> measures, String skipReason) {
        this.parameters = new LinkedHashMap<>(parameters);
        this.seed = seed;
        this.measures = measures == null ? null : new LinkedHashMap<>(measures);
        this.skipReason = skipReason;
    }

    static SweepRun pending(SweepPoint point, long seed) {
        return new SweepRun(point.parameters(), seed, null, null);
    }

    SweepRun withOutcome(RunOutcome outcome) {
        return new SweepRun(parameters, seed, outcome.measures(), outcome.skipReason());
    }

    SweepPoint point() {
        return new SweepPoint(parameters);
    }

    long seed() {
        return seed;
    }

    RunOutcome outcome() {
        return new RunOutcome(seed, measures, skipReason);
    }
}
