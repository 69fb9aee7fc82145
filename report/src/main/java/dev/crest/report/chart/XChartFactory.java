package dev.crest.report.chart;

import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.Marker;

/** Builds the XChart object that draws a {@link ChartSpec}, styled with {@link ChartTheme}. */
final class XChartFactory {

    private XChartFactory() {
    }

    static Chart<?, ?> create(ChartSpec spec) {
        if (spec instanceof LineChartSpec line) {
            return lineChart(line);
        }
        if (spec instanceof BarChartSpec bar) {
            return barChart(bar);
        }
        throw new IllegalArgumentException("unknown chart spec " + spec.getClass().getName());
    }

    private static XYChart lineChart(LineChartSpec spec) {
        XYChart chart = new XYChartBuilder().width(spec.width()).height(spec.height())
                .title(spec.title()).xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
        var styler = chart.getStyler();
        ChartTheme.applyAxes(styler);
        styler.setXAxisLogarithmic(spec.logX());
        styler.setYAxisLogarithmic(spec.logY());
        // XChart labels either only the decades (a sweep over 2..64 workers then shows one lone "10") or
        // every 1..9 x 10^k tick (crowded when a decade is short); choose by the room a decade gets.
        // A custom label function is no way out: XChart then ignores the log scale and stalls.
        styler.setXAxisLogarithmicDecadeOnly(pixelsPerDecade(spec, true, spec.width() * 0.8) < 300);
        styler.setYAxisLogarithmicDecadeOnly(pixelsPerDecade(spec, false, spec.height() * 0.7) < 400);
        styler.setMarkerSize(8);
        Marker[] markers = ChartTheme.markers();
        List<LineSeries> all = spec.series();
        for (int i = 0; i < all.size(); i++) {
            LineSeries s = all.get(i);
            XYSeries drawn = chart.addSeries(s.name(), s.x(), s.y());
            drawn.setMarker(markers[i % markers.length]);
        }
        return chart;
    }

    private static double pixelsPerDecade(LineChartSpec spec, boolean xAxis, double axisPixels) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (LineSeries s : spec.series()) {
            for (double v : xAxis ? s.x() : s.y()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double decades = min > 0 ? Math.log10(max / min) : 0;
        return decades > 0 ? axisPixels / decades : Double.POSITIVE_INFINITY;
    }

    private static CategoryChart barChart(BarChartSpec spec) {
        CategoryChart chart = new CategoryChartBuilder().width(spec.width()).height(spec.height())
                .title(spec.title()).xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
        var styler = chart.getStyler();
        ChartTheme.applyAxes(styler);
        styler.setXAxisTitleVisible(!spec.xLabel().isEmpty());
        styler.setYAxisTitleVisible(!spec.yLabel().isEmpty());
        styler.setOverlapped(false);
        styler.setAvailableSpaceFill(0.8);
        for (BarSeries s : spec.series()) {
            List<Number> values = Arrays.stream(s.values()).boxed().map(Number.class::cast).toList();
            chart.addSeries(s.name(), spec.categories(), values);
        }
        return chart;
    }
}
