package dev.crest.fuzz.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.graph.Node;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The largest partial result an accumulation can reach, on values small enough to work out by hand. */
class AccumulationBoundTest {
    private static Tensor half(Shape shape, double... values) {
        return Tensor.fromDoubles(DType.FLOAT16, shape, values);
    }

    private static Node node(String op, Attributes attributes, String... inputs) {
        return Node.builder(op).inputs(inputs).outputs("y").attributes(attributes).build();
    }

    @Test
    void aSumIsBoundedByItsPositiveOrItsNegativeTermsWhicheverIsLarger() {
        // Positive terms add to 90000, negative ones to 60001: adding the positives first reaches 90000.
        Node sum = node("ReduceSum", Attributes.builder().put("keepdims", 0L).build(), "x");
        assertThat(AccumulationBound.of(sum, Map.of("x", half(Shape.of(4), 60000, -60000, 30000, -1))))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(90000));
    }

    @Test
    void aMeanIsBoundedPerOutputByTheSumItDivides() {
        // Axes as an attribute (opset 17): row 0's positive terms reach 80000, row 1 sums to 6.
        Node mean = node("ReduceMean", Attributes.builder().put("axes", new long[] {1}).put("keepdims", 0L).build(), "x");
        Tensor x = half(Shape.of(2, 3), 40000, 40000, -10000, 1, 2, 3);
        assertThat(AccumulationBound.of(mean, Map.of("x", x)))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(80000, 6));
        // Axes as an input (opset 18) give the same.
        Node mean18 = node("ReduceMean", Attributes.builder().put("keepdims", 0L).build(), "x", "axes");
        assertThat(AccumulationBound.of(mean18, Map.of("x", x, "axes", Tensor.ofLongs(Shape.of(1), 1))))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(80000, 6));
    }

    @Test
    void aProductIsBoundedByItsFactorsAboveOne() {
        Node prod = node("ReduceProd", Attributes.builder().put("keepdims", 0L).build(), "x");
        // The product is 0.5 · 1000 · 1000 · 0.001 ≈ 500, but multiplying the factors above 1 first reaches 1e6.
        assertThat(AccumulationBound.of(prod, Map.of("x", half(Shape.of(4), 0.5, 1000, 1000, 0.001))))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(1e6));
        // Without factors below 1 in magnitude the bound is the product's magnitude.
        assertThat(AccumulationBound.of(prod, Map.of("x", half(Shape.of(2), -2, 3))))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(6));
    }

    @Test
    void aMatMulIsBoundedByItsProductTerms() {
        // 300·300 − 300·300 = 0, but one product alone is 90000.
        Node matMul = node("MatMul", Attributes.empty(), "a", "b");
        assertThat(AccumulationBound.of(matMul, Map.of("a", half(Shape.of(1, 2), 300, -300),
                "b", half(Shape.of(2, 1), 300, 300)))).hasValueSatisfying(b -> assertThat(b).containsExactly(90000));
    }

    @Test
    void aGemmIsBoundedWithAlphaAppliedBeforeOrAfterSumming() {
        Tensor a = half(Shape.of(1, 2), 200, 200);
        Tensor b = half(Shape.of(2, 1), 200, 200);
        Tensor c = half(Shape.of(1, 1), -10000);
        // alpha 0.25: summing the products before scaling reaches 80000; scaled terms only 20000.
        Node quarter = node("Gemm", Attributes.builder().put("alpha", 0.25).build(), "a", "b", "c");
        assertThat(AccumulationBound.of(quarter, Map.of("a", a, "b", b, "c", c)))
                .hasValueSatisfying(bound -> assertThat(bound).containsExactly(80000));
        // alpha 2: the scaled terms 80000 + 80000 reach 160000, then beta·C = −10000 brings the result to 150000.
        Node twice = node("Gemm", Attributes.builder().put("alpha", 2.0).build(), "a", "b", "c");
        assertThat(AccumulationBound.of(twice, Map.of("a", a, "b", b, "c", c)))
                .hasValueSatisfying(bound -> assertThat(bound).containsExactly(160000));
        // Transposes are honoured: Aᵀ of [[200], [−200]] is [200, −200], whose products with B cancel.
        Node transposed = node("Gemm", Attributes.builder().put("transA", 1L).put("beta", 0.0).build(), "a", "b",
                "c");
        assertThat(AccumulationBound.of(transposed, Map.of("a", half(Shape.of(2, 1), 200, -200), "b", b, "c", c)))
                .hasValueSatisfying(bound -> assertThat(bound).containsExactly(40000));
    }

    @Test
    void aConvIsBoundedPerOutputByItsProductsAndBias() {
        // Taps (100, −100) over 100, 200, 300, 400 with bias 5: positive terms 10005, 20005, 30005 and negative
        // ones 20000, 30000, 40000.
        Node conv = node("Conv", Attributes.builder().put("kernel_shape", new long[] {2}).build(), "x", "w", "b");
        assertThat(AccumulationBound.of(conv, Map.of("x", half(Shape.of(1, 1, 4), 100, 200, 300, 400),
                "w", half(Shape.of(1, 1, 2), 100, -100), "b", half(Shape.of(1), 5))))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(20000, 30000, 40000));
    }

    @Test
    void anAveragePoolIsBoundedByItsWindowSums() {
        // Kernel 3, stride 2, one pad each side over 5 elements: windows [pad, x0, x1], [x1, x2, x3], [x3, x4, pad].
        Node pool = node("AveragePool", Attributes.builder().put("kernel_shape", new long[] {3}).put("strides", new long[] {2})
                .put("pads", 1L, 1L).build(), "x");
        assertThat(AccumulationBound.of(pool, Map.of("x", half(Shape.of(1, 1, 5), 30000, 30000, 30000, -5, 7))))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(60000, 60000, 7));
        // ceil_mode adds a last window [x4] that runs past the end; two channels are bounded apart.
        Node ceil = node("AveragePool", Attributes.builder().put("kernel_shape", new long[] {2}).put("strides", new long[] {2})
                .put("ceil_mode", 1L).build(), "x");
        assertThat(AccumulationBound.of(ceil, Map.of("x", half(Shape.of(1, 2, 5), 1, 2, 3, 4, 40000,
                -1, -2, -3, -4, -5)))).hasValueSatisfying(b -> assertThat(b).containsExactly(3, 7, 40000, 3, 7, 5));
    }

    @Test
    void anOperatorThatDoesNotAccumulateHasNoBound() {
        assertThat(AccumulationBound.of(node("Relu", Attributes.empty(), "x"), Map.of("x", half(Shape.of(1), 1))))
                .isEmpty();
        assertThat(AccumulationBound.of(node("ReduceSum", Attributes.empty(), "x"), Map.of())).isEmpty();
    }
}
