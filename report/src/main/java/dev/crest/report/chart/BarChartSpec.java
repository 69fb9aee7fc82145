package dev.crest.report.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A grouped bar chart of categories × series, e.g. the speed-up of each strategy (series) at each
 * cluster size (category).
 */
public final class BarChartSpec implements ChartSpec {

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> categories;
    private final List<BarSeries> series;
    private final int width;
    private final int height;

    private BarChartSpec(Builder builder) {
        this.title = builder.title;
        this.xLabel = builder.xLabel;
        this.yLabel = builder.yLabel;
        this.categories = List.copyOf(builder.categories);
        this.series = List.copyOf(builder.series);
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

    public List<String> categories() {
        return categories;
    }

    public List<BarSeries> series() {
        return series;
    }

    @Override
    public List<String> seriesNames() {
        return series.stream().map(BarSeries::name).toList();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** Takes the categories, then one value per category for each series. */
    public static final class Builder extends ChartBuilder<Builder> {
        private final List<String> categories = new ArrayList<>();
        private final List<BarSeries> series = new ArrayList<>();
        private final Set<String> seriesNames = new HashSet<>();

        private Builder(String title) {
            super(title);
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder categories(String... names) {
            return categories(List.of(names));
        }

        public Builder categories(List<String> names) {
            if (!categories.isEmpty()) {
                throw new IllegalStateException("categories of bar chart '" + title + "' are already set");
            }
            if (new HashSet<>(names).size() != names.size()) {
                throw new IllegalArgumentException("bar chart '" + title + "' has duplicate categories: " + names);
            }
            categories.addAll(names);
            return this;
        }

        /** Adds a series with one value per category, in the order the categories were given. */
        public Builder series(String name, double... values) {
            Objects.requireNonNull(name, "name");
            if (!seriesNames.add(name)) {
                throw new IllegalArgumentException("duplicate series name '" + name + "'");
            }
            series.add(new BarSeries(name, values));
            return this;
        }

        public BarChartSpec build() {
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("bar chart '" + title + "' has no categories");
            }
            if (series.isEmpty()) {
                throw new IllegalArgumentException("bar chart '" + title + "' has no series");
            }
            for (BarSeries s : series) {
                if (s.values().length != categories.size()) {
                    throw new IllegalArgumentException("series '" + s.name() + "' of bar chart '" + title + "' has "
                            + s.values().length + " values for " + categories.size() + " categories");
                }
            }
            return new BarChartSpec(this);
        }
    }
}
