package dev.crest.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.GraphicsEnvironment;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgChartRendererTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private final SvgChartRenderer renderer = new SvgChartRenderer();

    static LineChartSpec iterationTimeVsWorkers() {
        return LineChartSpec.builder("Iteration time vs. workers")
                .xLabel("workers").yLabel("iteration time (ms)").logX()
                .series("ring all-reduce", new double[] {2, 4, 8, 16}, new double[] {120, 131, 137, 140})
                .series("parameter server", new double[] {2, 4, 8, 16}, new double[] {118, 150, 210, 330})
                .build();
    }

    static BarChartSpec speedUp() {
        return BarChartSpec.builder("Speed-up over one worker")
                .xLabel("workers").yLabel("speed-up")
                .categories("2", "4", "8")
                .series("ring", 1.9, 3.6, 6.8)
                .series("tree", 1.8, 3.3, 5.9)
                .build();
    }

    @Test
    void rendersOnAHeadlessJvmWithoutAnyDisplay() {
        assumeThat(System.getenv("DISPLAY")).as("this test is about machines without a display").isNull();
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        assertThat(System.getProperty("java.awt.headless")).as("nothing sets the property").isNull();
        assertThat(renderer.render(iterationTimeVsWorkers(), "fig-1")).startsWith("<svg");
    }

    @Test
    void lineChartIsAnSvgElementThatNamesItsSeries() {
        String svg = renderer.render(iterationTimeVsWorkers(), "fig-1");
        Document document = parse(svg);
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 760 440");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(svg).doesNotContain("<?xml", "<!DOCTYPE");
        String title = document.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent();
        assertThat(title).contains("Iteration time vs. workers", "ring all-reduce", "parameter server");
        // XChart draws the data as lines and markers: several of each, in the series colours.
        assertThat(document.getElementsByTagNameNS(SVG_NS, "line").getLength()).isGreaterThan(6);
        assertThat(svg).contains("rgb(0,114,178)", "rgb(213,94,0)");
    }

    @Test
    void barChartDrawsOneBarPerCategoryAndSeries() {
        String svg = renderer.render(speedUp(), "fig-2");
        Document document = parse(svg);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent()).contains("ring", "tree");
        // Bars are filled shapes in the first two palette colours: 3 categories each, plus a legend swatch each.
        assertThat(count(svg, "fill:rgb(0,114,178)")).isGreaterThanOrEqualTo(4);
        assertThat(count(svg, "fill:rgb(213,94,0)")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void sameSpecGivesTheSameTextAndIdsArePrefixedAndResolve() {
        String first = renderer.render(iterationTimeVsWorkers(), "fig-7");
        String second = renderer.render(iterationTimeVsWorkers(), "fig-7");
        assertThat(first).isEqualTo(second);
        List<String> ids = matches(first, "id=\"([^\"]*)\"");
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("fig-7-"));
        assertThat(matches(first, "url\\(#([^)]*)\\)")).isNotEmpty().allSatisfy(ref -> assertThat(ids).contains(ref));
    }

    @Test
    void hostileSeriesNamesAreEscapedInTheTitle() {
        String hostile = "<script>alert('x')</script> & \"q\"";
        LineChartSpec spec = LineChartSpec.builder("t & <b>").point(hostile, 1, 1).point(hostile, 2, 3).build();
        String svg = renderer.render(spec, "f");
        assertThat(svg).doesNotContain("<script", "<b>");
        Document document = parse(svg);
        assertThat(document.getElementsByTagNameNS(SVG_NS, "script").getLength()).isZero();
        assertThat(document.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent())
                .isEqualTo("t & <b> (series: " + hostile + ")");
    }

    @Test
    void logAxesWithASinglePointOrAWideRangeStillRender() {
        LineChartSpec single = LineChartSpec.builder("one").logX().logY().point("a", 8, 100).build();
        LineChartSpec wide = LineChartSpec.builder("wide").logX().logY()
                .point("a", 0.001, 1e-3).point("a", 1e4, 1e6).build();
        assertThat(parse(renderer.render(single, "s")).getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(parse(renderer.render(wide, "w")).getDocumentElement().getLocalName()).isEqualTo("svg");
    }

    @Test
    void coordinatesKeepAtMostTwoDecimals() {
        String svg = renderer.render(speedUp(), "f");
        assertThat(svg).doesNotContainPattern("\\d\\.\\d{3,}");
    }

    private static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            NodeList scripts = document.getElementsByTagNameNS("*", "script");
            assertThat(scripts.getLength()).isZero();
            return document;
        } catch (Exception e) {
            throw new AssertionError("SVG does not parse: " + e.getMessage(), e);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<String> matches(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
