package dev.crest.report.chart;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look shared by every Crest chart: white background, light grid, colour-blind-safe palette, legend below. */
final class ChartTheme {

    /**
     * Okabe and Ito's colour-blind-safe palette, then four of Tol's muted colours so that a comparison of all
     * eleven netsim strategies repeats none; the low-contrast yellow comes last.
     */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0x882255),
        new Color(0x44AA99), new Color(0x999933), new Color(0x6B4C9A), new Color(0xF0E442),
    };

    /** Distinct shapes so that lines stay distinguishable when printed in grey. */
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS, SeriesMarkers.OVAL,
    };

    private static final Color INK = new Color(0x1F2328);
    private static final Color AXIS = new Color(0x8C959F);
    private static final Color GRID = new Color(0xE5E8EB);

    private ChartTheme() {
    }

    static Marker[] markers() {
        return MARKERS.clone();
    }

    static void apply(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartFontColor(INK);
        styler.setSeriesColors(PALETTE.clone());
        styler.setChartTitleVisible(false);
        // A column on the right holds any number of series; a row below the plot is cut off past about seven.
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendBackgroundColor(Color.WHITE);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setChartPadding(12);
        styler.setAntiAlias(true);
    }

    static void applyAxes(AxesChartStyler styler) {
        apply(styler);
        styler.setPlotGridLinesColor(GRID);
        styler.setAxisTickMarksColor(AXIS);
        styler.setAxisTickLabelsColor(INK);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTitlePadding(8);
        styler.setPlotMargin(4);
    }
}
