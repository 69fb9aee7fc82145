package dev.crest.fuzz.gen;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntSort;
import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.gen.SymbolicGraph.Proposal;
import dev.crest.fuzz.gen.SymbolicGraph.Value;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.SpecContext;
import dev.crest.fuzz.spec.Valuation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Generates a valid ONNX model by incremental, solver-checked insertion (NNSmith, ASPLOS 2023): starting from
 * one placeholder, it repeatedly draws an operator (family-weighted), proposes it forward or backward with even
 * odds, and keeps it only if the accumulated shape constraints stay satisfiable; then it bins the free dimensions
 * and attributes for diversity and fixes every shape from the solver's model. Differences from NNSmith: the
 * starting placeholder takes the dtype and rank of an input of a drawn operator (so the first insertion can
 * succeed), backward insertion reuses existing values, forward insertion may add fresh placeholders for inputs no
 * value fits, each check runs a fresh solver and most insertions are accepted by solving only for their new
 * symbols (see {@link ConstraintSolver}), and the run stops after a bounded
 * number of attempts and deterministic solver effort rather than after a wall-clock timeout, so equal seeds give
 * equal models.
 *
 * <p>Each call uses its own Z3 context, closed before it returns; the result holds no native memory.
 */
public final class Generator {
    /** Attempts allowed per requested node before the generator settles for a smaller graph. */
    static final int ATTEMPTS_PER_NODE = 25;
    /** Draws of a starting placeholder before concluding no operator accepts any input. */
    private static final int STARTING_TRIES = 100;

    private Generator() {
    }

    /** Generates one model; equal settings (seed included) give an equal model. */
    public static GeneratedModel generate(GeneratorSettings settings) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        SplittableRandom concretization = random.split();
        SplittableRandom binningRandom = random.split();
        try (Context z3 = new Context()) {
            SpecContext context = new SpecContext(z3, random, settings.opset());
            SymbolicGraph graph = new SymbolicGraph();
            OperatorChooser chooser = new OperatorChooser(settings.operators(), settings.opset());
            Inserter inserter = new Inserter(context, graph, new RankTuples(settings.maxRank()),
                    settings.maxElements());
            ConstraintSolver solver = new ConstraintSolver(context, settings.seed(), settings.solverEffort(),
                    settings.solverTimeout());

            start(graph, chooser, inserter, solver, random, settings);
            int attempts = 0;
            int maxAttempts = settings.nodes() * ATTEMPTS_PER_NODE;
            while (graph.nodes().size() < settings.nodes() && attempts < maxAttempts) {
                attempts++;
                OpSpec spec = chooser.next(random);
                Optional<Proposal> proposal = random.nextBoolean() ? inserter.forward(spec) : inserter.backward(spec);
                if (proposal.isPresent() && solver.tryAdd(proposal.get().constraints())) {
                    graph.commit(proposal.get());
                }
            }
            if (graph.nodes().isEmpty()) {
                throw new FuzzException("could not insert any of the operators " + names(settings) + " in "
                        + attempts + " attempts (seed " + settings.seed() + ")");
            }

            Binning binning = new Binning(context, binningRandom);
            List<BoolExpr> bins = new ArrayList<>();
            if (settings.binning()) {
                List<ArithExpr<IntSort>> dims = new ArrayList<>();
                graph.placeholders().forEach(p -> dims.addAll(p.type().dims()));
                bins.addAll(binning.dimensionBins(dims));
                List<ArithExpr<IntSort>> attributes = new ArrayList<>();
                graph.nodes().forEach(n -> attributes.addAll(n.instance().attributeSymbols()));
                bins.addAll(binning.attributeBins(attributes));
            }
            Binning.Solution solution = binning.solve(solver, bins);
            Valuation valuation = solution.valuation();
            GenerationStats stats = new GenerationStats(attempts, solver.checks(), solver.extensions(), solver.gaveUp(), bins.size(),
                    solution.binsKept());
            return new Concretizer(graph, valuation, settings, concretization).concretize(stats);
        }
    }

    private static void start(SymbolicGraph graph, OperatorChooser chooser, Inserter inserter,
            ConstraintSolver solver, SplittableRandom random, GeneratorSettings settings) {
        for (int i = 0; i < STARTING_TRIES; i++) {
            Optional<Value> placeholder = inserter.startingPlaceholder(chooser.next(random));
            if (placeholder.isPresent() && solver.tryAdd(inserter.placeholderConstraints(placeholder.get()))) {
                graph.addPlaceholder(placeholder.get());
                return;
            }
        }
        throw new FuzzException("none of the operators " + names(settings) + " accepts inputs of rank at most "
                + settings.maxRank() + " within " + settings.maxElements() + " elements");
    }

    private static String names(GeneratorSettings settings) {
        return settings.operators().stream().map(OpSpec::opType).collect(Collectors.joining(", "));
    }
}
