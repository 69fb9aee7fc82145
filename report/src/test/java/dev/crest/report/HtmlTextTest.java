package dev.crest.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void escapesMarkupQuotesAndAmpersands() {
        assertThat(HtmlText.escape("<script>alert(\"x\")</script> & 'y'"))
                .isEqualTo("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    }

    @Test
    void alreadyEscapedTextIsEscapedAgainSoItShowsLiterally() {
        assertThat(HtmlText.escape("&amp;")).isEqualTo("&amp;amp;");
    }

    @Test
    void replacesCharactersNoDocumentMayContainButKeepsLineBreaksAndEmoji() {
        assertThat(HtmlText.escape("a\u0000b\u001Bc\td\ne\uFFFF")).isEqualTo("a\uFFFDb\uFFFDc\td\ne\uFFFD");
        assertThat(HtmlText.escape("x\uD800y")).isEqualTo("x\uFFFDy");
        assertThat(HtmlText.escape("\uDC00")).isEqualTo("\uFFFD");
        assertThat(HtmlText.escape("ok \uD83D\uDE00")).isEqualTo("ok \uD83D\uDE00");
    }

    @Property(tries = 50)
    void escapedTextParsesBackToTheOriginalInTextAndAttributes(@ForAll String text) {
        String cleaned = text.codePoints().allMatch(HtmlTextTest::allowedInXml) ? text : null;
        String escaped = HtmlText.escape(text);
        assertThat(escaped).doesNotContain("<", ">", "\"", "'");
        ParsedXml parsed = ParsedXml.parse("<r a=\"" + escaped + "\">" + escaped + "</r>");
        if (cleaned != null) {
            assertThat(parsed.root().getTextContent()).isEqualTo(text.replace("\r\n", "\n").replace('\r', '\n'));
        }
    }

    private static boolean allowedInXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp < 0x7F) || (cp > 0x9F && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || cp > 0xFFFF;
    }
}
