package dev.crest.fuzz.draw;

import dev.crest.fuzz.draw.ModelDiagram.Box;
import dev.crest.fuzz.draw.ModelDiagram.Edge;
import dev.crest.graph.Model;

/**
 * Writes a model's graph in Graphviz's DOT language (the same boxes and edges as {@link GraphSvg}), for users who
 * have Graphviz and want its layouts; Crest itself never runs {@code dot}.
 */
public final class GraphDot {
    private GraphDot() {
    }

    /** The DOT document of {@code model}'s graph. */
    public static String render(Model model) {
        ModelDiagram diagram = ModelDiagram.of(model);
        StringBuilder dot = new StringBuilder("digraph model {\n");
        dot.append("  rankdir=TB;\n  node [fontname=\"monospace\", fontsize=10];\n");
        for (Box box : diagram.boxes()) {
            String shape = box.kind() == ModelDiagram.Kind.OPERATOR ? "box" : "ellipse";
            String style = switch (box.kind()) {
                case INPUT -> "filled\", fillcolor=\"#dbeafe";
                case INITIALIZER -> "filled\", fillcolor=\"#f3f4f6";
                case OPERATOR -> "filled\", fillcolor=\"#fef3c7";
                case OUTPUT -> "filled\", fillcolor=\"#dcfce7";
            };
            dot.append("  ").append(quote(box.id())).append(" [shape=").append(shape).append(", style=\"")
                    .append(style).append("\", label=").append(quote(box.title() + "\n" + box.detail()))
                    .append("];\n");
        }
        for (Edge edge : diagram.edges()) {
            dot.append("  ").append(quote(edge.from())).append(" -> ").append(quote(edge.to()))
                    .append(" [tooltip=").append(quote(edge.value())).append("];\n");
        }
        return dot.append("}\n").toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
