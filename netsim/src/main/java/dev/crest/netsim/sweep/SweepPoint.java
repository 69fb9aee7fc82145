package dev.crest.netsim.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a sweep: a value for every parameter, in the grid's column order. Values are canonical text (the
 * form written to the CSV), so a point read back from a CSV equals the point the grid expands to.
 */
public record SweepPoint(Map<String, String> parameters) {
    public SweepPoint {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The value of one parameter. */
    public String get(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + parameters.keySet());
        }
        return value;
    }

    /** The values in column order, the identity of the run in a sweep's CSV. */
    public List<String> values() {
        return List.copyOf(parameters.values());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }
}
