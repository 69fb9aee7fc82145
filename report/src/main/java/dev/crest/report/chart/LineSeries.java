package dev.crest.report.chart;

import java.util.Arrays;
import java.util.Objects;

/** One named line of a {@link LineChartSpec}: points (x[i], y[i]) joined in the given order. */
public record LineSeries(String name, double[] x, double[] y) {

    public LineSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but "
                    + y.length + " y values");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no points");
        }
        x = x.clone();
        y = y.clone();
        requireFinite(name, "x", x);
        requireFinite(name, "y", y);
    }

    private static void requireFinite(String name, String axis, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("series '" + name + "' has a non-finite " + axis
                        + " value at point " + i + ": " + values[i]);
            }
        }
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    public int size() {
        return x.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LineSeries that && name.equals(that.name)
                && Arrays.equals(x, that.x) && Arrays.equals(y, that.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "LineSeries[" + name + ", " + x.length + " points]";
    }
}
