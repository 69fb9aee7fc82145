package dev.crest.fuzz.search;

import dev.crest.graph.Model;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A strategy that picks values for a model's inputs and weights so that every intermediate value the reference
 * interpreter computes is finite (no NaN or infinity), which differential testing needs: NaN-polluted outputs
 * compare equal whatever the compiler got wrong.
 */
public interface InputSearch {
    /** A short name for reports, e.g. {@code gradient} or {@code sampling}. */
    String name();

    /**
     * Searches values for {@code model}.
     *
     * @param searchable names of graph inputs and initializers the search may set; initializers not named (Reshape
     *     shapes, Slice starts) are structural and never changed. Required graph inputs are always searched,
     *     named or not, since a run needs them.
     * @param random the source of every random draw, so a seed reproduces the search (within the same number of
     *     iterations)
     */
    SearchResult search(Model model, Set<String> searchable, SearchSettings settings, SplittableRandom random);
}
