package dev.crest.fuzz.gen;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.spec.OpSpecs;
import dev.crest.graph.Graph;
import dev.crest.graph.Node;
import dev.crest.graph.ValueInfo;
import dev.crest.graph.interp.Execution;
import dev.crest.graph.interp.Interpreter;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratorTest {
    private static final int SEEDS = 30;

    private static List<GeneratedModel> generate(boolean withTestSpecs, int seeds) {
        return LongStream.range(0, seeds).mapToObj(seed -> {
            GeneratorSettings settings = GeneratorSettings.defaults(seed);
            return Generator.generate(withTestSpecs ? settings.withOperators(TestSpecs.withTestSpecs()) : settings);
        }).toList();
    }

    @Test
    void generatedModelsRunWithTheShapesTheyDeclare() {
        List<GeneratedModel> models = new ArrayList<>(generate(false, SEEDS));
        models.addAll(generate(true, SEEDS));
        int complete = 0;
        for (GeneratedModel generated : models) {
            assertRunsAsDeclared(generated);
            if (generated.nodes().size() == generated.settings().nodes()) {
                complete++;
            }
        }
        assertThat(complete).as("models with all requested nodes").isGreaterThanOrEqualTo(models.size() * 9 / 10);
    }

    private static void assertRunsAsDeclared(GeneratedModel generated) {
        Graph graph = generated.model().graph();
        assertThat(generated.nodes()).hasSizeBetween(1, generated.settings().nodes());
        Execution run = Interpreter.standard().trace(generated.model(), generated.initialInputs());
        for (GeneratedValue value : generated.values().values()) {
            Tensor computed = run.values().get(value.name());
            assertThat(computed).as("value %s of seed %d", value.name(), generated.seed()).isNotNull();
            assertThat(computed.dtype()).isEqualTo(value.type().dtype());
            assertThat(computed.shape()).as("shape of %s, seed %d", value.name(), generated.seed())
                    .isEqualTo(value.type().toShape());
            Shape shape = computed.shape();
            for (int d : shape.dims()) {
                assertThat(d).isGreaterThanOrEqualTo(1);
            }
            assertThat((long) shape.size()).isLessThanOrEqualTo(GeneratorSettings.DEFAULT_MAX_ELEMENTS);
        }
        Set<String> consumed = new HashSet<>();
        graph.nodes().forEach(n -> consumed.addAll(n.inputs()));
        List<String> leaves = generated.values().values().stream()
                .filter(v -> v.role() == ValueRole.NODE_OUTPUT && !consumed.contains(v.name()))
                .map(GeneratedValue::name).toList();
        assertThat(graph.outputs().stream().map(ValueInfo::name).toList()).containsExactlyElementsOf(leaves);
        assertThat(graph.valueInfos()).hasSize(generated.values().size() - leaves.size()
                - graph.inputs().size() - graph.initializers().size());
        assertThat(generated.searchable()).containsExactlyInAnyOrderElementsOf(generated.values().values().stream()
                .filter(v -> v.role() == ValueRole.INPUT || v.role() == ValueRole.WEIGHT)
                .map(GeneratedValue::name).toList());
        assertThat(graph.inputs()).isNotEmpty();
    }

    @Test
    void equalSeedsGiveEqualBytesAndOtherSeedsOtherModels() {
        GeneratorSettings settings = GeneratorSettings.defaults(7).withOperators(TestSpecs.withTestSpecs());
        byte[] first = OnnxModels.toBytes(Generator.generate(settings).model());
        byte[] again = OnnxModels.toBytes(Generator.generate(settings).model());
        assertThat(again).isEqualTo(first);
        Set<String> distinct = new HashSet<>();
        for (long seed = 0; seed < 5; seed++) {
            distinct.add(java.util.Base64.getEncoder().encodeToString(
                    OnnxModels.toBytes(Generator.generate(settings.withSeed(seed)).model())));
        }
        assertThat(distinct).hasSize(5);
    }

    @Test
    void binningGivesDimensionsOtherThanOne() {
        long binnedLarge = 0;
        long plainLarge = 0;
        long total = 0;
        for (long seed = 0; seed < 20; seed++) {
            GeneratorSettings settings = GeneratorSettings.defaults(seed);
            binnedLarge += dimsAbove(Generator.generate(settings), 1);
            plainLarge += dimsAbove(Generator.generate(settings.withBinning(false)), 1);
            total++;
        }
        assertThat(binnedLarge).as("placeholder dims above 1 with binning, over %d models", total)
                .isGreaterThan(plainLarge);
        assertThat(binnedLarge).isGreaterThanOrEqualTo(total);
    }

    private static long dimsAbove(GeneratedModel generated, int size) {
        return generated.values().values().stream().filter(v -> v.role().searchable())
                .flatMap(v -> v.type().dims().stream()).filter(d -> d.size() > size).count();
    }

    @Test
    void backwardInsertionReusesExistingValues() {
        List<GeneratedNode> reusing = new ArrayList<>();
        boolean forward = false;
        for (GeneratedModel generated : generate(false, SEEDS)) {
            for (GeneratedNode node : generated.nodes()) {
                forward |= node.insertion() == Insertion.FORWARD;
                if (node.insertion() == Insertion.BACKWARD && !node.reusedInputs().isEmpty()) {
                    reusing.add(node);
                }
            }
        }
        assertThat(forward).isTrue();
        assertThat(reusing).isNotEmpty();
        for (GeneratedNode node : reusing) {
            assertThat(node.node().inputs()).containsAll(node.reusedInputs());
        }
    }

    @Test
    void solvedAttributesAndConstantsReachTheModel() {
        List<Node> pools = new ArrayList<>();
        List<Node> reshapes = new ArrayList<>();
        for (GeneratedModel generated : generate(true, SEEDS)) {
            for (Node node : generated.model().graph().nodes()) {
                (node.opType().equals("AveragePool") ? pools : node.opType().equals("Reshape") ? reshapes
                        : new ArrayList<Node>()).add(node);
            }
            generated.values().values().stream().filter(v -> v.role() == ValueRole.CONSTANT)
                    .forEach(v -> assertThat(generated.model().graph().initializers()).containsKey(v.name()));
        }
        assertThat(pools).isNotEmpty();
        assertThat(reshapes).isNotEmpty();
        assertThat(pools.stream().mapToLong(n -> n.attributes().getLongs("kernel_shape")[0]).max().orElse(0))
                .as("binned kernel sizes").isGreaterThan(1);
    }

    @Test
    void onlyTheAllowedOperatorsAppear() {
        GeneratorSettings settings = GeneratorSettings.defaults(3)
                .withOperators(List.copyOf(OpSpecs.standard().only(List.of("Relu")).all()));
        GeneratedModel generated = Generator.generate(settings);
        assertThat(generated.nodes()).hasSize(10).allMatch(n -> n.opType().equals("Relu"));
        assertThat(generated.model().defaultOpset()).isEqualTo(17);
        assertThat(generated.model().irVersion()).isEqualTo(8);
    }

    @Test
    void rejectsSettingsAUserCanFix() {
        assertThatThrownBy(() -> GeneratorSettings.defaults(1).withNodes(0)).isInstanceOf(FuzzException.class)
                .hasMessageContaining("--nodes");
        assertThatThrownBy(() -> GeneratorSettings.defaults(1).withOpset(12)).isInstanceOf(FuzzException.class)
                .hasMessageContaining("--opset");
        assertThatThrownBy(() -> GeneratorSettings.defaults(1).withOperators(List.of()))
                .isInstanceOf(FuzzException.class);
    }
}
