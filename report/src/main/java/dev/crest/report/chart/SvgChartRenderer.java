package dev.crest.report.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;

/**
 * Draws a {@link ChartSpec} with XChart and exports it as SVG through XChart's VectorGraphics2D encoder.
 *
 * <p>The result is an {@code <svg>} element ready to be inlined in HTML or saved as an {@code .svg} file:
 * no XML prolog, a {@code <title>} naming the chart and its series (XChart draws all text as outlines,
 * so the title is what screen readers and text search see), ids made deterministic and prefixed so that
 * several charts can share one page, and coordinates rounded to 1/100 pixel. The same spec always gives
 * the same text. Works on a headless JVM; it sets no system properties.
 */
public final class SvgChartRenderer {

    /**
     * Renders {@code spec}; {@code idPrefix} (letters, digits, '-', '_', starting with a letter) is put in
     * front of every id inside the picture and must be unique within the page.
     */
    public String render(ChartSpec spec, String idPrefix) {
        if (!idPrefix.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("invalid SVG id prefix '" + idPrefix + "'");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(XChartFactory.create(spec), out, VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("writing SVG to memory failed", e);
        }
        String accessibleTitle = spec.title() + " (series: " + String.join(", ", spec.seriesNames()) + ")";
        return SvgCleaner.clean(out.toString(StandardCharsets.UTF_8), idPrefix, accessibleTitle);
    }
}
