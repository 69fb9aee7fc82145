package dev.crest.graph;

/**
 * The graph module's user-facing error: an invalid graph, an unreadable or malformed ONNX file, an input that
 * does not fit the model, a node whose kernel failed. Its message is one line, fit to be shown on a terminal:
 * control characters (which names read from a file may contain, including terminal escape sequences) are
 * shown escaped.
 */
public class GraphException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GraphException(String message) {
        super(printable(message));
    }

    public GraphException(String message, Throwable cause) {
        super(printable(message), cause);
    }

    /** Escapes line breaks and other control characters so the text stays on one terminal line. */
    static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (!control) {
                    sb.append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else if (c == '\t') {
                    sb.append("\\t");
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return sb == null ? text : sb.toString();
    }
}
