package dev.crest.fuzz.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.interp.Interpreter;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeShrinkerTest {
    private static final Interpreter REFERENCE = Interpreter.standard();

    /** Accepts what the reference runs; output types are left unknown, as the candidate tester does. */
    private static boolean runs(Candidate c) {
        Graph g = c.model().graph();
        Graph.Builder b = g.toBuilder().clearOutputs();
        g.outputs().forEach(o -> b.output(o.name(), TensorType.unranked(o.type().dtype())));
        try {
            REFERENCE.run(c.model().toBuilder().graph(b.build()).build(), c.inputs());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Tensor ones(Shape shape) {
        return Tensor.full(DType.FLOAT32, shape, 1);
    }

    @Test
    void shrinksTiedDimensionsTogetherUntilNothingSmallerRuns() {
        // Conv of x[1,3,8,8] with W[4,3,3,3]. By hand: 8→1 cannot hold a 3×3 kernel, 8→4 can; then 4→1 and 4→2
        // are too small for the kernel, 3→1 (channels and kernel at once) runs; then 4→1 (output channels and
        // spatial size) runs, leaving x[1,1,1,1] and W[1,1,1,1].
        Graph graph = Graph.builder()
                .input("x", TensorType.of(DType.FLOAT32, 1, 3, 8, 8))
                .initializer("w", ones(Shape.of(4, 3, 3, 3)))
                .node(Node.of("Conv", List.of("x", "w"), List.of("y")))
                .output("y", TensorType.of(DType.FLOAT32, 1, 4, 6, 6))
                .build();
        Candidate start = new Candidate(Model.of(graph), Map.of("x", ones(Shape.of(1, 3, 8, 8))));
        List<Candidate> accepted = new ArrayList<>();
        ShapeShrinker shrinker = new ShapeShrinker(c -> {
            boolean ok = runs(c);
            if (ok) {
                accepted.add(c);
            }
            return ok;
        }, () -> false);

        Candidate result = shrinker.shrink(start);

        assertThat(accepted).hasSize(3);
        assertThat(result.inputs().get("x").shape()).isEqualTo(Shape.of(1, 1, 1, 1));
        assertThat(result.model().graph().initializers().get("w").shape()).isEqualTo(Shape.of(1, 1, 1, 1));
        assertThat(result.model().graph().inputs().get(0).type()).isEqualTo(TensorType.of(DType.FLOAT32, 1, 1, 1, 1));
        assertThat(result.elements()).isEqualTo(2);
        assertThat(shrinker.cutShort()).isFalse();
    }

    @Test
    void leavesIntegerInitializersAlone() {
        // Reshape's target shape is an int64 initializer: an operator constant, not data to cut.
        Graph graph = Graph.builder()
                .input("x", TensorType.of(DType.FLOAT32, 2, 3))
                .initializer("shape", Tensor.fromLongs(DType.INT64, Shape.of(2), new long[] {3, 2}))
                .node(Node.of("Reshape", List.of("x", "shape"), List.of("y")))
                .output("y", TensorType.of(DType.FLOAT32, 3, 2))
                .build();
        Candidate start = new Candidate(Model.of(graph), Map.of("x", ones(Shape.of(2, 3))));

        Candidate result = new ShapeShrinker(ShapeShrinkerTest::runs, () -> false).shrink(start);

        // No smaller x has 6 elements, so nothing runs and nothing changes.
        assertThat(result).isSameAs(start);
        assertThat(result.model().graph().initializers().get("shape").toLongArray()).containsExactly(3, 2);
    }
}
