package dev.crest.bench.report;

import java.util.Map;

/**
 * One line of the benchmark table: Crest's figure and its baseline's for one case, and the speed ratio
 * {@code baseline time / Crest time} (above 1 means Crest is faster; for GFLOP/s figures this is
 * {@code crest GFLOP/s / baseline GFLOP/s}). {@code details} holds extra figures such as final losses.
 */
public record Comparison(String benchmark, String caseName, String unit, double crest, String baseline,
        double baselineValue, double speedRatio, Map<String, Object> details) {
}
