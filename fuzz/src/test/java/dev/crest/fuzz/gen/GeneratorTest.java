package dev.crest.fuzz.gen;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.spec.OpSpecs;
import dev.crest.graph.Graph;
import dev.crest.graph.GraphException;
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

    private static List<GeneratedModel> generate(int seeds, int nodes) {
        return LongStream.range(0, seeds)
                .mapToObj(seed -> Generator.generate(GeneratorSettings.defaults(seed).withNodes(nodes))).toList();
    }

    /**
     * Every model runs on the reference interpreter with the shapes it declares. The starting values may still
     * leave a domain-limited operator outside its domain (an integer Div by a difference that is zero): choosing
     * values that avoid it is the input search's job, so such a model may fail there, and only there, if it is rare.
     */
    @Test
    void generatedModelsRunWithTheShapesTheyDeclare() {
        List<GeneratedModel> models = new ArrayList<>(generate(SEEDS, 10));
        models.addAll(generate(10, 20));
        int complete = 0;
        int outOfDomain = 0;
        for (GeneratedModel generated : models) {
            Execution run;
            try {
                run = Interpreter.standard().trace(generated.model(), generated.initialInputs());
            } catch (GraphException e) {
                assertThat(generated.nodes()).as(e.getMessage()).anyMatch(n -> n.spec().domainLimited()
                        && e.getMessage().startsWith("node '" + n.name() + "'"));
                outOfDomain++;
                continue;
            }
            assertRunsAsDeclared(generated, run);
            if (generated.nodes().size() == generated.settings().nodes()) {
                complete++;
            }
        }
        assertThat(outOfDomain).as("models whose starting values leave an operator's domain").isLessThanOrEqualTo(
                models.size() / 10);
        assertThat(complete).as("models with all requested nodes").isGreaterThanOrEqualTo(models.size() * 8 / 10);
    }

    private static void assertRunsAsDeclared(GeneratedModel generated, Execution run) {
        Graph graph = generated.model().graph();
        assertThat(generated.nodes()).hasSizeBetween(1, generated.settings().nodes());
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
        GeneratorSettings settings = GeneratorSettings.defaults(7);
        byte[] first = OnnxModels.toBytes(Generator.generate(settings).model());
        GeneratedModel twice = Generator.generate(settings);
        assertThat(OnnxModels.toBytes(twice.model())).isEqualTo(first);
        assertThat(GirJson.toJson(twice)).isEqualTo(GirJson.toJson(Generator.generate(settings)));
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
        for (GeneratedModel generated : generate(SEEDS, 10)) {
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
        List<Long> kernelDims = new ArrayList<>();
        int constants = 0;
        for (GeneratedModel generated : generate(SEEDS, 10)) {
            for (Node node : generated.model().graph().nodes()) {
                if (node.attributes().has("kernel_shape")) {
                    for (long k : node.attributes().getLongs("kernel_shape")) {
                        kernelDims.add(k);
                    }
                }
            }
            for (GeneratedValue value : generated.values().values()) {
                if (value.role() == ValueRole.CONSTANT) {
                    constants++;
                    assertThat(generated.model().graph().initializers()).containsKey(value.name());
                    assertThat(generated.searchable()).doesNotContain(value.name());
                }
            }
        }
        assertThat(kernelDims).as("solved kernel sizes of convolutions and poolings").isNotEmpty()
                .anyMatch(k -> k > 1);
        assertThat(constants).as("constant inputs computed by specs").isPositive();
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
        assertThatThrownBy(() -> GeneratorSettings.defaults(1).withOpset(6)).isInstanceOf(FuzzException.class)
                .hasMessageContaining("--opset");
        assertThatThrownBy(() -> GeneratorSettings.defaults(1).withOperators(List.of()))
                .isInstanceOf(FuzzException.class);
    }
}
