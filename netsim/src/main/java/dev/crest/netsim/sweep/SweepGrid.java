package dev.crest.netsim.sweep;

import dev.crest.netsim.NetsimException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The axes of a sweep: for each parameter, the values to try. Expands to the cartesian product in a fixed
 * order (the first axis varies slowest), so the same grid always yields the same runs in the same order.
 *
 * @param axes parameter name to its canonical values, in column order; a setting held fixed is an axis of one
 */
public record SweepGrid(Map<String, List<String>> axes) {
    public SweepGrid {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        axes.forEach((name, values) -> {
            if (values.isEmpty()) {
                throw new NetsimException("sweep parameter '" + name + "' has no values");
            }
            // A value given twice would only run the same point twice.
            copy.put(name, List.copyOf(new LinkedHashSet<>(values)));
        });
        if (copy.isEmpty()) {
            throw new NetsimException("a sweep needs at least one parameter");
        }
        axes = Collections.unmodifiableMap(copy);
    }

    /** The parameter names, i.e. the leading CSV columns. */
    public List<String> parameterNames() {
        return List.copyOf(axes.keySet());
    }

    /** The number of runs the grid expands to. */
    public long size() {
        long n = 1;
        for (List<String> values : axes.values()) {
            n = Math.multiplyExact(n, values.size());
        }
        return n;
    }

    /** Every run, first axis slowest. */
    public List<SweepPoint> expand() {
        List<String> names = parameterNames();
        List<SweepPoint> points = new ArrayList<>(Math.toIntExact(size()));
        int[] index = new int[names.size()];
        while (true) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int a = 0; a < names.size(); a++) {
                values.put(names.get(a), axes.get(names.get(a)).get(index[a]));
            }
            points.add(new SweepPoint(values));
            int a = names.size() - 1;
            while (a >= 0 && ++index[a] == axes.get(names.get(a)).size()) {
                index[a] = 0;
                a--;
            }
            if (a < 0) {
                return points;
            }
        }
    }
}
