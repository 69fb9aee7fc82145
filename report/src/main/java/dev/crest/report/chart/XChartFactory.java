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
        styler.setXAxisTitleVisible(!spec.xLabel().isEmpty());
        styler.setYAxisTitleVisible(!spec.yLabel().isEmpty());
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
