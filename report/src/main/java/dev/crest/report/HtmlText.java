package dev.crest.report;

/** Escapes untrusted text for HTML element content and quoted attribute values. */
final class HtmlText {

    private HtmlText() {
    }

    /**
     * Escapes the five characters that can end a text run or an attribute, and replaces control
     * characters (other than tab and line breaks), which HTML forbids, with U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\t', '\n', '\r' -> null;
                default -> (c < 0x20 || (c >= 0x7F && c <= 0x9F)) ? "\uFFFD" : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
