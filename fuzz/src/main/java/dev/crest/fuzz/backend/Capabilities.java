package dev.crest.fuzz.backend;

import dev.crest.tensor.DType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which operator × dtype combinations one backend version accepts, as found by {@link CapabilityProbe}; the
 * generator consults it so it never emits a model the backend simply does not support.
 *
 * @param backend the backend's registered name
 * @param version the backend's version
 * @param entries one entry per probed combination
 */
public record Capabilities(String backend, String version, List<Entry> entries) {
    /**
     * The probe result for one combination.
     *
     * @param opType the operator
     * @param dtype the dtype
     * @param accepted true when the backend compiled and ran the one-node model
     * @param error why it was rejected (empty when accepted)
     */
    public record Entry(String opType, DType dtype, boolean accepted, String error) {
        /** The combination this entry is about. */
        public OpDtype combination() {
            return new OpDtype(opType, dtype);
        }
    }

    public Capabilities {
        entries = entries.stream()
                .sorted(Comparator.comparing(Entry::opType).thenComparing(Entry::dtype))
                .toList();
    }

    /** The entry for a combination, if it was probed. */
    public Optional<Entry> entry(OpDtype combination) {
        return entries.stream().filter(e -> e.combination().equals(combination)).findFirst();
    }

    /** True when the combination was probed and accepted. */
    public boolean accepts(OpDtype combination) {
        return entry(combination).map(Entry::accepted).orElse(false);
    }

    /** The dtypes the backend accepts for {@code opType}. */
    public Set<DType> acceptedDtypes(String opType) {
        return entries.stream().filter(e -> e.opType().equals(opType) && e.accepted()).map(Entry::dtype)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Operators probed for which the backend accepts no dtype at all. */
    public Set<String> excludedOperators() {
        Set<String> probed = entries.stream().map(Entry::opType).collect(Collectors.toCollection(TreeSet::new));
        probed.removeIf(op -> !acceptedDtypes(op).isEmpty());
        return probed;
    }

    /** One line per rejected combination, saying what is excluded and why, for the campaign's log. */
    public List<String> exclusionNotes() {
        List<String> notes = new ArrayList<>();
        for (String op : excludedOperators()) {
            notes.add(backend + " " + version + " supports no dtype of " + op + "; it is excluded ("
                    + firstError(op) + ")");
        }
        for (Entry e : entries) {
            if (!e.accepted() && !excludedOperators().contains(e.opType())) {
                notes.add(backend + " " + version + " rejects " + e.combination() + "; that combination is excluded ("
                        + e.error() + ")");
            }
        }
        return notes;
    }

    private String firstError(String op) {
        return entries.stream().filter(e -> e.opType().equals(op)).map(Entry::error).findFirst().orElse("");
    }
}
