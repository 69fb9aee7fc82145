package dev.crest.bench.fuzz;

import dev.crest.fuzz.search.SearchResult;

/** Counts one strategy's outcomes over the models of one size. */
final class SuccessTally {
    private int models;
    private int successes;
    private int firstDraw;
    private long iterations;
    private long nanos;

    void add(SearchResult result) {
        models++;
        if (result.success()) {
            successes++;
            if (result.iterations() == 1) {
                firstDraw++;
            }
        }
        iterations += result.iterations();
        nanos += result.elapsed().toNanos();
    }

    int models() {
        return models;
    }

    double successRate() {
        return models == 0 ? Double.NaN : (double) successes / models;
    }

    /** Share of models whose first draw was already finite everywhere. */
    double firstDrawRate() {
        return models == 0 ? Double.NaN : (double) firstDraw / models;
    }

    double meanIterations() {
        return models == 0 ? Double.NaN : (double) iterations / models;
    }

    double meanMillis() {
        return models == 0 ? Double.NaN : nanos / 1e6 / models;
    }
}
