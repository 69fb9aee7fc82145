/**
 * Chart descriptions ({@link dev.crest.report.chart.LineChartSpec}, {@link dev.crest.report.chart.BarChartSpec})
 * and their rendering to SVG with XChart and its VectorGraphics2D export
 * ({@link dev.crest.report.chart.SvgChartRenderer}). Rendering needs no display: on Linux without
 * {@code DISPLAY} the JVM is headless by default, and nothing here sets system properties.
 */
package dev.crest.report.chart;
