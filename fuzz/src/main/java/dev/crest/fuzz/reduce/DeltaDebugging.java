package dev.crest.fuzz.reduce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Zeller and Hildebrandt's ddmin ("Simplifying and Isolating Failure-Inducing Input", TSE 2002): shrinks a list
 * that passes a test to a 1-minimal sublist (removing any one more element makes the test fail) by trying, at
 * granularity n, each of n chunks alone and each chunk's complement, doubling n when neither helps. Configurations
 * are tested at most once; the empty list is never tested, since a model needs at least one node.
 *
 * @param <T> the element type
 */
final class DeltaDebugging<T> {
    private final Predicate<List<T>> test;
    private final BooleanSupplier outOfTime;
    private final Map<Set<T>, Boolean> tested = new HashMap<>();
    private boolean cutShort;

    /** A minimizer keeping sublists for which {@code test} holds, stopping early once {@code outOfTime} says so. */
    DeltaDebugging(Predicate<List<T>> test, BooleanSupplier outOfTime) {
        this.test = test;
        this.outOfTime = outOfTime;
    }

    /** The smallest sublist of {@code items} (assumed to pass) found before the time ran out, in the given order. */
    List<T> minimize(List<T> items) {
        List<T> current = List.copyOf(items);
        int granularity = 2;
        while (current.size() >= 2) {
            List<List<T>> chunks = split(current, granularity);
            List<T> next = firstPassing(chunks);
            if (next != null) {
                current = next;
                granularity = 2;
                continue;
            }
            if (cutShort) {
                break;
            }
            // With two chunks the complements are the chunks themselves, already tried.
            next = granularity == 2 ? null : firstPassing(complements(current, chunks));
            if (next != null) {
                current = next;
                granularity = Math.max(granularity - 1, 2);
                continue;
            }
            if (cutShort || granularity >= current.size()) {
                break;
            }
            granularity = Math.min(granularity * 2, current.size());
        }
        return current;
    }

    /** True when the time ran out before the list was 1-minimal. */
    boolean cutShort() {
        return cutShort;
    }

    private List<T> firstPassing(List<List<T>> candidates) {
        for (List<T> candidate : candidates) {
            if (candidate.isEmpty()) {
                continue;
            }
            Set<T> key = new LinkedHashSet<>(candidate);
            Boolean known = tested.get(key);
            if (known == null) {
                if (outOfTime.getAsBoolean()) {
                    cutShort = true;
                    return null;
                }
                known = test.test(candidate);
                tested.put(key, known);
            }
            if (known) {
                return candidate;
            }
        }
        return null;
    }

    private static <T> List<List<T>> split(List<T> items, int n) {
        List<List<T>> chunks = new ArrayList<>(n);
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (items.size() - start) / (n - i);
            chunks.add(List.copyOf(items.subList(start, end)));
            start = end;
        }
        return chunks;
    }

    private static <T> List<List<T>> complements(List<T> items, List<List<T>> chunks) {
        List<List<T>> result = new ArrayList<>(chunks.size());
        for (List<T> chunk : chunks) {
            Set<T> removed = new LinkedHashSet<>(chunk);
            List<T> rest = new ArrayList<>();
            for (T item : items) {
                if (!removed.contains(item)) {
                    rest.add(item);
                }
            }
            result.add(List.copyOf(rest));
        }
        return result;
    }
}
