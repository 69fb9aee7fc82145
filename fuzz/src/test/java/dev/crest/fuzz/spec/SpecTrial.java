package dev.crest.fuzz.spec;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntSort;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import dev.crest.graph.Graph;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.interp.Interpreter;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One random check of a spec against the reference kernels, the way the generator will use it: draw an input
 * count, a signature and accepted ranks, instantiate on fresh input dims, solve the constraints (dims in
 * [1, 16], at most 2^16 elements per tensor, random value bins for diversity), lower, and run the one-node model
 * through the reference interpreter at the chosen opset.
 */
final class SpecTrial {
    static final long MAX_DIM = 16;
    static final long MAX_ELEMENTS = 1 << 16;
    private static final int MAX_RANK = 5;

    /** A solved and lowered instance as a one-node model with inputs, and the output types the spec promises. */
    record Prepared(String description, Model model, Map<String, Tensor> feeds, List<DType> expectedDTypes,
            List<Shape> expectedShapes) {
    }

    /** What the spec promised and what the kernel produced. */
    record Outcome(Prepared prepared, List<DType> actualDTypes, List<Shape> actualShapes) {
        String description() {
            return prepared.description();
        }
    }

    private SpecTrial() {
    }

    static Outcome run(OpSpec spec, SplittableRandom random, int opset) {
        int[] counts = spec.inputCounts();
        int count = counts[random.nextInt(counts.length)];
        List<Signature> signatures = spec.signatures(count);
        return run(spec, random, opset, signatures.get(random.nextInt(signatures.size())));
    }

    /** A trial with a given signature (its input count among the spec's). */
    static Outcome run(OpSpec spec, SplittableRandom random, int opset, Signature signature) {
        Prepared prepared = prepare(spec, random, opset, signature);
        Map<String, Tensor> results;
        try {
            results = Interpreter.standard().run(prepared.model(), prepared.feeds());
        } catch (RuntimeException e) {
            throw new AssertionError(prepared.description() + ": the kernel refused: " + e.getMessage(), e);
        }
        List<Tensor> actual = prepared.model().graph().outputs().stream().map(out -> results.get(out.name())).toList();
        return new Outcome(prepared, actual.stream().map(Tensor::dtype).toList(),
                actual.stream().map(Tensor::shape).toList());
    }

    static Prepared prepare(OpSpec spec, SplittableRandom random, int opset, Signature signature) {
        int count = signature.inputs().size();
        int[] ranks = drawRanks(spec, count, random);
        try (Context z3 = new Context()) {
            SpecContext context = new SpecContext(z3, random.split(), opset);
            OpInstance instance = spec.instantiate(context, signature, ranks);
            List<SymbolicType> inputs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<ArithExpr<IntSort>> dims = new ArrayList<>();
                for (int d = 0; d < ranks[i]; d++) {
                    dims.add(context.fresh("in" + i + "_" + d));
                }
                inputs.add(new SymbolicType(signature.inputs().get(i), dims));
            }
            Solver solver = z3.mkSolver();
            Params params = z3.mkParams();
            params.add("random_seed", random.nextInt(1 << 20));
            params.add("timeout", 20_000);
            solver.setParameters(params);
            solver.add(instance.requires(inputs).toArray(BoolExpr[]::new));
            List<SymbolicType> outputs = instance.outputTypes(inputs);
            List<ArithExpr<IntSort>> dims = new ArrayList<>();
            for (SymbolicType t : concat(inputs, outputs)) {
                for (ArithExpr<IntSort> d : t.dims()) {
                    solver.add(new BoolExpr[] {context.between(d, 1, MAX_DIM)});
                    dims.add(d);
                }
                solver.add(new BoolExpr[] {context.le(context.product(t.dims()), MAX_ELEMENTS)});
            }
            Status status = checkWithBins(solver, context, dims, instance.attributeSymbols(), random);
            String description = spec.opType() + " opset " + opset + " " + signature + " ranks "
                    + Arrays.toString(ranks);
            if (status != Status.SATISFIABLE) {
                throw new AssertionError(description + ": solver says " + status);
            }
            Valuation valuation = Valuation.of(solver.getModel());
            List<Shape> inputShapes = inputs.stream().map(t -> Shape.of(valuation.valuesOf(t.dims()))).toList();
            List<Shape> expectedShapes = outputs.stream().map(t -> Shape.of(valuation.valuesOf(t.dims()))).toList();
            Lowering lowering = instance.lower(valuation);
            description += " inputs " + inputShapes + " attributes " + lowering.attributes()
                    + " attribute symbols " + Arrays.toString(valuation.valuesOf(instance.attributeSymbols()));

            Map<String, Tensor> feeds = new LinkedHashMap<>();
            Graph.Builder graph = Graph.builder().name("trial");
            for (int i = 0; i < count; i++) {
                DType dtype = signature.inputs().get(i);
                graph.input("x" + i, TensorType.of(dtype, inputShapes.get(i)));
                feeds.put("x" + i, randomTensor(dtype, inputShapes.get(i), random));
            }
            List<String> nodeInputs = new ArrayList<>();
            for (InputSlot slot : lowering.inputs()) {
                if (slot instanceof InputSlot.Data data) {
                    nodeInputs.add("x" + data.index());
                } else if (slot instanceof InputSlot.Constant constant) {
                    String name = "c" + nodeInputs.size();
                    graph.initializer(name, constant.value());
                    nodeInputs.add(name);
                } else {
                    nodeInputs.add("");
                }
            }
            List<String> outputNames = new ArrayList<>();
            for (int o = 0; o < outputs.size(); o++) {
                outputNames.add("y" + o);
                graph.output("y" + o, TensorType.of(outputs.get(o).dtype(), expectedShapes.get(o)));
            }
            graph.node(Node.builder(spec.opType()).inputs(nodeInputs).outputs(outputNames)
                    .attributes(lowering.attributes()).build());
            Model model = Model.builder(graph.build()).opset("", opset).build();
            return new Prepared(description, model, feeds, outputs.stream().map(SymbolicType::dtype).toList(),
                    expectedShapes);
        }
    }

    /** Ranks from 0 to 5 per input, redrawn until the spec accepts them. */
    private static int[] drawRanks(OpSpec spec, int count, SplittableRandom random) {
        for (int attempt = 0; attempt < 100_000; attempt++) {
            int[] ranks = new int[count];
            for (int i = 0; i < count; i++) {
                ranks[i] = random.nextInt(MAX_RANK + 1);
            }
            if (spec.acceptsRanks(ranks)) {
                return ranks;
            }
        }
        throw new AssertionError(spec.opType() + " accepts no ranks for " + count + " inputs");
    }

    /**
     * NNSmith's binning: each symbol gets a random value range as an assumption; while the assumptions are
     * unsatisfiable, the second half is dropped. Without it Z3 returns mostly ones and zeros.
     */
    private static Status checkWithBins(Solver solver, SpecContext context, List<ArithExpr<IntSort>> dims,
            List<ArithExpr<IntSort>> attributes, SplittableRandom random) {
        long[][] dimBins = {{1, 1}, {2, 3}, {4, 7}, {8, 16}};
        long[][] attributeBins = {{-8, -1}, {0, 0}, {1, 1}, {2, 3}, {4, 7}, {8, 16}};
        List<BoolExpr> bins = new ArrayList<>();
        for (ArithExpr<IntSort> d : dims) {
            long[] bin = dimBins[random.nextInt(dimBins.length)];
            bins.add(context.between(d, bin[0], bin[1]));
        }
        for (ArithExpr<IntSort> a : attributes) {
            long[] bin = attributeBins[random.nextInt(attributeBins.length)];
            bins.add(context.between(a, bin[0], bin[1]));
        }
        for (int i = bins.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            BoolExpr t = bins.get(i);
            bins.set(i, bins.get(j));
            bins.set(j, t);
        }
        while (!bins.isEmpty()) {
            if (solver.check(bins.toArray(BoolExpr[]::new)) == Status.SATISFIABLE) {
                return Status.SATISFIABLE;
            }
            bins = bins.subList(0, bins.size() / 2);
        }
        return solver.check();
    }

    /** Small positive integers (no division by zero), floats in [0.5, 2], random booleans. */
    private static Tensor randomTensor(DType dtype, Shape shape, SplittableRandom random) {
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = dtype.isBool() ? random.nextInt(2)
                    : dtype.isFloat() ? random.nextDouble(0.5, 2) : random.nextInt(1, 5);
        }
        return Tensor.fromDoubles(dtype, shape, values);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
