package dev.crest.fuzz.draw;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GraphDrawingTest {
    /** x → Relu → a; a, w → Add → b; a, b → Mul → c; outputs b and c. */
    private static Model diamond() {
        TensorType type = TensorType.of(DType.FLOAT32, 2, 3);
        Graph graph = Graph.builder().input("x", type)
                .initializer("w", Tensor.full(DType.FLOAT32, Shape.of(2, 3), 1))
                .node(Node.builder("Relu").name("relu").inputs("x").outputs("a").build())
                .node(Node.builder("Add").name("add").inputs("a", "w").outputs("b").build())
                .node(Node.builder("Mul").name("mul").inputs("a", "b").outputs("c").build())
                .output("b", type).output("c", type).valueInfo(dev.crest.graph.ValueInfo.of("a", type)).build();
        return Model.of(graph);
    }

    @Test
    void layersFollowTheLongestPathFromTheInputs() {
        ModelDiagram diagram = ModelDiagram.of(diamond());
        Map<String, ModelDiagram.Box> byTitle = diagram.boxes().stream()
                .collect(Collectors.toMap(b -> b.kind() + ":" + b.title(), Function.identity()));
        assertThat(byTitle.get("INPUT:x").layer()).isZero();
        assertThat(byTitle.get("OPERATOR:Relu").layer()).isEqualTo(1);
        assertThat(byTitle.get("INITIALIZER:w").layer()).isEqualTo(1); // just above its consumer, Add
        assertThat(byTitle.get("OPERATOR:Add").layer()).isEqualTo(2);
        assertThat(byTitle.get("OPERATOR:Mul").layer()).isEqualTo(3);
        assertThat(byTitle.get("OUTPUT:b").layer()).isEqualTo(3);
        assertThat(byTitle.get("OUTPUT:c").layer()).isEqualTo(4);
        assertThat(byTitle.get("OPERATOR:Add").detail()).isEqualTo("float32[2, 3]");
        Map<String, Integer> layerOf = diagram.boxes().stream()
                .collect(Collectors.toMap(ModelDiagram.Box::id, ModelDiagram.Box::layer));
        assertThat(diagram.edges()).hasSize(7).allSatisfy(e ->
                assertThat(layerOf.get(e.from())).isLessThan(layerOf.get(e.to())));
    }

    @Test
    void svgIsWellFormedWithOneBoxPerDiagramBoxAndOneArrowPerEdge() throws Exception {
        String svg = GraphSvg.render(diamond());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(7);
        assertThat(doc.getElementsByTagName("line").getLength()).isEqualTo(7);
        assertThat(svg).contains(">Relu<", ">Add<", ">Mul<", ">float32[2, 3]<");
    }

    @Test
    void dotListsEveryBoxAndEdge() {
        String dot = GraphDot.render(diamond());
        assertThat(dot).startsWith("digraph model {").endsWith("}\n");
        assertThat(dot.split(" -> ", -1)).hasSize(8);
        assertThat(dot).contains("\"node:0\" [shape=box", "label=\"Relu\\nfloat32[2, 3]\"");
    }
}
