package dev.crest.report.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A line chart of several named series of (x, y) points, e.g. iteration time against the number of
 * workers, one line per strategy; either axis may be logarithmic.
 */
public final class LineChartSpec implements ChartSpec {

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final List<LineSeries> series;
    private final int width;
    private final int height;

    private LineChartSpec(Builder builder, List<LineSeries> series) {
        this.title = builder.title;
        this.xLabel = builder.xLabel;
        this.yLabel = builder.yLabel;
        this.logX = builder.logX;
        this.logY = builder.logY;
        this.series = List.copyOf(series);
        this.width = builder.width;
        this.height = builder.height;
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    @Override
    public String title() {
        return title;
    }

    public String xLabel() {
        return xLabel;
    }

    public String yLabel() {
        return yLabel;
    }

    public boolean logX() {
        return logX;
    }

    public boolean logY() {
        return logY;
    }

    public List<LineSeries> series() {
        return series;
    }

    @Override
    public List<String> seriesNames() {
        return series.stream().map(LineSeries::name).toList();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** Collects series either whole ({@link #series}) or point by point ({@link #point}), keeping first-use order. */
    public static final class Builder extends ChartBuilder<Builder> {
        private boolean logX;
        private boolean logY;
        private final Map<String, LineSeries> whole = new LinkedHashMap<>();
        private final Map<String, PointList> pointwise = new LinkedHashMap<>();
        private final List<String> order = new ArrayList<>();

        private Builder(String title) {
            super(title);
        }

        @Override
        Builder self() {
            return this;
        }

        /** Draws the x axis on a log-10 scale; every x value must then be positive. */
        public Builder logX() {
            this.logX = true;
            return this;
        }

        /** Draws the y axis on a log-10 scale; every y value must then be positive. */
        public Builder logY() {
            this.logY = true;
            return this;
        }

        public Builder series(String name, double[] x, double[] y) {
            requireNew(name);
            whole.put(name, new LineSeries(name, x, y));
            order.add(name);
            return this;
        }

        /** Appends (x, y) to the series called {@code name}, creating it on first use. */
        public Builder point(String name, double x, double y) {
            Objects.requireNonNull(name, "name");
            if (whole.containsKey(name)) {
                throw new IllegalArgumentException("series '" + name + "' was given whole; it takes no further points");
            }
            PointList points = pointwise.get(name);
            if (points == null) {
                points = new PointList();
                pointwise.put(name, points);
                order.add(name);
            }
            points.add(x, y);
            return this;
        }

        private void requireNew(String name) {
            Objects.requireNonNull(name, "name");
            if (whole.containsKey(name) || pointwise.containsKey(name)) {
                throw new IllegalArgumentException("duplicate series name '" + name + "'");
            }
        }

        public LineChartSpec build() {
            if (order.isEmpty()) {
                throw new IllegalArgumentException("line chart '" + title + "' has no series");
            }
            List<LineSeries> series = new ArrayList<>();
            for (String name : order) {
                LineSeries s = whole.containsKey(name) ? whole.get(name) : pointwise.get(name).toSeries(name);
                if (logX) {
                    requirePositive(s.name(), "x", s.x());
                }
                if (logY) {
                    requirePositive(s.name(), "y", s.y());
                }
                series.add(s);
            }
            return new LineChartSpec(this, series);
        }

        private void requirePositive(String name, String axis, double[] values) {
            for (double v : values) {
                if (v <= 0) {
                    throw new IllegalArgumentException("series '" + name + "' has " + axis + " = " + v
                            + " on the logarithmic " + axis + " axis of chart '" + title + "'; values must be positive");
                }
            }
        }
    }

    private static final class PointList {
        private double[] x = new double[8];
        private double[] y = new double[8];
        private int size;

        void add(double xValue, double yValue) {
            if (size == x.length) {
                x = Arrays.copyOf(x, size * 2);
                y = Arrays.copyOf(y, size * 2);
            }
            x[size] = xValue;
            y[size] = yValue;
            size++;
        }

        LineSeries toSeries(String name) {
            return new LineSeries(name, Arrays.copyOf(x, size), Arrays.copyOf(y, size));
        }
    }
}
