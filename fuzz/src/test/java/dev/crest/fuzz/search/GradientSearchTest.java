package dev.crest.fuzz.search;

import static dev.crest.fuzz.search.SearchModels.allFinite;
import static dev.crest.fuzz.search.SearchModels.full;
import static dev.crest.fuzz.search.SearchModels.iterations;
import static dev.crest.fuzz.search.SearchModels.model;
import static dev.crest.fuzz.search.SearchModels.node;
import static dev.crest.fuzz.search.SearchModels.trace;
import static dev.crest.fuzz.search.SearchModels.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Float16;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.GradientMode;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GradientSearchTest {
    private static final DType F32 = DType.FLOAT32;
    private final GradientSearch search = new GradientSearch();

    /** y = Sqrt(Reshape(x, [6]) − 2·w): with x, w in [3, 7] most elements start negative. */
    private static Model sqrtOfDifference() {
        return model(Graph.builder()
                .input("x", type(F32))
                .initializer("shape", Tensor.ofLongs(Shape.of(1), 6))
                .initializer("w", Tensor.full(F32, Shape.of(6), 1))
                .initializer("two", Tensor.scalar(F32, 2))
                .node(node("Reshape", "r", "x", "shape"))
                .node(node("Mul", "d", "w", "two"))
                .node(node("Sub", "s", "r", "d"))
                .node(node("Sqrt", "y", "s"))
                .output("y", TensorType.of(F32, 6)));
    }

    @Test
    void makesSqrtOfANegativeDifferenceFinite() {
        Model model = sqrtOfDifference();
        SearchResult result = search.search(model, Set.of("x", "w"), iterations(300), new SplittableRandom(1));

        assertThat(result.failingNodes()).first().isEqualTo("'y' (Sqrt)");
        assertThat(result.success()).isTrue();
        assertThat(result.nonFiniteNode()).isEmpty();
        double[] x = result.values().get("x").toDoubleArray();
        double[] w = result.values().get("w").toDoubleArray();
        for (int i = 0; i < 6; i++) {
            assertThat((float) (x[i] - 2 * w[i])).as("element %d", i).isGreaterThanOrEqualTo(0f);
        }
        assertThat(allFinite(trace(model, result))).isTrue();
    }

    @Test
    void neverChangesStructuralInitializers() {
        Model model = sqrtOfDifference();
        SearchResult result = search.search(model, Set.of("x", "w"), iterations(300), new SplittableRandom(2));

        assertThat(result.values()).containsOnlyKeys("x", "w");
        Graph searched = result.withWeights(model).graph();
        assertThat(searched.initializers().get("shape").sameAs(model.graph().initializers().get("shape"))).isTrue();
        assertThat(searched.initializers().get("two").sameAs(model.graph().initializers().get("two"))).isTrue();
        assertThat(searched.initializers().get("w").sameAs(result.values().get("w"))).isTrue();
    }

    @Test
    void makesLogOfANegativeProductFinite() {
        Model model = model(Graph.builder()
                .input("a", type(F32))
                .initializer("w", full(F32, 1))
                .node(node("Neg", "n", "w"))
                .node(node("Mul", "p", "a", "n"))
                .node(node("Log", "y", "p"))
                .output("y", type(F32)));
        SearchResult result = search.search(model, Set.of("a", "w"), iterations(300), new SplittableRandom(3));

        assertThat(result.failingNodes()).first().isEqualTo("'y' (Log)");
        assertThat(result.success()).isTrue();
        double[] a = result.values().get("a").toDoubleArray();
        double[] w = result.values().get("w").toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            assertThat((float) (a[i] * -w[i])).as("element %d", i).isPositive();
        }
    }

    /** q = x / (a − b); drawn from [5, 5], a − b starts exactly zero everywhere. */
    static Model divisionByDifference() {
        return model(Graph.builder()
                .input("x", type(F32))
                .input("a", type(F32))
                .initializer("b", full(F32, 1))
                .node(node("Sub", "d", "a", "b"))
                .node(node("Div", "q", "x", "d"))
                .output("q", type(F32)));
    }

    @Test
    void movesADivisorAwayFromZero() {
        Model model = divisionByDifference();
        SearchSettings settings = iterations(100).withInitRange(5, 5);
        SearchResult result = search.search(model, Set.of("x", "a", "b"), settings, new SplittableRandom(4));

        assertThat(result.failingNodes()).containsExactly("'q' (Div)");
        assertThat(result.success()).isTrue();
        double[] a = result.values().get("a").toDoubleArray();
        double[] b = result.values().get("b").toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs((float) (a[i] - b[i]))).as("element %d", i).isGreaterThanOrEqualTo(1e-3f);
        }
        assertThat(allFinite(trace(model, result))).isTrue();
    }

    @Test
    void bringsAsinArgumentsIntoMinusOneToOne() {
        Model model = model(Graph.builder()
                .input("x", type(F32))
                .initializer("half", Tensor.scalar(F32, 0.5))
                .node(node("Mul", "m", "x", "half"))
                .node(node("Asin", "y", "m"))
                .output("y", type(F32)));
        SearchResult result = search.search(model, Set.of("x"), iterations(300), new SplittableRandom(5));

        assertThat(result.failingNodes()).containsExactly("'y' (Asin)");
        assertThat(result.success()).isTrue();
        for (double x : result.values().get("x").toDoubleArray()) {
            assertThat(Math.abs((float) x * 0.5f)).isLessThanOrEqualTo(1f);
        }
    }

    @Test
    void boundsAPowerWithABigExponent() {
        Model model = model(Graph.builder()
                .input("x", type(F32))
                .initializer("e", full(F32, 1))
                .initializer("twenty", Tensor.scalar(F32, 20))
                .node(node("Mul", "k", "e", "twenty"))
                .node(node("Pow", "y", "x", "k"))
                .output("y", type(F32)));
        SearchResult result = search.search(model, Set.of("x", "e"), iterations(500), new SplittableRandom(6));

        assertThat(result.failingNodes()).first().isEqualTo("'y' (Pow)");
        assertThat(result.success()).isTrue();
        double[] x = result.values().get("x").toDoubleArray();
        double[] e = result.values().get("e").toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            double y = Math.pow((float) x[i], (float) (20 * e[i]));
            assertThat(Double.isFinite(y) && Math.abs(y) <= Float.MAX_VALUE).as("element %d: %s", i, y).isTrue();
        }
    }

    @Test
    void judgesFloat16ModelsOnTheirFloat16Values() {
        DType f16 = DType.FLOAT16;
        Model model = model(Graph.builder()
                .input("x", type(f16))
                .input("e", type(f16))
                .initializer("two", Tensor.scalar(f16, 2))
                .node(node("Mul", "k", "e", "two"))
                .node(node("Pow", "y", "x", "k"))
                .output("y", type(f16)));
        SearchResult result = search.search(model, Set.of("x", "e"), iterations(500), new SplittableRandom(7));

        // x^(2e) with x, e in [3, 7] fits float32 but mostly passes float16's 65504.
        assertThat(result.failingNodes()).first().isEqualTo("'y' (Pow)");
        assertThat(result.success()).isTrue();
        assertThat(result.values().get("x").dtype()).isEqualTo(f16);
        Tensor y = trace(model, result).values().get("y");
        for (int i = 0; i < y.size(); i++) {
            assertThat(Math.abs(y.getDouble(i))).isLessThanOrEqualTo(Float16.MAX_VALUE);
        }
    }

    @Test
    void keepsExpBelowOverflow() {
        Model model = model(Graph.builder()
                .input("x", type(F32))
                .initializer("hundred", Tensor.scalar(F32, 100))
                .node(node("Mul", "m", "x", "hundred"))
                .node(node("Exp", "y", "m"))
                .output("y", type(F32)));
        SearchResult result = search.search(model, Set.of("x"), iterations(300), new SplittableRandom(8));

        assertThat(result.failingNodes()).containsExactly("'y' (Exp)");
        assertThat(result.success()).isTrue();
        for (double x : result.values().get("x").toDoubleArray()) {
            assertThat((float) x * 100f).isLessThanOrEqualTo((float) Math.log(Float.MAX_VALUE));
        }
    }

    @Test
    void shrinksInputsOfAnOverflowingMultiplication() {
        DType f16 = DType.FLOAT16;
        Model model = model(Graph.builder()
                .input("x", type(f16))
                .initializer("thousand", Tensor.scalar(f16, 1000))
                .initializer("hundred", Tensor.scalar(f16, 100))
                .node(node("Mul", "m", "x", "thousand"))
                .node(node("Mul", "y", "m", "hundred"))
                .output("y", type(f16)));
        SearchResult result = search.search(model, Set.of("x"), iterations(300), new SplittableRandom(9));

        assertThat(result.failingNodes()).containsExactly("'y' (Mul)");
        assertThat(result.success()).isTrue();
        assertThat(allFinite(trace(model, result))).isTrue();
    }

    /** b = Sqrt(x − 2w) fails first; once repaired, Log(b − v) fails, as b is then small and v is 5. */
    @Test
    void followsTheFailingNodeWhenItChanges() {
        Model model = model(Graph.builder()
                .input("x", type(F32))
                .initializer("w", full(F32, 1))
                .initializer("v", full(F32, 1))
                .initializer("two", Tensor.scalar(F32, 2))
                .node(node("Mul", "d", "w", "two"))
                .node(node("Sub", "a", "x", "d"))
                .node(node("Sqrt", "b", "a"))
                .node(node("Sub", "c", "b", "v"))
                .node(node("Log", "l", "c"))
                .output("l", type(F32)));
        SearchSettings settings = iterations(500).withInitRange(5, 5);
        SearchResult result = search.search(model, Set.of("x", "w", "v"), settings, new SplittableRandom(10));

        assertThat(result.failingNodes()).startsWith("'b' (Sqrt)", "'l' (Log)");
        assertThat(result.success()).isTrue();
        assertThat(result.restarts()).isZero();
    }

    @Test
    void reDrawsIntegerInputsWithinTheRangeButNeverFollowsThemByGradient() {
        Model model = model(Graph.builder()
                .input("i", type(DType.INT32))
                .initializer("w", full(F32, 1))
                .node(Node.builder("Cast").name("f").inputs("i").outputs("f")
                        .attributes(Attributes.builder().put("to", (long) F32.onnxCode()).build()).build())
                .node(node("Sub", "g", "f", "w"))
                .node(node("Log", "y", "g"))
                .output("y", type(F32)));
        SearchResult result = search.search(model, Set.of("w"), iterations(300), new SplittableRandom(11));

        assertThat(result.success()).isTrue();
        assertThat(result.restarts()).isZero();
        Tensor i = result.values().get("i");
        assertThat(i.dtype()).isEqualTo(DType.INT32);
        for (long v : i.toLongArray()) {
            assertThat(v).isBetween(3L, 7L);
        }
        double[] w = result.values().get("w").toDoubleArray();
        for (int k = 0; k < w.length; k++) {
            assertThat(i.getDouble(k) - w[k]).isPositive();
        }
    }

    /** Log(Relu(x − 2w)) drawn from [5, 5]: Relu's true derivative is zero where it clips, its proxy is not. */
    @Test
    void proxyDerivativesReachThroughRelu() {
        Model model = model(Graph.builder()
                .input("x", type(F32))
                .initializer("w", full(F32, 1))
                .initializer("two", Tensor.scalar(F32, 2))
                .node(node("Mul", "d", "w", "two"))
                .node(node("Sub", "a", "x", "d"))
                .node(node("Relu", "r", "a"))
                .node(node("Log", "y", "r"))
                .output("y", type(F32)));
        SearchSettings settings = iterations(200).withInitRange(5, 5);

        SearchResult proxy = search.search(model, Set.of("x", "w"), settings, new SplittableRandom(12));
        SearchResult exact = search.search(model, Set.of("x", "w"),
                settings.withGradientMode(GradientMode.EXACT), new SplittableRandom(12));

        assertThat(proxy.success()).isTrue();
        assertThat(exact.success()).isFalse();
        assertThat(exact.nonFiniteNode()).contains("'y' (Log)");
        assertThat(exact.restarts()).isEqualTo(exact.iterations() - 1);
    }

    @Test
    void stopsAtOnceWhenNoChosenValueReachesTheFailingNode() {
        Model model = model(Graph.builder()
                .input("x", type(F32))
                .initializer("c", full(F32, 1))
                .node(node("Neg", "n", "c"))
                .node(node("Log", "l", "n"))
                .node(node("Add", "y", "x", "l"))
                .output("y", type(F32)));
        SearchResult result = search.search(model, Set.of("x"), iterations(300), new SplittableRandom(13));

        assertThat(result.success()).isFalse();
        assertThat(result.iterations()).isEqualTo(1);
        assertThat(result.nonFiniteNode()).contains("'l' (Log)");
    }

    @Test
    void sameSeedSameValues() {
        Model model = sqrtOfDifference();
        SearchResult first = search.search(model, Set.of("x", "w"), iterations(300), new SplittableRandom(14));
        SearchResult second = search.search(model, Set.of("x", "w"), iterations(300), new SplittableRandom(14));

        assertThat(second.iterations()).isEqualTo(first.iterations());
        assertThat(second.values().get("x").sameAs(first.values().get("x"))).isTrue();
        assertThat(second.values().get("w").sameAs(first.values().get("w"))).isTrue();
    }

    /** q = k / (i − j) on int32: a zero divisor fails the kernel, which no gradient reaches, so values are redrawn. */
    private static Model integerDivision() {
        DType i32 = DType.INT32;
        return model(Graph.builder()
                .input("i", type(i32))
                .input("j", type(i32))
                .initializer("k", full(i32, 1))
                .node(node("Sub", "d", "i", "j"))
                .node(node("Div", "q", "k", "d"))
                .output("q", type(i32)));
    }

    @Test
    void redrawsIntegersWhenAKernelFails() {
        // Drawn from {3, 4}, a draw avoids every zero divisor with probability 1/64.
        SearchResult result = search.search(integerDivision(), Set.of("i", "j"), iterations(1000).withInitRange(3, 4),
                new SplittableRandom(15));

        assertThat(result.failingNodes()).containsExactly("'q' (Div)");
        assertThat(result.success()).isTrue();
        assertThat(result.restarts()).isEqualTo(result.iterations() - 1);
        long[] i = result.values().get("i").toLongArray();
        long[] j = result.values().get("j").toLongArray();
        for (int k = 0; k < i.length; k++) {
            assertThat(i[k]).isNotEqualTo(j[k]);
        }
    }

    /** Acos(Cast(i)) for int16 i: only i in {-1, 0, 1} works, which the initial range [3, 7] never draws. */
    @Test
    void restartsDrawIntegersOutsideTheInitialRange() {
        Model model = model(Graph.builder()
                .input("i", TensorType.of(DType.INT16, 3))
                .node(Node.builder("Cast").name("f").inputs("i").outputs("f")
                        .attributes(Attributes.builder().put("to", (long) F32.onnxCode()).build()).build())
                .node(node("Acos", "y", "f"))
                .output("y", TensorType.of(F32, 3)));
        SearchResult result = search.search(model, Set.of("i"), iterations(300), new SplittableRandom(17));

        assertThat(result.success()).isTrue();
        assertThat(result.restarts()).isPositive();
        for (long v : result.values().get("i").toLongArray()) {
            assertThat(v).isBetween(-1L, 1L);
        }
    }

    /** q = x / (Cast(i) − 5): a zero divisor no gradient reaches; shrinking x would never help, a re-draw does. */
    @Test
    void redrawsWhenTheDomainIsBrokenOnAnInputWithoutGradient() {
        Model model = model(Graph.builder()
                .input("x", type(F32))
                .input("i", type(DType.INT32))
                .initializer("five", Tensor.scalar(F32, 5))
                .node(Node.builder("Cast").name("f").inputs("i").outputs("f")
                        .attributes(Attributes.builder().put("to", (long) F32.onnxCode()).build()).build())
                .node(node("Sub", "d", "f", "five"))
                .node(node("Div", "q", "x", "d"))
                .output("q", type(F32)));
        SearchResult result = search.search(model, Set.of("x", "i"), iterations(300), new SplittableRandom(19));

        assertThat(result.failingNodes()).first().isEqualTo("'q' (Div)");
        assertThat(result.success()).isTrue();
        assertThat(result.restarts()).isPositive();
        for (long v : result.values().get("i").toLongArray()) {
            assertThat(v).isNotEqualTo(5L);
        }
    }

    @Test
    void namesTheFailingKernelWhenNoDrawAvoidsIt() {
        DType i32 = DType.INT32;
        Model model = model(Graph.builder()
                .input("i", type(i32))
                .initializer("k", full(i32, 1))
                .node(node("Sub", "d", "i", "i"))
                .node(node("Div", "q", "k", "d"))
                .output("q", type(i32)));
        SearchResult result = search.search(model, Set.of("i"), iterations(20), new SplittableRandom(16));

        assertThat(result.success()).isFalse();
        assertThat(result.iterations()).isEqualTo(20);
        assertThat(result.nonFiniteNode()).contains("'q' (Div)");
    }
}
