package dev.crest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DrawingTest {
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
            + "<rect width=\"10\" height=\"10\"/></svg>";

    @Test
    void aDrawingIsEmbeddedAsIsWithAnEscapedCaption() {
        String html = HtmlReport.builder("Findings")
                .section("Bug 1", s -> s.drawing(SVG, "graph of <model>"))
                .build().toHtml();
        assertThat(html).contains("<figure class=\"drawing\" id=\"fig-1\">\n" + SVG)
                .contains("<figcaption>Figure 1. graph of &lt;model&gt;</figcaption>");
    }

    @Test
    void onlySvgWithoutScriptsIsAccepted() {
        assertThatThrownBy(() -> Section.builder("x").drawing("<p>not svg</p>", "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Section.builder("x").drawing("<svg><script>alert(1)</script></svg>", "c"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
