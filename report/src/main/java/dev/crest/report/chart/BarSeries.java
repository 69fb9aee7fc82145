package dev.crest.report.chart;

import java.util.Arrays;
import java.util.Objects;

/** One named group of bars in a {@link BarChartSpec}: one value per category, in category order. */
public record BarSeries(String name, double[] values) {

    public BarSeries {
        Objects.requireNonNull(name, "name");
        values = Objects.requireNonNull(values, "values").clone();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("bar series '" + name + "' has a non-finite value at category "
                        + i + ": " + values[i]);
            }
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BarSeries that && name.equals(that.name) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "BarSeries[" + name + ", " + Arrays.toString(values) + "]";
    }
}
