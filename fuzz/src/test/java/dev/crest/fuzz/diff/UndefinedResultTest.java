package dev.crest.fuzz.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.graph.Node;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Casts and integer powers whose results ONNX leaves undefined, and their defined neighbours. */
class UndefinedResultTest {
    private static Node cast(DType to) {
        return Node.builder("Cast").inputs("x").outputs("y")
                .attributes(Attributes.builder().put("to", (long) to.onnxCode()).build()).build();
    }

    private static Map<String, Tensor> floats(double... values) {
        return Map.of("x", Tensor.fromDoubles(DType.FLOAT32, Shape.of(values.length), values));
    }

    @Test
    void aCastTruncatingIntoTheTargetRangeIsDefined() {
        assertThat(UndefinedResult.of(cast(DType.INT8), floats(-128.9, 127.9, 0))).isEmpty();
        assertThat(UndefinedResult.of(cast(DType.UINT8), floats(-0.9, 255.5))).isEmpty();
        assertThat(UndefinedResult.of(cast(DType.BOOL), floats(Double.NaN, 1e30))).isEmpty();
    }

    @Test
    void aCastOfAnOutOfRangeOrNonFiniteValueIsUndefined() {
        assertThat(UndefinedResult.of(cast(DType.INT8), floats(1, 128))).hasValueSatisfying(
                why -> assertThat(why).contains("Cast of 128.0 from float32 to int8"));
        assertThat(UndefinedResult.of(cast(DType.UINT8), floats(-1))).isPresent();
        assertThat(UndefinedResult.of(cast(DType.INT32), floats(Double.NaN))).isPresent();
        assertThat(UndefinedResult.of(cast(DType.INT16), floats(Double.POSITIVE_INFINITY))).isPresent();
    }

    @Test
    void anIntegerPowIsUndefinedOnlyWhereItsExactResultOverflowsItsType() {
        Node pow = Node.builder("Pow").inputs("b", "e").outputs("y").build();
        Tensor bases = Tensor.fromDoubles(DType.INT32, Shape.of(2, 1), new double[] {2, 3});
        Tensor fits = Tensor.fromDoubles(DType.INT32, Shape.of(1, 2), new double[] {10, 19});
        Tensor tooLarge = Tensor.fromDoubles(DType.INT32, Shape.of(1, 2), new double[] {10, 20});
        // Broadcast [2,1] ^ [1,2]: 3^19 = 1,162,261,467 fits int32, 3^20 = 3,486,784,401 does not.
        assertThat(UndefinedResult.of(pow, Map.of("b", bases, "e", fits,
                "y", Tensor.zeros(DType.INT32, Shape.of(2, 2))))).isEmpty();
        assertThat(UndefinedResult.of(pow, Map.of("b", bases, "e", tooLarge,
                "y", Tensor.zeros(DType.INT32, Shape.of(2, 2))))).hasValueSatisfying(
                        why -> assertThat(why).contains("overflows int32"));
    }
}
