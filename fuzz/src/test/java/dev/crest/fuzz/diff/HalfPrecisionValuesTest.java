package dev.crest.fuzz.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.ValueInfo;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which values count as computed in float16, and the tolerance they are compared with. */
class HalfPrecisionValuesTest {
    /** h = Cast<float16>(x) is exact; s = Sqrt(h) is float16 arithmetic; i = Cast<int32>(s) inherits it. */
    private static Model mixed() {
        return Model.of(Graph.builder().name("mixed")
                .input("x", TensorType.of(DType.FLOAT32, 2))
                .input("h16", TensorType.of(DType.FLOAT16, 2))
                .node(Node.builder("Cast").name("up").inputs("h16").outputs("h32")
                        .attributes(dev.crest.tensor.Attributes.builder().put("to", 1L).build()).build())
                .node(Node.builder("Add").name("add").inputs("x", "h32").outputs("f").build())
                .node(Node.builder("Sqrt").name("sqrt").inputs("h16").outputs("s").build())
                .node(Node.builder("Cast").name("down").inputs("s").outputs("i")
                        .attributes(dev.crest.tensor.Attributes.builder().put("to", 6L).build()).build())
                .valueInfo(ValueInfo.of("h32", TensorType.of(DType.FLOAT32, 2)))
                .valueInfo(ValueInfo.of("s", TensorType.of(DType.FLOAT16, 2)))
                .output("f", TensorType.of(DType.FLOAT32, 2))
                .output("i", TensorType.of(DType.INT32, 2))
                .build());
    }

    @Test
    void float16ArithmeticAndWhatIsComputedFromItCountButExactCastsDoNot() {
        assertThat(HalfPrecisionValues.of(mixed())).isEqualTo(Set.of("s", "i"));
    }

    @Test
    void float16ComputedValuesGetTheLooserPair() {
        Tensor expected = Tensor.fromDoubles(DType.FLOAT32, Shape.of(1), new double[] {1.0});
        Tensor actual = Tensor.fromDoubles(DType.FLOAT32, Shape.of(1), new double[] {1.03});
        // 0.03 > 1e-3 + 1e-2·1 but ≤ 1e-2 + 5e-2·1.
        assertThat(Comparison.of(Map.of("v", actual), Map.of("v", expected), Tolerance.DEFAULT).agrees()).isFalse();
        assertThat(Comparison.of(Map.of("v", actual), Map.of("v", expected), Tolerance.DEFAULT, Set.of("v")).agrees())
                .isTrue();
        Tensor half = Tensor.fromDoubles(DType.FLOAT16, Shape.of(1), new double[] {1.03});
        Tensor halfExpected = Tensor.fromDoubles(DType.FLOAT16, Shape.of(1), new double[] {1.0});
        assertThat(Comparison.of(Map.of("v", half), Map.of("v", halfExpected), Tolerance.DEFAULT).agrees()).isTrue();
        assertThat(Comparison.of(Map.of("v", half), Map.of("v", halfExpected),
                Tolerance.DEFAULT.withFloat16(1e-2, 1e-3)).agrees()).isFalse();
    }

    @Test
    void elementsWhereTheReferenceIsNotFiniteAreSkipped() {
        Tensor got = Tensor.fromDoubles(DType.FLOAT32, Shape.of(2), new double[] {0, 5});
        Tensor want = Tensor.fromDoubles(DType.FLOAT32, Shape.of(2), new double[] {7, 5});
        Tensor reference = Tensor.fromDoubles(DType.FLOAT32, Shape.of(2), new double[] {Double.NaN, 5});

        assertThat(Comparison.whereReferenceFinite(Map.of("v", got), Map.of("v", want), Map.of("v", reference),
                Tolerance.DEFAULT, Set.of()).agrees()).isTrue();
        assertThat(Comparison.of(Map.of("v", got), Map.of("v", want), Tolerance.DEFAULT).agrees()).isFalse();
    }

    @Test
    void aToleranceWrittenBeforeTheFloat16PairReadsWithTheDefaults() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Tolerance custom = new Tolerance(1e-3, 1e-4, 0.2, 0.05);

        assertThat(json.readValue("{\"rtol\":0.01,\"atol\":0.001}", Tolerance.class)).isEqualTo(Tolerance.DEFAULT);
        assertThat(json.readValue(json.writeValueAsBytes(custom), Tolerance.class)).isEqualTo(custom);
    }
}
