package dev.crest.report.chart;

import java.util.List;

/**
 * What a chart shows, independent of how it is drawn: an immutable description that
 * {@link SvgChartRenderer} turns into an SVG picture with XChart.
 */
public sealed interface ChartSpec permits LineChartSpec, BarChartSpec {

    /** Default width of a chart's drawing area in CSS pixels; it scales down on narrow screens. */
    int DEFAULT_WIDTH = 760;
    /** Default height of a chart's drawing area in CSS pixels. */
    int DEFAULT_HEIGHT = 440;

    String title();

    /** The names of the series in legend order. */
    List<String> seriesNames();

    int width();

    int height();
}
