package dev.crest.fuzz.draw;

import dev.crest.fuzz.draw.ModelDiagram.Box;
import dev.crest.fuzz.draw.ModelDiagram.Edge;
import dev.crest.graph.Model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a model as a standalone SVG image: a layered top-down DAG of labelled boxes (operator type and output
 * types; inputs, initializers and outputs in their own colours) joined by arrows. Needs no Graphviz; the HTML
 * report embeds the same drawing for findings.
 */
public final class GraphSvg {
    private static final int CHAR_WIDTH = 7;
    private static final int BOX_HEIGHT = 38;
    private static final int MIN_BOX_WIDTH = 60;
    private static final int GAP_X = 24;
    private static final int GAP_Y = 46;
    private static final int MARGIN = 16;
    private static final String HIGHLIGHT_FILL = "#fee2e2";
    private static final String HIGHLIGHT_STROKE = "#dc2626";

    private GraphSvg() {
    }

    /** The SVG document of {@code model}'s graph. */
    public static String render(Model model) {
        return render(ModelDiagram.of(model));
    }

    /**
     * The SVG document of {@code model}'s graph with the node at {@code nodeIndex} (in the graph's topological
     * order) outlined in red, e.g. the node a finding was localized to.
     */
    public static String render(Model model, int nodeIndex) {
        return render(ModelDiagram.of(model), ModelDiagram.nodeBoxId(nodeIndex));
    }

    /** The SVG document of a laid-out diagram. */
    public static String render(ModelDiagram diagram) {
        return render(diagram, "");
    }

    private static String render(ModelDiagram diagram, String highlightedBox) {
        Map<String, double[]> frames = new HashMap<>(); // id → {x, y, width, height}
        int layers = diagram.layerCount();
        double[] rowWidths = new double[Math.max(layers, 1)];
        for (Box box : diagram.boxes()) {
            rowWidths[box.layer()] += width(box) + (rowWidths[box.layer()] > 0 ? GAP_X : 0);
        }
        double canvasWidth = 2 * MARGIN;
        for (double w : rowWidths) {
            canvasWidth = Math.max(canvasWidth, w + 2 * MARGIN);
        }
        double[] cursor = new double[rowWidths.length];
        for (int l = 0; l < rowWidths.length; l++) {
            cursor[l] = (canvasWidth - rowWidths[l]) / 2;
        }
        for (Box box : diagram.boxes()) {
            double w = width(box);
            double y = MARGIN + box.layer() * (BOX_HEIGHT + GAP_Y);
            frames.put(box.id(), new double[] {cursor[box.layer()], y, w, BOX_HEIGHT});
            cursor[box.layer()] += w + GAP_X;
        }
        double canvasHeight = 2 * MARGIN + Math.max(layers, 1) * (BOX_HEIGHT + GAP_Y) - GAP_Y;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\" font-family=\"monospace\" font-size=\"11\">%n",
                canvasWidth, canvasHeight, canvasWidth, canvasHeight));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/>"
                + "</marker></defs>\n");
        Map<String, Integer> incoming = new HashMap<>();
        diagram.edges().forEach(e -> incoming.merge(e.to(), 1, Integer::sum));
        Map<String, Integer> arrived = new HashMap<>();
        for (Edge edge : diagram.edges()) {
            double[] from = frames.get(edge.from());
            double[] to = frames.get(edge.to());
            // A node's inputs arrive side by side, left to right in input order, so a value used twice shows twice.
            int slot = arrived.merge(edge.to(), 1, Integer::sum);
            double toX = to[0] + to[2] * slot / (incoming.get(edge.to()) + 1);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" "
                    + "stroke-width=\"1.2\" marker-end=\"url(#arrow)\"><title>%s</title></line>%n",
                    from[0] + from[2] / 2, from[1] + from[3], toX, to[1], escape(edge.value())));
        }
        for (Box box : diagram.boxes()) {
            double[] f = frames.get(box.id());
            String[] style = style(box.kind());
            boolean highlighted = box.id().equals(highlightedBox);
            svg.append(String.format(Locale.ROOT, "<g%s><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "rx=\"%s\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
                    highlighted ? " class=\"localized\"" : "", f[0], f[1], f[2], f[3], style[2],
                    highlighted ? HIGHLIGHT_FILL : style[0], highlighted ? HIGHLIGHT_STROKE : style[1],
                    highlighted ? "3" : "1"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                    + "font-weight=\"bold\">%s</text>%n", f[0] + f[2] / 2, f[1] + 15, escape(box.title())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text></g>%n",
                    f[0] + f[2] / 2, f[1] + 30, escape(box.detail())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double width(Box box) {
        int chars = Math.max(box.title().length(), box.detail().length());
        return Math.max(MIN_BOX_WIDTH, chars * CHAR_WIDTH + 16);
    }

    /** Fill, stroke and corner radius per kind. */
    private static String[] style(ModelDiagram.Kind kind) {
        return switch (kind) {
            case INPUT -> new String[] {"#dbeafe", "#1d4ed8", "14"};
            case INITIALIZER -> new String[] {"#f3f4f6", "#6b7280", "14"};
            case OPERATOR -> new String[] {"#fef3c7", "#b45309", "3"};
            case OUTPUT -> new String[] {"#dcfce7", "#15803d", "14"};
        };
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
