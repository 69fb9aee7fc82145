package dev.crest.report;

import dev.crest.report.chart.ChartSpec;
import dev.crest.report.chart.SvgChartRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link HtmlReport} into the text of its single self-contained page. The markup is polyglot:
 * valid HTML that is also well-formed XML (void elements self-closed, only XML's own entities), so
 * tools and tests can read it with any XML parser.
 */
final class PageRenderer {

    /** No script may run and nothing may be fetched, even if some text escaped its escaping. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final SvgChartRenderer charts = new SvgChartRenderer();
    private final StringBuilder out = new StringBuilder(1 << 16);
    private int figureCount;
    private int tableCount;

    String render(HtmlReport report) {
        AnchorIds anchors = new AnchorIds();
        List<String> sectionIds = new ArrayList<>();
        for (int i = 0; i < report.sections().size(); i++) {
            sectionIds.add(anchors.forSection(report.sections().get(i).heading(), i + 1));
        }
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\"/>\n")
                .append("<meta name=\"generator\" content=\"Crest report\"/>\n")
                .append("<title>").append(HtmlText.escape(report.title())).append("</title>\n")
                .append("<style>\n").append(stylesheet()).append("</style>\n</head>\n<body>\n");
        header(report);
        if (report.sections().size() >= 2) {
            tableOfContents(report.sections(), sectionIds);
        }
        out.append("<main>\n");
        for (int i = 0; i < report.sections().size(); i++) {
            section(report.sections().get(i), sectionIds.get(i));
        }
        out.append("</main>\n<footer>Made with Crest.</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private void header(HtmlReport report) {
        out.append("<header>\n<h1>").append(HtmlText.escape(report.title())).append("</h1>\n");
        if (!report.subtitle().isEmpty()) {
            out.append("<p class=\"subtitle\">").append(HtmlText.escape(report.subtitle())).append("</p>\n");
        }
        if (!report.provenance().isEmpty()) {
            out.append("<dl class=\"provenance\">\n");
            for (Map.Entry<String, String> entry : report.provenance().entrySet()) {
                out.append("<div><dt>").append(HtmlText.escape(entry.getKey())).append("</dt><dd>")
                        .append(HtmlText.escape(entry.getValue())).append("</dd></div>\n");
            }
            out.append("</dl>\n");
        }
        out.append("</header>\n");
    }

    private void tableOfContents(List<Section> sections, List<String> ids) {
        out.append("<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
        for (int i = 0; i < sections.size(); i++) {
            out.append("<li><a href=\"#").append(ids.get(i)).append("\">")
                    .append(HtmlText.escape(sections.get(i).heading())).append("</a></li>\n");
        }
        out.append("</ol>\n</nav>\n");
    }

    private void section(Section section, String id) {
        out.append("<section id=\"").append(id).append("\">\n<h2>").append(HtmlText.escape(section.heading())).append("</h2>\n");
        for (Block block : section.blocks()) {
            if (block instanceof Block.Paragraph p) {
                out.append("<p>").append(HtmlText.escape(p.text())).append("</p>\n");
            } else if (block instanceof Block.Code c) {
                out.append("<pre><code>").append(HtmlText.escape(c.text())).append("</code></pre>\n");
            } else if (block instanceof Block.TableBlock t) {
                table(t.table());
            } else if (block instanceof Block.Chart c) {
                chart(c.spec());
            } else if (block instanceof Block.Drawing d) {
                drawing(d);
            } else if (block instanceof Block.Link l) {
                out.append("<p><a href=\"").append(HtmlText.escape(l.href())).append("\">")
                        .append(HtmlText.escape(l.text())).append("</a></p>\n");
            }
        }
        out.append("</section>\n");
    }

    private void table(Table table) {
        tableCount++;
        int columns = table.columns().size();
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            numeric[c] = table.isNumeric(c);
        }
        out.append("<div class=\"table-block\" id=\"table-").append(tableCount).append("\">\n<div class=\"table-scroll\">\n<table>\n");
        if (!table.caption().isEmpty()) {
            out.append("<caption>").append(HtmlText.escape(table.caption())).append("</caption>\n");
        }
        out.append("<thead>\n<tr>");
        for (int c = 0; c < columns; c++) {
            out.append(numeric[c] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
                    .append(HtmlText.escape(table.columns().get(c))).append("</th>");
        }
        out.append("</tr>\n</thead>\n<tbody>\n");
        for (List<Object> row : table.rows()) {
            out.append("<tr>");
            for (int c = 0; c < columns; c++) {
                out.append(numeric[c] ? "<td class=\"num\">" : "<td>");
                if (row.get(c) instanceof InlineImage image) {
                    out.append("<img class=\"inline\" src=\"").append(image.dataUri()).append("\" alt=\"")
                            .append(HtmlText.escape(image.description())).append("\"/>");
                } else {
                    out.append(HtmlText.escape(table.pageText(row.get(c))));
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</div>\n");
        table.csvFileName().ifPresent(name -> out.append("<p class=\"download\"><a href=\"").append(HtmlText.escape(name))
                .append("\" download=\"\">Download ").append(HtmlText.escape(name)).append("</a> (exact values)</p>\n"));
        out.append("</div>\n");
    }

    private void chart(ChartSpec spec) {
        figureCount++;
        String id = "fig-" + figureCount;
        out.append("<figure class=\"chart\" id=\"").append(id).append("\">\n")
                .append(charts.render(spec, id)).append('\n')
                .append("<figcaption>Figure ").append(figureCount).append(". ")
                .append(HtmlText.escape(spec.title())).append("</figcaption>\n</figure>\n");
    }

    private void drawing(Block.Drawing drawing) {
        figureCount++;
        out.append("<figure class=\"drawing\" id=\"fig-").append(figureCount).append("\">\n")
                .append(drawing.svg()).append('\n')
                .append("<figcaption>Figure ").append(figureCount).append(". ")
                .append(HtmlText.escape(drawing.caption())).append("</figcaption>\n</figure>\n");
    }

    private static String stylesheet() {
        try (InputStream in = PageRenderer.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the crest-report jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
