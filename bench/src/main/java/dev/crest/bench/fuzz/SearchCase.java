package dev.crest.bench.fuzz;

import dev.crest.graph.Model;
import java.util.Set;

/**
 * One model to search inputs for, with the names the search may set (inputs and weights; structural constants
 * excluded) and where it came from, for the report.
 */
record SearchCase(Model model, Set<String> searchable, String origin) {
    SearchCase {
        searchable = Set.copyOf(searchable);
    }
}
