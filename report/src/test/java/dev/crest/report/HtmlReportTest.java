package dev.crest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.report.chart.BarChartSpec;
import dev.crest.report.chart.LineChartSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class HtmlReportTest {

    static final String HOSTILE = "<script>alert(\"pwned\")</script> & 'quotes' </p><img src=x onerror=alert(1)>";

    static HtmlReport sweepReport() {
        return HtmlReport.builder("Netsim sweep")
                .subtitle("ResNet-50, ring vs. parameter server")
                .provenance("seed", "42")
                .provenance("config", "sweeps/resnet50.yaml")
                .provenance("crest", "0.1.0-SNAPSHOT")
                .provenance("date", "2026-11-25")
                .section("Iteration time", s -> s
                        .paragraph("Iteration time per strategy as the cluster grows.")
                        .chart(LineChartSpec.builder("Iteration time vs. workers")
                                .xLabel("workers").yLabel("ms").logX()
                                .series("ring", new double[] {2, 4, 8}, new double[] {120, 131, 137})
                                .series("ps", new double[] {2, 4, 8}, new double[] {118, 150, 210})
                                .build())
                        .table(Table.builder("strategy", "workers", "iteration time (ms)")
                                .caption("Simulated iteration time")
                                .row("ring", 2, 120.0).row("ring", 4, 131.25).row("ps", 8, 210.123456789)
                                .csv("iterations.csv")
                                .build()))
                .section("Speed-up", s -> s
                        .chart(BarChartSpec.builder("Speed-up").categories("2", "4", "8")
                                .series("ring", 1.9, 3.6, 6.8).series("ps", 1.8, 2.9, 4.1).build()))
                .section("Reproduce", s -> s.code("crest netsim sweep --config sweeps/resnet50.yaml --seed 42"))
                .build();
    }

    @Test
    void pageHasTitleSubtitleAndProvenance() {
        ParsedXml page = ParsedXml.parse(sweepReport().toHtml());
        assertThat(page.text("/h:html/h:head/h:title")).isEqualTo("Netsim sweep");
        assertThat(page.text("//h:header/h:h1")).isEqualTo("Netsim sweep");
        assertThat(page.text("//h:p[@class='subtitle']")).isEqualTo("ResNet-50, ring vs. parameter server");
        assertThat(page.texts("//h:dl[@class='provenance']//h:dt")).containsExactly("seed", "config", "crest", "date");
        assertThat(page.texts("//h:dl[@class='provenance']//h:dd"))
                .containsExactly("42", "sweeps/resnet50.yaml", "0.1.0-SNAPSHOT", "2026-11-25");
    }

    @Test
    void pageIsSelfContainedAndRunsNoScript() {
        String html = sweepReport().toHtml();
        ParsedXml page = ParsedXml.parse(html);
        assertThat(page.elements("//*[local-name()='script']")).isEmpty();
        assertThat(page.elements("//h:link")).isEmpty();
        assertThat(page.text("//h:head/h:style")).contains("font");
        assertThat(html).doesNotContain("http://cdn", "https://", "src=\"http");
        assertThat(page.elements("//h:meta[@http-equiv='Content-Security-Policy']")).singleElement()
                .satisfies(meta -> assertThat(meta.getAttribute("content")).startsWith("default-src 'none'"));
    }

    @Test
    void tableOfContentsLinksResolveToSectionIds() {
        ParsedXml page = ParsedXml.parse(sweepReport().toHtml());
        List<Element> links = page.elements("//h:nav[@class='toc']//h:a");
        assertThat(links).extracting(Element::getTextContent).containsExactly("Iteration time", "Speed-up", "Reproduce");
        List<String> sectionIds = page.elements("//h:main/h:section").stream().map(e -> e.getAttribute("id")).toList();
        assertThat(links).extracting(a -> a.getAttribute("href").substring(1)).containsExactlyElementsOf(sectionIds);
        assertThat(sectionIds).containsExactly("sec-iteration-time", "sec-speed-up", "sec-reproduce");
        assertThat(page.texts("//h:section/h:h2")).containsExactly("Iteration time", "Speed-up", "Reproduce");
    }

    @Test
    void aSingleSectionNeedsNoTableOfContents() {
        HtmlReport report = HtmlReport.builder("one").section("Only", s -> s.paragraph("x")).build();
        assertThat(ParsedXml.parse(report.toHtml()).elements("//h:nav")).isEmpty();
    }

    @Test
    void repeatedOrSymbolOnlyHeadingsGetDistinctIds() {
        HtmlReport report = HtmlReport.builder("r")
                .section("Results", s -> { }).section("Results", s -> { }).section("<<>>", s -> { })
                .section("Über große Netze", s -> { })
                .build();
        ParsedXml page = ParsedXml.parse(report.toHtml());
        assertThat(page.elements("//h:section")).extracting(e -> e.getAttribute("id"))
                .containsExactly("sec-results", "sec-results-2", "sec-3", "sec-uber-groe-netze");
    }

    @Test
    void tableCellsAreRenderedWithNumericColumnsRightAligned() {
        ParsedXml page = ParsedXml.parse(sweepReport().toHtml());
        String table = "//h:section[@id='sec-iteration-time']//h:table";
        assertThat(page.text(table + "/h:caption")).isEqualTo("Simulated iteration time");
        assertThat(page.texts(table + "/h:thead//h:th")).containsExactly("strategy", "workers", "iteration time (ms)");
        assertThat(page.elements(table + "/h:thead//h:th")).extracting(e -> e.getAttribute("class"))
                .containsExactly("", "num", "num");
        assertThat(page.texts(table + "/h:tbody/h:tr[3]/h:td")).containsExactly("ps", "8", "210.123");
        assertThat(page.texts(table + "/h:tbody/h:tr[2]/h:td")).containsExactly("ring", "4", "131.25");
        assertThat(page.elements(table + "/h:tbody/h:tr[1]/h:td")).extracting(e -> e.getAttribute("class"))
                .containsExactly("", "num", "num");
        assertThat(page.elements("//h:p[@class='download']/h:a")).singleElement()
                .satisfies(a -> assertThat(a.getAttribute("href")).isEqualTo("iterations.csv"));
    }

    @Test
    void chartsAreInlineSvgFiguresNamingTheirSeries() {
        ParsedXml page = ParsedXml.parse(sweepReport().toHtml());
        List<Element> figures = page.elements("//h:figure[@class='chart']");
        assertThat(figures).extracting(e -> e.getAttribute("id")).containsExactly("fig-1", "fig-2");
        assertThat(page.elements("//h:figure/svg:svg")).hasSize(2);
        assertThat(page.text("//h:figure[@id='fig-1']/svg:svg/svg:title")).contains("ring", "ps");
        assertThat(page.texts("//h:figure/h:figcaption")).containsExactly("Figure 1. Iteration time vs. workers", "Figure 2. Speed-up");
        // Every id on the page is unique, chart internals included.
        List<String> ids = page.elements("//*[@id]").stream().map(e -> e.getAttribute("id")).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void hostileTextIsShownLiterallyEverywhere() {
        HtmlReport report = HtmlReport.builder(HOSTILE)
                .subtitle(HOSTILE)
                .provenance(HOSTILE, HOSTILE)
                .section(HOSTILE, s -> s.paragraph(HOSTILE).code(HOSTILE)
                        .table(Table.builder(HOSTILE).caption(HOSTILE).row(HOSTILE).build())
                        .chart(LineChartSpec.builder(HOSTILE).point(HOSTILE, 1, 2).point(HOSTILE, 2, 3).build()))
                .section("second", s -> { })
                .build();
        String html = report.toHtml();
        assertThat(html).doesNotContain("<script", "<img", "onerror=alert(1)>");
        ParsedXml page = ParsedXml.parse(html);
        assertThat(page.elements("//*[local-name()='script' or local-name()='img']")).isEmpty();
        assertThat(page.text("//h:title")).isEqualTo(HOSTILE);
        assertThat(page.text("//h:h1")).isEqualTo(HOSTILE);
        assertThat(page.text("//h:p[@class='subtitle']")).isEqualTo(HOSTILE);
        assertThat(page.text("//h:dt")).isEqualTo(HOSTILE);
        assertThat(page.text("//h:dd")).isEqualTo(HOSTILE);
        assertThat(page.text("//h:nav//h:a[1]")).isEqualTo(HOSTILE);
        assertThat(page.text("//h:section[1]/h:h2")).isEqualTo(HOSTILE);
        assertThat(page.text("//h:section[1]/h:p")).isEqualTo(HOSTILE);
        assertThat(page.text("//h:pre/h:code")).isEqualTo(HOSTILE);
        assertThat(page.text("//h:caption")).isEqualTo(HOSTILE);
        assertThat(page.text("//h:th")).isEqualTo(HOSTILE);
        assertThat(page.text("//h:td")).isEqualTo(HOSTILE);
        assertThat(page.text("//svg:title")).contains(HOSTILE);
        assertThat(page.text("//h:figcaption")).isEqualTo("Figure 1. " + HOSTILE);
    }

    @Test
    void sameReportGivesTheSamePage() {
        assertThat(sweepReport().toHtml()).isEqualTo(sweepReport().toHtml());
    }

    @Test
    void twoTablesMayNotWriteTheSameCsv() {
        Table a = Table.builder("x").csv("t.csv").build();
        Table b = Table.builder("y").csv("t.csv").build();
        assertThatThrownBy(() -> HtmlReport.builder("r").section("s", s -> s.table(a).table(b)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same CSV file 't.csv'");
    }

    @Test
    void provenanceKeysAreUnique() {
        assertThatThrownBy(() -> HtmlReport.builder("r").provenance("seed", "1").provenance("seed", "2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate provenance key 'seed'");
    }

    @Test
    void inlineImagesBecomeDataUriImagesOnThePageAndTheirDescriptionInTheCsv() throws Exception {
        BufferedImage pixel = new BufferedImage(1, 1,
                BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(pixel, "png", png);
        InlineImage image = new InlineImage(png.toByteArray(), "point 7 <label 3>");
        Table table = Table.builder("point", "image").row(7, image).build();
        HtmlReport report = HtmlReport.builder("r").section("Points", s -> s.table(table)).build();

        ParsedXml page = ParsedXml.parse(report.toHtml());
        List<Element> images = page.elements("//h:td/h:img");
        assertThat(images).hasSize(1);
        assertThat(images.get(0).getAttribute("alt")).isEqualTo("point 7 <label 3>");
        String source = images.get(0).getAttribute("src");
        assertThat(source).startsWith("data:image/png;base64,");
        byte[] decoded = Base64.getDecoder().decode(source.substring("data:image/png;base64,".length()));
        assertThat(decoded).isEqualTo(png.toByteArray());
        assertThat(table.toCsv()).isEqualTo("point,image\n7,point 7 <label 3>\n");
    }
}
