package dev.crest.report.chart;

import java.util.Objects;

/**
 * The settings every chart builder takes (title, axis labels, size), so that {@link LineChartSpec.Builder} and
 * {@link BarChartSpec.Builder} validate them the same way.
 *
 * @param <B> the concrete builder, returned by the setters so calls chain
 */
abstract class ChartBuilder<B extends ChartBuilder<B>> {
    final String title;
    String xLabel = "";
    String yLabel = "";
    int width = ChartSpec.DEFAULT_WIDTH;
    int height = ChartSpec.DEFAULT_HEIGHT;

    ChartBuilder(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    abstract B self();

    public B xLabel(String label) {
        this.xLabel = Objects.requireNonNull(label, "label");
        return self();
    }

    public B yLabel(String label) {
        this.yLabel = Objects.requireNonNull(label, "label");
        return self();
    }

    public B size(int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("a chart needs at least 200 x 150 pixels, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        return self();
    }
}
