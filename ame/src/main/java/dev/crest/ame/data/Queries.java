package dev.crest.ame.data;

import dev.crest.ame.AmeException;
import dev.crest.tensor.data.Dataset;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The query inputs whose outcomes AME explains: chosen rows of a test (or training) set, kept with their labels
 * and their row numbers in the source set.
 */
public record Queries(Dataset examples, int[] rows) {
    public Queries {
        rows = rows.clone();
    }

    /** Every row of {@code source} as a query. */
    public static Queries all(Dataset source) {
        int[] rows = new int[source.size()];
        Arrays.setAll(rows, i -> i);
        return new Queries(source, rows);
    }

    /** The given rows of {@code source}, in that order; an out-of-range row is an {@link AmeException}. */
    public static Queries rows(Dataset source, int[] rows) {
        for (int row : rows) {
            if (row < 0 || row >= source.size()) {
                throw new AmeException("query index " + row + " is out of range: the query set has " + source.size()
                        + " rows (0.." + (source.size() - 1) + ")");
            }
        }
        return new Queries(source.select(rows), rows);
    }

    /** Parses a comma-separated list of row numbers such as {@code 0,5,9} or ranges such as {@code 0-4,9}. */
    /** The most query rows one list may name; each query costs a LASSO fit per estimate. */
    public static final int MAX_QUERIES = 100_000;

    public static int[] parseIndices(String text) {
        if (text.isBlank()) {
            throw new AmeException("the query list is empty; give row numbers such as 0,5,9");
        }
        return Arrays.stream(text.split(",")).map(String::trim).flatMapToInt(part -> {
            int dash = part.indexOf('-', 1);
            try {
                if (dash < 0) {
                    return IntStream.of(Integer.parseInt(part));
                }
                int from = Integer.parseInt(part.substring(0, dash).trim());
                int to = Integer.parseInt(part.substring(dash + 1).trim());
                if (to < from) {
                    throw new AmeException("query range '" + part + "' ends before it starts");
                }
                // Checked before expanding, so a mistyped bound is an error, not an out-of-memory failure.
                if ((long) to - from >= MAX_QUERIES) {
                    throw new AmeException("query range '" + part + "' has more than " + MAX_QUERIES + " rows");
                }
                return IntStream.rangeClosed(from, to);
            } catch (NumberFormatException e) {
                throw new AmeException("query '" + part + "' is not a row number or a range like 3-7");
            }
        }).toArray();
    }

    public int size() {
        return rows.length;
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    /** A short description for provenance, e.g. {@code 0,5,9}. */
    public String describe() {
        return Arrays.stream(rows).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
}
