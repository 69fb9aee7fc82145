package dev.crest.graph;

/**
 * The graph module's user-facing error: an invalid graph, an unreadable or malformed ONNX file, an input that
 * does not fit the model, a node whose kernel failed. Its message is one line, fit to be shown on a terminal.
 */
public class GraphException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GraphException(String message) {
        super(message);
    }

    public GraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
