package dev.crest.fuzz.gen;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.OpSpecs;
import dev.crest.tensor.kernel.KernelRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one model generation does: how many operator nodes to insert, the seed that fixes every choice, the ONNX
 * opset to emit, which operators may appear, and the limits that keep models small. Validated at construction
 * with messages a user can act on.
 *
 * @param nodes the number of operator nodes to insert (the generator may stop short when insertions keep failing)
 * @param seed the seed of every random choice and of the solver's own randomness: equal seeds, equal models
 * @param opset the default-domain ONNX opset the model declares
 * @param operators the operators the generator may use, each once (see {@link OpSpecs})
 * @param maxElements the largest element count of any tensor in the model
 * @param maxRank the largest rank of any placeholder the generator creates
 * @param solverEffort the Z3 resource units one solver check may spend ({@code rlimit}); a check that runs out
 *     rejects its insertion. Deterministic, unlike wall time: about a million units a second on a 2020s core
 * @param solverTimeout the wall-clock bound of one solver check, a safety net; a check that hits it counts as
 *     unsatisfiable, which can make a run on a very slow machine differ from one on a fast machine
 * @param binning whether to add attribute and dimension bins so the solver does not return all-ones shapes
 */
public record GeneratorSettings(int nodes, long seed, int opset, List<OpSpec> operators, long maxElements, int maxRank,
        long solverEffort, Duration solverTimeout, boolean binning) {
    public static final int DEFAULT_NODES = 10;
    public static final int DEFAULT_OPSET = 17;
    /** The lowest opset the generator emits: the oldest the reference interpreter runs and the specs describe. */
    public static final int MIN_OPSET = 7;
    public static final long DEFAULT_MAX_ELEMENTS = 1L << 16;
    public static final int DEFAULT_MAX_RANK = 5;
    public static final long DEFAULT_SOLVER_EFFORT = 400_000;
    public static final Duration DEFAULT_SOLVER_TIMEOUT = Duration.ofSeconds(10);

    public GeneratorSettings {
        operators = List.copyOf(operators);
        Objects.requireNonNull(solverTimeout, "solverTimeout");
        if (nodes < 1) {
            throw new FuzzException("--nodes must be at least 1, got " + nodes);
        }
        if (opset < MIN_OPSET || opset > KernelRegistry.OPSET) {
            throw new FuzzException("--opset must be between " + MIN_OPSET + " and " + KernelRegistry.OPSET + ", got "
                    + opset);
        }
        if (operators.isEmpty()) {
            throw new FuzzException("no operators to generate from");
        }
        if (operators.stream().map(OpSpec::opType).distinct().count() != operators.size()) {
            throw new FuzzException("an operator is listed twice: "
                    + String.join(", ", operators.stream().map(OpSpec::opType).toList()));
        }
        if (operators.stream().noneMatch(spec -> spec.sinceOpset() <= opset)) {
            throw new FuzzException("none of the operators exists in opset " + opset);
        }
        if (maxElements < 1) {
            throw new FuzzException("the element limit must be at least 1, got " + maxElements);
        }
        if (maxRank < 0 || maxRank > 5) {
            throw new FuzzException("the rank limit must be between 0 and 5, got " + maxRank);
        }
        if (solverEffort < 1 || solverEffort > Integer.MAX_VALUE) {
            throw new FuzzException("the solver effort must be between 1 and " + Integer.MAX_VALUE + ", got "
                    + solverEffort);
        }
        if (solverTimeout.isNegative() || solverTimeout.isZero()) {
            throw new FuzzException("the solver timeout must be positive, got " + solverTimeout);
        }
    }

    /** The defaults with every standard operator: 10 nodes, opset 17, 2^16 elements, rank 5, binning on. */
    public static GeneratorSettings defaults(long seed) {
        return new GeneratorSettings(DEFAULT_NODES, seed, DEFAULT_OPSET, List.copyOf(OpSpecs.standard().all()),
                DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_RANK, DEFAULT_SOLVER_EFFORT, DEFAULT_SOLVER_TIMEOUT, true);
    }

    public GeneratorSettings withNodes(int nodes) {
        return new GeneratorSettings(nodes, seed, opset, operators, maxElements, maxRank, solverEffort, solverTimeout,
                binning);
    }

    public GeneratorSettings withSeed(long seed) {
        return new GeneratorSettings(nodes, seed, opset, operators, maxElements, maxRank, solverEffort, solverTimeout,
                binning);
    }

    public GeneratorSettings withOpset(int opset) {
        return new GeneratorSettings(nodes, seed, opset, operators, maxElements, maxRank, solverEffort, solverTimeout,
                binning);
    }

    public GeneratorSettings withOperators(List<OpSpec> operators) {
        return new GeneratorSettings(nodes, seed, opset, operators, maxElements, maxRank, solverEffort, solverTimeout,
                binning);
    }

    public GeneratorSettings withMaxElements(long maxElements) {
        return new GeneratorSettings(nodes, seed, opset, operators, maxElements, maxRank, solverEffort, solverTimeout,
                binning);
    }

    public GeneratorSettings withMaxRank(int maxRank) {
        return new GeneratorSettings(nodes, seed, opset, operators, maxElements, maxRank, solverEffort, solverTimeout,
                binning);
    }

    public GeneratorSettings withSolverEffort(long solverEffort) {
        return new GeneratorSettings(nodes, seed, opset, operators, maxElements, maxRank, solverEffort, solverTimeout,
                binning);
    }

    public GeneratorSettings withSolverTimeout(Duration solverTimeout) {
        return new GeneratorSettings(nodes, seed, opset, operators, maxElements, maxRank, solverEffort, solverTimeout,
                binning);
    }

    public GeneratorSettings withBinning(boolean binning) {
        return new GeneratorSettings(nodes, seed, opset, operators, maxElements, maxRank, solverEffort, solverTimeout,
                binning);
    }
}
