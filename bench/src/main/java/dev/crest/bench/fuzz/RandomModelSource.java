package dev.crest.bench.fuzz;

import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random models for exercising the benchmark without the solver-based generator: a DAG of {@code nodes} operators
 * over one square shape {@code [n, n]} (n from 2 to 6) and one float dtype per model (float32 80%, float16 and
 * float64 10% each). Each operator reads random earlier values; a binary operator's second operand is a fresh
 * input or weight half the time. Clip bounds and Reshape shapes are structural initializers the search must not
 * change. Far less varied than NNSmith's or Crest's generator (one shape, 26 operators), so its success rates are
 * not comparable with the paper's; it is labelled as such in every report.
 */
final class RandomModelSource implements ModelSource {
    private static final List<String> OPERATORS = List.of(
            "Sqrt", "Log", "Exp", "Asin", "Acos", "Reciprocal", "Neg", "Abs", "Relu", "Sigmoid", "Tanh", "Sin", "Cos",
            "Floor", "Softmax", "Transpose", "Clip", "Reshape",
            "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "MatMul");
    private static final Set<String> BINARY = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "MatMul");

    @Override
    public String label() {
        return "random square-shape DAGs (bench stand-in, not the fuzz generator)";
    }

    @Override
    public Optional<SearchCase> next(int nodes, long seed) {
        return Optional.of(generate(nodes, seed));
    }

    static SearchCase generate(int nodes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 2 + random.nextInt(5);
        double draw = random.nextDouble();
        DType dtype = draw < 0.8 ? DType.FLOAT32 : draw < 0.9 ? DType.FLOAT16 : DType.FLOAT64;
        Shape shape = Shape.of(n, n);
        TensorType type = TensorType.of(dtype, shape);

        Graph.Builder graph = Graph.builder().name("random_" + nodes + "_" + Long.toHexString(seed));
        Set<String> searchable = new LinkedHashSet<>();
        List<String> pool = new ArrayList<>();
        Set<String> consumed = new HashSet<>();
        graph.input("x0", type);
        searchable.add("x0");
        pool.add("x0");
        for (int k = 0; k < nodes; k++) {
            String op = OPERATORS.get(random.nextInt(OPERATORS.size()));
            String out = "v" + k;
            String a = pool.get(random.nextInt(pool.size()));
            Node.Builder node = Node.builder(op).name(out).outputs(out);
            if (BINARY.contains(op)) {
                String b;
                if (random.nextBoolean()) {
                    b = (random.nextBoolean() ? "i" : "w") + k;
                    if (b.startsWith("i")) {
                        graph.input(b, type);
                    } else {
                        graph.initializer(b, Tensor.full(dtype, shape, 1));
                    }
                    searchable.add(b);
                } else {
                    b = pool.get(random.nextInt(pool.size()));
                }
                node.inputs(a, b);
                consumed.add(b);
            } else if (op.equals("Clip")) {
                double bound = 1 + random.nextInt(5);
                graph.initializer("lo" + k, Tensor.scalar(dtype, -bound));
                graph.initializer("hi" + k, Tensor.scalar(dtype, bound));
                node.inputs(a, "lo" + k, "hi" + k);
            } else if (op.equals("Reshape")) {
                graph.initializer("shape" + k, Tensor.ofLongs(Shape.of(2), n, n));
                node.inputs(a, "shape" + k);
            } else {
                node.inputs(a);
                if (op.equals("Softmax")) {
                    node.attributes(Attributes.builder().put("axis", -1L).build());
                } else if (op.equals("Transpose")) {
                    node.attributes(Attributes.builder().put("perm", 1L, 0L).build());
                }
            }
            consumed.add(a);
            graph.node(node.build());
            pool.add(out);
        }
        for (String value : pool) {
            if (!consumed.contains(value)) {
                graph.output(value, type);
            }
        }
        return new SearchCase(Model.of(graph.build()), searchable, "random seed " + seed);
    }
}
