package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeKernelsRegistrationTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    @Test
    void registersEachOperatorWithTheVersionItFollows() {
        Map<String, Integer> expected = Map.ofEntries(
                Map.entry("Reshape", 19), Map.entry("Flatten", 13), Map.entry("Squeeze", 13),
                Map.entry("Unsqueeze", 13), Map.entry("Transpose", 13), Map.entry("Expand", 13),
                Map.entry("Tile", 13), Map.entry("Concat", 13), Map.entry("Slice", 13), Map.entry("Gather", 13),
                Map.entry("Trilu", 14), Map.entry("Pad", 19), Map.entry("ReduceSum", 13),
                Map.entry("ReduceMean", 18), Map.entry("ReduceProd", 18), Map.entry("ReduceMax", 20),
                Map.entry("ReduceMin", 20), Map.entry("ArgMax", 13), Map.entry("ArgMin", 13));
        expected.forEach((op, version) ->
                assertThat(REGISTRY.get(op).sinceVersion()).as(op).isEqualTo(version));
    }

    @Test
    void reportsWrongInputCountsWithTheOperatorName() {
        Tensor x = Tensor.ofFloats(Shape.of(2), 1, 2);
        assertThatThrownBy(() -> REGISTRY.run1("Transpose", Attributes.empty(), x, x))
                .isInstanceOf(TensorException.class).hasMessage("Transpose: expects 1 inputs, got 2");
        assertThatThrownBy(() -> REGISTRY.run1("Gather", Attributes.empty(), x))
                .hasMessage("Gather: expects 2 inputs, got 1");
        assertThatThrownBy(() -> REGISTRY.run1("Expand", Attributes.empty(), x, null))
                .hasMessage("Expand: missing required input 1 (shape)");
    }
}
