package dev.crest.fuzz.campaign;

import dev.crest.fuzz.FuzzException;
import dev.crest.fuzz.diff.Tolerance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Everything one fuzzing campaign does: the backends under test, when it stops (a time budget, a model count or
 * both, whichever comes first), the seed every model's seed is drawn from, the shape of generated models, how
 * outputs are compared, the per-case and per-search limits, where findings go, how many pipelines run at once and
 * whether an earlier campaign in the same folder is continued. Validated at construction with messages a user can
 * act on.
 *
 * @param backends the backends as the user names them ({@code onnxruntime} stands for its two optimization levels)
 * @param timeBudget the wall-clock budget of this run, if any (a resumed campaign gets it afresh)
 * @param maxModels the number of models to generate, if bounded; counts the whole campaign, so a resumed one
 *     generates only those its earlier runs did not
 * @param seed the campaign seed: equal seeds and model counts give equal models
 * @param nodes operator nodes per generated model
 * @param opset the ONNX opset the models declare
 * @param operators the operators the generator may use; empty for every specified operator
 * @param tolerance how close outputs must be (float16-computed values with their own pair), and whether a float16
 *     accumulation overflow is kept as a finding ({@link Tolerance#keepFloat16Overflow()}) or dropped
 * @param caseTimeout how long one backend may take to compile and run one model
 * @param searchBudget the input search's wall-clock budget per model
 * @param searchIterations an iteration cap for the input search, which makes it independent of the machine's speed
 *     (tests and reproducible runs); empty for the time budget alone
 * @param out the output folder (findings, {@code summary.json}, the report)
 * @param jobs generate → search → test pipelines running at once, each with its own worker process (and one
 *     thread preparing its next model while the current one is tested)
 * @param compare further backends compared in the same campaign (their runs are added to those of
 *     {@code backends}); listed apart in the summary
 * @param resume continue the campaign already in {@code out} (its seed sequence, counts and known bugs) instead of
 *     refusing a folder that is not empty
 * @param reduceBudget how long each new bug may be reduced ({@code dev.crest.fuzz.reduce.Reducer}) right after it is
 *     saved, by the pipeline that found it; zero for no automatic reduction ({@code crest fuzz reduce} does it later)
 */
public record CampaignSettings(List<String> backends, Optional<Duration> timeBudget, OptionalLong maxModels, long seed,
        int nodes, int opset, List<String> operators, Tolerance tolerance, Duration caseTimeout, Duration searchBudget,
        OptionalInt searchIterations, Path out, int jobs, List<String> compare, boolean resume,
        Duration reduceBudget) {
    /** Ten operator nodes per model, as NNSmith's default. */
    public static final int DEFAULT_NODES = 10;
    /** The opset of the onnx package on this machine's Python (1.12). */
    public static final int DEFAULT_OPSET = 17;
    /** Generous for a small model, short enough that a hang costs little. */
    public static final Duration DEFAULT_CASE_TIMEOUT = Duration.ofSeconds(10);
    /** NNSmith's input-search budget per model. */
    public static final Duration DEFAULT_SEARCH_BUDGET = Duration.ofMillis(20);

    public CampaignSettings {
        backends = List.copyOf(backends);
        compare = List.copyOf(compare);
        operators = List.copyOf(operators);
        Objects.requireNonNull(timeBudget);
        Objects.requireNonNull(maxModels);
        Objects.requireNonNull(tolerance);
        Objects.requireNonNull(caseTimeout);
        Objects.requireNonNull(searchBudget);
        Objects.requireNonNull(searchIterations);
        Objects.requireNonNull(out);
        if (backends.isEmpty()) {
            throw new FuzzException("name at least one backend to test, e.g. --backend onnxruntime");
        }
        if (timeBudget.isEmpty() && maxModels.isEmpty()) {
            throw new FuzzException("a campaign needs a time budget (--time) or a model count (--max-models)");
        }
        if (timeBudget.isPresent() && !isPositive(timeBudget.get())) {
            throw new FuzzException("the time budget must be positive, got " + describe(timeBudget.get()));
        }
        if (maxModels.isPresent() && maxModels.getAsLong() < 1) {
            throw new FuzzException("the model count must be at least 1, got " + maxModels.getAsLong());
        }
        if (nodes < 1) {
            throw new FuzzException("--nodes must be at least 1, got " + nodes);
        }
        if (!isPositive(caseTimeout)) {
            throw new FuzzException("the per-case timeout must be positive, got " + describe(caseTimeout));
        }
        if (!isPositive(searchBudget)) {
            throw new FuzzException("the input-search budget must be positive, got " + describe(searchBudget));
        }
        if (searchIterations.isPresent() && searchIterations.getAsInt() < 1) {
            throw new FuzzException("the input-search iteration cap must be at least 1, got "
                    + searchIterations.getAsInt());
        }
        Objects.requireNonNull(reduceBudget);
        if (reduceBudget.isNegative()) {
            throw new FuzzException("the reduction budget cannot be negative, got " + reduceBudget);
        }
        if (jobs < 1) {
            throw new FuzzException("--jobs must be at least 1, got " + jobs);
        }
    }

    /**
     * ONNX Runtime, 100 models, seed 0, 10 nodes, opset 17, every operator, default tolerance, 10 s per case,
     * 20 ms of input search, one pipeline, nothing compared, no automatic reduction, writing to {@code out} (which must be empty: no resume).
     */
    public static CampaignSettings defaults(Path out) {
        return new CampaignSettings(List.of("onnxruntime"), Optional.empty(), OptionalLong.of(100), 0, DEFAULT_NODES,
                DEFAULT_OPSET, List.of(), Tolerance.DEFAULT, DEFAULT_CASE_TIMEOUT, DEFAULT_SEARCH_BUDGET,
                OptionalInt.empty(), out, 1, List.of(), false, Duration.ZERO);
    }

    public CampaignSettings withBackends(List<String> value) {
        return new CampaignSettings(value, timeBudget, maxModels, seed, nodes, opset, operators, tolerance, caseTimeout,
                searchBudget, searchIterations, out, jobs, compare, resume, reduceBudget);
    }

    public CampaignSettings withTimeBudget(Optional<Duration> value) {
        return new CampaignSettings(backends, value, maxModels, seed, nodes, opset, operators, tolerance, caseTimeout,
                searchBudget, searchIterations, out, jobs, compare, resume, reduceBudget);
    }

    public CampaignSettings withMaxModels(OptionalLong value) {
        return new CampaignSettings(backends, timeBudget, value, seed, nodes, opset, operators, tolerance, caseTimeout,
                searchBudget, searchIterations, out, jobs, compare, resume, reduceBudget);
    }

    public CampaignSettings withSeed(long value) {
        return new CampaignSettings(backends, timeBudget, maxModels, value, nodes, opset, operators, tolerance,
                caseTimeout, searchBudget, searchIterations, out, jobs, compare, resume, reduceBudget);
    }

    public CampaignSettings withNodes(int value) {
        return new CampaignSettings(backends, timeBudget, maxModels, seed, value, opset, operators, tolerance,
                caseTimeout, searchBudget, searchIterations, out, jobs, compare, resume, reduceBudget);
    }

    public CampaignSettings withOpset(int value) {
        return new CampaignSettings(backends, timeBudget, maxModels, seed, nodes, value, operators, tolerance,
                caseTimeout, searchBudget, searchIterations, out, jobs, compare, resume, reduceBudget);
    }

    public CampaignSettings withOperators(List<String> value) {
        return new CampaignSettings(backends, timeBudget, maxModels, seed, nodes, opset, value, tolerance, caseTimeout,
                searchBudget, searchIterations, out, jobs, compare, resume, reduceBudget);
    }

    public CampaignSettings withTolerance(Tolerance value) {
        return new CampaignSettings(backends, timeBudget, maxModels, seed, nodes, opset, operators, value, caseTimeout,
                searchBudget, searchIterations, out, jobs, compare, resume, reduceBudget);
    }

    public CampaignSettings withCaseTimeout(Duration value) {
        return new CampaignSettings(backends, timeBudget, maxModels, seed, nodes, opset, operators, tolerance, value,
                searchBudget, searchIterations, out, jobs, compare, resume, reduceBudget);
    }

    public CampaignSettings withSearchBudget(Duration value) {
        return new CampaignSettings(backends, timeBudget, maxModels, seed, nodes, opset, operators, tolerance,
                caseTimeout, value, searchIterations, out, jobs, compare, resume, reduceBudget);
    }

    public CampaignSettings withSearchIterations(OptionalInt value) {
        return new CampaignSettings(backends, timeBudget, maxModels, seed, nodes, opset, operators, tolerance,
                caseTimeout, searchBudget, value, out, jobs, compare, resume, reduceBudget);
    }

    public CampaignSettings withOut(Path value) {
        return new CampaignSettings(backends, timeBudget, maxModels, seed, nodes, opset, operators, tolerance,
                caseTimeout, searchBudget, searchIterations, value, jobs, compare, resume, reduceBudget);
    }

    public CampaignSettings withJobs(int value) {
        return new CampaignSettings(backends, timeBudget, maxModels, seed, nodes, opset, operators, tolerance,
                caseTimeout, searchBudget, searchIterations, out, value, compare, resume, reduceBudget);
    }

    public CampaignSettings withCompare(List<String> value) {
        return new CampaignSettings(backends, timeBudget, maxModels, seed, nodes, opset, operators, tolerance,
                caseTimeout, searchBudget, searchIterations, out, jobs, value, resume, reduceBudget);
    }

    public CampaignSettings withResume(boolean value) {
        return new CampaignSettings(backends, timeBudget, maxModels, seed, nodes, opset, operators, tolerance,
                caseTimeout, searchBudget, searchIterations, out, jobs, compare, value, reduceBudget);
    }

    public CampaignSettings withReduceBudget(Duration value) {
        return new CampaignSettings(backends, timeBudget, maxModels, seed, nodes, opset, operators, tolerance,
                caseTimeout, searchBudget, searchIterations, out, jobs, compare, resume, value);
    }

    /** Whether each new bug is reduced as soon as it is saved. */
    public boolean reducesFindings() {
        return isPositive(reduceBudget);
    }

    /** The backends under test followed by the compared ones, as the user named them, without repeats. */
    public List<String> allBackends() {
        LinkedHashSet<String> all = new LinkedHashSet<>(backends);
        all.addAll(compare);
        return List.copyOf(all);
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
