package dev.crest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SectionLinkTest {

    @Test
    void linkIsRenderedAsAnAnchorWithEscapedTextAndTarget() {
        String html = HtmlReport.builder("index")
                .section("Tools", s -> s.link("fuzz/index.html?a=1&b=2", "fuzz <report>"))
                .build().toHtml();
        assertThat(html).contains("<p><a href=\"fuzz/index.html?a=1&amp;b=2\">fuzz &lt;report&gt;</a></p>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/x.html", "//example.com/x.html", "/etc/passwd", "javascript:alert(1)",
        "C:\\report\\index.html", ""})
    void linksLeavingTheReportAreRefused(String href) {
        assertThatThrownBy(() -> Section.builder("s").link(href, "text"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
