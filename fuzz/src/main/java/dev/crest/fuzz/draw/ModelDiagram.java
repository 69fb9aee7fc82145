package dev.crest.fuzz.draw;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.ValueInfo;
import dev.crest.tensor.Tensor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model as boxes in layers, ready to draw: one box per graph input, initializer, node and graph output, an edge
 * per value use, layers by longest path from the inputs (an initializer sits just above its first consumer), and
 * within a layer an order that a few barycenter sweeps chose to reduce crossings.
 */
public final class ModelDiagram {
    /** What a box stands for. */
    public enum Kind { INPUT, INITIALIZER, OPERATOR, OUTPUT }

    /**
     * One box: its identifier, kind, title (operator type or value name), detail line (types), layer and
     * position within the layer.
     */
    public record Box(String id, Kind kind, String title, String detail, int layer, int order) {
    }

    /** A value flowing from one box to another. */
    public record Edge(String from, String to, String value) {
    }

    private static final int BARYCENTER_SWEEPS = 4;

    private final List<Box> boxes;
    private final List<Edge> edges;

    private ModelDiagram(List<Box> boxes, List<Edge> edges) {
        this.boxes = List.copyOf(boxes);
        this.edges = List.copyOf(edges);
    }

    /** Boxes in layer order, then by position within the layer. */
    public List<Box> boxes() {
        return boxes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public int layerCount() {
        return boxes.stream().mapToInt(Box::layer).max().orElse(-1) + 1;
    }

    /** The identifier of the box of the node at {@code index} in the graph's topological order. */
    public static String nodeBoxId(int index) {
        return "node:" + index;
    }

    /** Lays out {@code model}'s graph. */
    public static ModelDiagram of(Model model) {
        Graph graph = model.graph();
        Map<String, TensorType> types = new HashMap<>();
        graph.inputs().forEach(v -> types.put(v.name(), v.type()));
        graph.valueInfos().forEach(v -> types.put(v.name(), v.type()));
        graph.outputs().forEach(v -> types.put(v.name(), v.type()));
        graph.initializers().forEach((name, t) -> types.put(name, TensorType.of(t.dtype(), t.shape())));

        Map<String, String> producerBox = new HashMap<>(); // value name → box id
        Map<String, Integer> layer = new LinkedHashMap<>();
        Map<String, Box> draft = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        for (ValueInfo input : graph.inputs()) {
            if (!graph.initializers().containsKey(input.name())) {
                String id = "in:" + input.name();
                draft.put(id, new Box(id, Kind.INPUT, input.name(), input.type().toString(), 0, 0));
                layer.put(id, 0);
                producerBox.put(input.name(), id);
            }
        }
        for (Map.Entry<String, Tensor> init : graph.initializers().entrySet()) {
            String id = "init:" + init.getKey();
            draft.put(id, new Box(id, Kind.INITIALIZER, init.getKey(), types.get(init.getKey()).toString(), 0, 0));
            producerBox.put(init.getKey(), id);
        }
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            String id = nodeBoxId(i);
            int nodeLayer = 1;
            for (String in : node.inputs()) {
                String from = producerBox.get(in);
                if (from != null && layer.containsKey(from)) {
                    nodeLayer = Math.max(nodeLayer, layer.get(from) + 1);
                }
            }
            layer.put(id, nodeLayer);
            List<String> outTypes = node.outputs().stream().filter(o -> !o.isEmpty())
                    .map(o -> types.containsKey(o) ? types.get(o).toString() : "?").toList();
            draft.put(id, new Box(id, Kind.OPERATOR, node.opType(), String.join(", ", outTypes), nodeLayer, 0));
            for (String in : node.inputs()) {
                if (!in.isEmpty() && producerBox.containsKey(in)) {
                    edges.add(new Edge(producerBox.get(in), id, in));
                }
            }
            node.outputs().stream().filter(o -> !o.isEmpty()).forEach(o -> producerBox.put(o, id));
        }
        for (String init : graph.initializers().keySet()) {
            String id = "init:" + init;
            int firstUse = edges.stream().filter(e -> e.from().equals(id)).mapToInt(e -> layer.get(e.to())).min()
                    .orElse(1);
            layer.put(id, firstUse - 1);
        }
        for (ValueInfo output : graph.outputs()) {
            String id = "out:" + output.name();
            String from = producerBox.get(output.name());
            int outLayer = from == null ? 1 : layer.get(from) + 1;
            layer.put(id, outLayer);
            draft.put(id, new Box(id, Kind.OUTPUT, output.name(), output.type().toString(), outLayer, 0));
            if (from != null) {
                edges.add(new Edge(from, id, output.name()));
            }
        }
        return new ModelDiagram(order(draft, layer, edges), edges);
    }

    /** Orders each layer by the mean position of each box's predecessors, a few sweeps from the top. */
    private static List<Box> order(Map<String, Box> draft, Map<String, Integer> layer, List<Edge> edges) {
        int layers = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<List<String>> rows = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            rows.add(new ArrayList<>());
        }
        draft.keySet().forEach(id -> rows.get(layer.get(id)).add(id));
        Map<String, Double> position = new HashMap<>();
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                position.put(row.get(i), (double) i);
            }
        });
        Map<String, List<String>> predecessors = new HashMap<>();
        edges.forEach(e -> predecessors.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from()));
        for (int sweep = 0; sweep < BARYCENTER_SWEEPS; sweep++) {
            for (List<String> row : rows) {
                Map<String, Double> key = new HashMap<>();
                for (String id : row) {
                    List<String> preds = predecessors.getOrDefault(id, List.of());
                    key.put(id, preds.isEmpty() ? position.get(id)
                            : preds.stream().mapToDouble(position::get).average().orElse(0));
                }
                row.sort(Comparator.comparingDouble(key::get)); // stable: ties keep the previous order
                for (int i = 0; i < row.size(); i++) {
                    position.put(row.get(i), (double) i);
                }
            }
        }
        List<Box> boxes = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            List<String> row = rows.get(l);
            for (int i = 0; i < row.size(); i++) {
                Box b = draft.get(row.get(i));
                boxes.add(new Box(b.id(), b.kind(), b.title(), b.detail(), l, i));
            }
        }
        return boxes;
    }
}
