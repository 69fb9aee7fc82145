package dev.crest.bench.fuzz;

import dev.crest.bench.BenchException;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.gen.GeneratedModel;
import dev.crest.fuzz.gen.Generator;
import dev.crest.fuzz.gen.GeneratorSettings;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Models from Crest's solver-based generator ({@link Generator}) with its default settings and the requested node
 * count; the search may set the generator's inputs and weights, never its spec constants. A seed whose generation
 * fails (the solver gives up) is replaced by seeds derived from it.
 */
final class GeneratedModelSource implements ModelSource {
    private static final int TRIES = 5;

    @Override
    public String label() {
        return "Crest's fuzz generator (dev.crest.fuzz.gen.Generator, default settings)";
    }

    @Override
    public Optional<SearchCase> next(int nodes, long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        long attempt = seed;
        FuzzException last = null;
        for (int i = 0; i < TRIES; i++) {
            try {
                GeneratedModel g = Generator.generate(GeneratorSettings.defaults(attempt).withNodes(nodes));
                return Optional.of(new SearchCase(g.model(), Set.copyOf(g.searchable()),
                        "generator seed " + attempt));
            } catch (FuzzException e) {
                last = e;
                attempt = seeds.nextLong();
            }
        }
        throw new BenchException("the generator failed " + TRIES + " times from seed " + seed + ": "
                + last.getMessage(), last);
    }
}
