package dev.crest.bench.fuzz;

import java.util.Optional;

/** Where the input-search benchmark takes its models from. */
interface ModelSource {
    /** A label for the report, saying plainly what kind of models these are. */
    String label();

    /**
     * The next model of about {@code nodes} operator nodes drawn with {@code seed}, or empty when the source is
     * exhausted (a directory of files).
     */
    Optional<SearchCase> next(int nodes, long seed);

    /** False for sources whose models have the sizes they have (files), which are then reported in one row. */
    default boolean honoursSize() {
        return true;
    }
}
