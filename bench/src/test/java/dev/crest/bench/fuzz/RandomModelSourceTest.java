package dev.crest.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.ValueInfo;
import dev.crest.graph.interp.Interpreter;
import dev.crest.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RandomModelSourceTest {
    @Test
    void modelsHaveTheRequestedSizeAndRunOnTheInterpreter() {
        for (int nodes : new int[] {10, 20, 30}) {
            for (long seed = 0; seed < 10; seed++) {
                Model model = RandomModelSource.generate(nodes, seed).model();
                assertThat(model.graph().nodes()).hasSize(nodes);
                Map<String, Tensor> inputs = new LinkedHashMap<>();
                for (ValueInfo in : model.graph().inputs()) {
                    inputs.put(in.name(), Tensor.full(in.type().dtype(), in.type().toShape(), 0.5));
                }
                // Values may be NaN (that is what the search is for) but every node must run and type-check.
                assertThat(Interpreter.standard().run(model, inputs)).isNotEmpty();
            }
        }
    }

    @Test
    void searchableValuesAreInputsAndWeightsButNotStructuralConstants() {
        for (long seed = 0; seed < 20; seed++) {
            SearchCase c = RandomModelSource.generate(30, seed);
            Set<String> inputs = c.model().graph().inputs().stream().map(ValueInfo::name).collect(Collectors.toSet());
            assertThat(c.searchable()).containsAll(inputs);
            for (Node node : c.model().graph().nodes()) {
                if (node.opType().equals("Clip")) {
                    assertThat(c.searchable()).doesNotContain(node.inputs().get(1), node.inputs().get(2));
                }
                if (node.opType().equals("Reshape")) {
                    assertThat(c.searchable()).doesNotContain(node.inputs().get(1));
                }
            }
            c.model().graph().initializers().keySet().stream().filter(n -> n.startsWith("w"))
                    .forEach(w -> assertThat(c.searchable()).contains(w));
        }
    }

    @Test
    void equalSeedsGiveEqualModels() {
        assertThat(RandomModelSource.generate(20, 42).model()).isEqualTo(RandomModelSource.generate(20, 42).model());
        assertThat(RandomModelSource.generate(20, 42).model()).isNotEqualTo(RandomModelSource.generate(20, 43).model());
    }
}
