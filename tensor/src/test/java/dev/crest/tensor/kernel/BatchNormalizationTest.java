package dev.crest.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BatchNormalizationTest {
    private static final KernelRegistry REGISTRY = KernelRegistry.standard();

    private static Tensor vector(double... values) {
        return Tensor.ofDoubles(Shape.of(values.length), values);
    }

    @Test
    void normalizesEachChannel() {
        // Channel 0: mean 1, var 4 -> (x-1)/2·3 + 1; channel 1: mean 0, var 1 -> x·(-1) + 0.5. epsilon 0.
        Tensor x = Tensor.ofDoubles(Shape.of(2, 2, 2), 1, 3, 0, 2, 5, -1, 4, 1);
        Tensor y = REGISTRY.run1("BatchNormalization", Attributes.builder().put("epsilon", 0.0).build(), x,
                vector(3, -1), vector(1, 0.5), vector(1, 0), vector(4, 1));
        assertThat(y.toDoubleArray()).containsExactly(1, 4, 0.5, -1.5, 7, -2, -3.5, -0.5);
        assertThat(REGISTRY.get("BatchNormalization").sinceVersion()).isEqualTo(15);
    }

    @Test
    void defaultEpsilonAndMixedDTypes() {
        Tensor x = Tensor.ofFloats(Shape.of(1, 1), 2f);
        Tensor y = REGISTRY.run1("BatchNormalization", Attributes.empty(), x, vector(1), vector(0), vector(0),
                vector(1));
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(y.getDouble(0)).isEqualTo((double) (float) (2 / Math.sqrt(1 + 1e-5)));
        Tensor half = REGISTRY.run1("BatchNormalization", Attributes.empty(), x.cast(DType.FLOAT16),
                vector(1), vector(0), vector(0), vector(1));
        assertThat(half.dtype()).isEqualTo(DType.FLOAT16);
        assertThat(half.getDouble(0)).isCloseTo(2, Offset.offset(1e-3));
    }

    @Test
    void rejectsTrainingModeAndMismatchedStatistics() {
        Tensor x = Tensor.ofDoubles(Shape.of(1, 2), 1, 2);
        assertThatThrownBy(() -> REGISTRY.run1("BatchNormalization",
                Attributes.builder().put("training_mode", 1L).build(), x, vector(1, 1), vector(0, 0), vector(0, 0),
                vector(1, 1)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("training_mode=1 is not supported");
        assertThatThrownBy(() -> REGISTRY.run1("BatchNormalization", Attributes.empty(), x, vector(1), vector(0, 0),
                vector(0, 0), vector(1, 1)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("input scale must be 1-D with 2 values");
        assertThatThrownBy(() -> REGISTRY.run1("BatchNormalization", Attributes.empty(), vector(1, 2), vector(1),
                vector(0), vector(0), vector(1)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("rank at least 2");
        assertThatThrownBy(() -> REGISTRY.run1("BatchNormalization", Attributes.empty(), x, vector(1, 1),
                vector(0, 0), vector(0, 0)))
                .isInstanceOf(TensorException.class)
                .hasMessageContaining("expects 5 inputs, got 4");
    }
}
