package dev.crest.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphTest {
    private static final TensorType F2 = TensorType.of(DType.FLOAT32, 2);

    @Test
    void keepsGivenOrderWhenAlreadyTopological() {
        Graph g = Graph.builder().input("x", F2)
                .node(Node.of("Relu", List.of("x"), List.of("a")))
                .node(Node.of("Neg", List.of("x"), List.of("b")))
                .node(Node.of("Add", List.of("a", "b"), List.of("y")))
                .output("y", F2).build();
        assertThat(g.nodes()).extracting(Node::opType).containsExactly("Relu", "Neg", "Add");
    }

    @Test
    void sortsNodesGivenOutOfOrder() {
        Graph g = Graph.builder().input("x", F2)
                .node(Node.of("Add", List.of("a", "b"), List.of("y")))
                .node(Node.of("Neg", List.of("a"), List.of("b")))
                .node(Node.of("Relu", List.of("x"), List.of("a")))
                .output("y", F2).build();
        assertThat(g.nodes()).extracting(Node::opType).containsExactly("Relu", "Neg", "Add");
    }

    @Test
    void rejectsCycles() {
        Graph.Builder b = Graph.builder().input("x", F2)
                .node(Node.of("Add", List.of("x", "b"), List.of("a")))
                .node(Node.of("Neg", List.of("a"), List.of("b")))
                .output("a", F2);
        assertThatThrownBy(b::build).isInstanceOf(GraphException.class)
                .hasMessage("graph has a cycle among nodes 'a' (Add), 'b' (Neg)");
    }

    @Test
    void rejectsUndefinedValues() {
        Graph.Builder b = Graph.builder().input("x", F2).node(Node.of("Add", List.of("x", "w"), List.of("y")))
                .output("y", F2);
        assertThatThrownBy(b::build).isInstanceOf(GraphException.class)
                .hasMessage("node 'y' (Add) uses value 'w', which no graph input, initializer or node defines");
    }

    @Test
    void rejectsValuesDefinedTwice() {
        Graph.Builder b = Graph.builder().input("x", F2)
                .node(Node.of("Relu", List.of("x"), List.of("y")))
                .node(Node.builder("Neg").name("n2").inputs("x").outputs("y").build())
                .output("y", F2);
        assertThatThrownBy(b::build).isInstanceOf(GraphException.class)
                .hasMessage("value 'y' is defined twice: by node 'y' (Relu) and by node 'n2' (Neg)");
        Graph.Builder c = Graph.builder().input("x", F2).node(Node.of("Relu", List.of("x"), List.of("x")))
                .output("x", F2);
        assertThatThrownBy(c::build).hasMessageContaining("value 'x' is defined twice: by graph input");
    }

    @Test
    void rejectsUndefinedOutputAndDuplicateInput() {
        assertThatThrownBy(() -> Graph.builder().input("x", F2).output("y", F2).build())
                .isInstanceOf(GraphException.class).hasMessageContaining("graph output 'y' is not defined");
        assertThatThrownBy(() -> Graph.builder().input("x", F2).input("x", F2).output("x", F2).build())
                .isInstanceOf(GraphException.class).hasMessage("graph input 'x' is declared twice");
    }

    @Test
    void initializerMayServeAsInputDefaultButMustMatchItsType() {
        Graph g = Graph.builder().input("x", F2).input("w", F2)
                .initializer("w", Tensor.ofFloats(Shape.of(2), 1, 2))
                .node(Node.of("Add", List.of("x", "w"), List.of("y"))).output("y", F2).build();
        assertThat(g.requiredInputs()).extracting(ValueInfo::name).containsExactly("x");
        assertThatThrownBy(() -> Graph.builder().input("w", F2).initializer("w", Tensor.ofLongs(Shape.of(2), 1, 2))
                .output("w", F2).build()).isInstanceOf(GraphException.class)
                .hasMessage("initializer 'w' is int64 but the graph input of that name is declared float32[2]");
    }

    @Test
    void omittedOptionalInputsAreNotUses() {
        Graph g = Graph.builder().input("x", F2)
                .node(Node.builder("Clip").inputs("x", "", "").outputs("y").build()).output("y", F2).build();
        assertThat(g.nodes().get(0).inputs()).containsExactly("x", "", "");
    }

    @Test
    void symbolicDimensionsBindConsistently() {
        TensorType t = TensorType.of(DType.FLOAT32, Dim.symbolic("N"), Dim.of(3), Dim.unknown());
        assertThat(t).hasToString("float32[N, 3, ?]");
        Map<String, Integer> bindings = new HashMap<>();
        assertThat(t.mismatch(Shape.of(2, 3, 7), bindings)).isNull();
        assertThat(bindings).containsEntry("N", 2);
        assertThat(t.mismatch(Shape.of(4, 3, 7), bindings)).isEqualTo("dimension 0 ('N') is 4 but 'N' is already 2");
        assertThat(t.mismatch(Shape.of(2, 4, 7), new HashMap<>())).isEqualTo("dimension 1 is 4 instead of 3");
        assertThat(t.mismatch(Shape.of(2, 3), new HashMap<>())).isEqualTo("rank 2 instead of 3");
        assertThat(TensorType.unranked(DType.INT64).mismatch(Shape.of(5, 5), bindings)).isNull();
    }

    @Test
    void equalityCoversInitializerValues() {
        Graph a = Graph.builder().initializer("c", Tensor.ofFloats(Shape.of(1), 1)).output("c", TensorType.of(DType.FLOAT32, 1)).build();
        Graph b = Graph.builder().initializer("c", Tensor.ofFloats(Shape.of(1), 1)).output("c", TensorType.of(DType.FLOAT32, 1)).build();
        Graph c = Graph.builder().initializer("c", Tensor.ofFloats(Shape.of(1), 2)).output("c", TensorType.of(DType.FLOAT32, 1)).build();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(a.toBuilder().build()).isEqualTo(a);
    }

    @Test
    void messagesStayOnOneLineAndCarryNoTerminalEscapes() {
        Graph.Builder b = Graph.builder().input("x", F2).output("evil\n\u001b[31mname\t", F2);
        assertThatThrownBy(b::build).isInstanceOf(GraphException.class)
                .hasMessage("graph output 'evil\\n\\u001b[31mname\\t' is not defined by any graph input, initializer or node");
    }
}
