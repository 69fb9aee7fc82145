package dev.crest.bench.jmh;

import java.util.Map;

/**
 * The mean time of one JMH benchmark method for one set of parameters, in milliseconds per call, with the
 * half-width of its 99.9% confidence interval (NaN when JMH had too few samples to compute one).
 */
public record JmhScore(String method, Map<String, String> params, double millisPerCall, double errorMillis) {
}
