package dev.crest.bench.jmh;

/**
 * How long JMH measures one benchmark: forked JVMs, warm-up and measured iterations, and the length of one
 * iteration in milliseconds.
 */
public record JmhSettings(int forks, int warmupIterations, int measurementIterations, int iterationMillis) {

    /** Checks the counts. */
    public JmhSettings {
        if (forks < 1 || warmupIterations < 0 || measurementIterations < 1 || iterationMillis < 1) {
            throw new IllegalArgumentException("JMH needs at least one fork, one measured iteration and 1 ms");
        }
    }
}
