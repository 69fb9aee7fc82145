package dev.crest.fuzz.diff;

import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.fuzz.backend.RunOutcome;
import dev.crest.fuzz.localize.ExposedModel;
import dev.crest.fuzz.localize.Localization;
import dev.crest.graph.Node;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Float16;
import dev.crest.tensor.Tensor;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a known-benign inconsistency: an accumulating operator computed in float16 whose float16 accumulator
 * overflowed. ONNX does not fix the precision an engine accumulates in, so an engine that sums (or multiplies) float16
 * values in a float16 accumulator is conforming, and its partial results can pass the largest float16 value, 65504,
 * although the result fits; Crest's reference computes in float64 and rounds once. Such a divergence is dropped only
 * when the evidence is complete:
 * <ul>
 * <li>the inconsistency was localized (by intermediates) to a node whose operator accumulates
 *     ({@link AccumulationBound#OPERATORS}) and whose result is float16;</li>
 * <li>at every element of that node's output where the two runs of the pair disagree and the reference is finite,
 *     each run either agrees with the reference or holds ±∞ or NaN, and then the {@link AccumulationBound} computed
 *     from the reference's values of the node's inputs exceeds 65504 at that element: some order of accumulation
 *     could overflow there;</li>
 * <li>at least one such element holds ±∞ or NaN.</li>
 * </ul>
 * A backend returning ±∞ where no accumulation can reach 65504, or a wrong finite value anywhere, stays a finding.
 */
final class Float16AccumulationOverflow {
    private final BackendExecutor executor;
    private final Tolerance tolerance;

    /** A rule re-running backends through {@code executor} and comparing under {@code tolerance}'s float16 pair. */
    Float16AccumulationOverflow(BackendExecutor executor, Tolerance tolerance) {
        this.executor = executor;
        this.tolerance = tolerance;
    }

    /**
     * Why {@code finding} on {@code tested} is a float16 accumulation overflow, when it is one. Runs the pair's
     * backends once more on the model with its intermediate values exposed, but only after the cheap checks
     * (operator, dtype, bound) pass. The finding is an inconsistency localized to {@code node}; {@code reference}
     * holds the reference's value of every value of the model.
     */
    Optional<String> explain(TestCase tested, Finding finding, Node node, Map<String, Tensor> reference) {
        Optional<Localization> where = finding.localization()
                .filter(l -> l.method().equals(Localization.INTERMEDIATES));
        if (where.isEmpty() || !AccumulationBound.OPERATORS.contains(node.opType())) {
            return Optional.empty();
        }
        String output = where.get().output() != null ? where.get().output() : node.outputs().get(0);
        double[] bound;
        try {
            Tensor result = reference.get(output);
            if (result == null || result.dtype() != DType.FLOAT16) {
                return Optional.empty();
            }
            Optional<double[]> computed = AccumulationBound.of(node, reference);
            if (computed.isEmpty() || computed.get().length != result.size() || !reachable(computed.get(), result)) {
                return Optional.empty();
            }
            bound = computed.get();
        } catch (RuntimeException e) {
            // A bound that cannot be computed explains nothing; the finding stands.
            return Optional.empty();
        }
        if (finding.pair().isEmpty()) {
            return Optional.empty();
        }
        DivergingPair pair = finding.pair().get();
        Map<String, Tensor> exposedRuns = new HashMap<>();
        Optional<Tensor> actual = valueOf(pair.actual(), output, tested, reference, exposedRuns);
        Optional<Tensor> expected = valueOf(pair.expected(), output, tested, reference, exposedRuns);
        if (actual.isEmpty() || expected.isEmpty()) {
            return Optional.empty();
        }
        return explain(node, reference.get(output), actual.get(), expected.get(), bound, pair);
    }

    private Optional<String> explain(Node node, Tensor reference, Tensor actual, Tensor expected, double[] bound,
            DivergingPair pair) {
        if (!actual.shape().equals(reference.shape()) || !expected.shape().equals(reference.shape())) {
            return Optional.empty();
        }
        Closeness rule = tolerance.closeness(true);
        int overflowed = 0;
        double largest = 0;
        Set<String> sides = new LinkedHashSet<>();
        for (int i = 0; i < reference.size(); i++) {
            double r = reference.getDouble(i);
            double a = actual.getDouble(i);
            double e = expected.getDouble(i);
            if (!Double.isFinite(r) || rule.test(a, e)) {
                continue;
            }
            if (!explained(a, r, bound[i], rule) || !explained(e, r, bound[i], rule)) {
                return Optional.empty();
            }
            if (!Double.isFinite(a)) {
                sides.add(pair.actual());
            }
            if (!Double.isFinite(e)) {
                sides.add(pair.expected());
            }
            if (!Double.isFinite(a) || !Double.isFinite(e)) {
                overflowed++;
                largest = Math.max(largest, bound[i]);
            }
        }
        if (overflowed == 0) {
            return Optional.empty();
        }
        String accumulates = node.opType().equals("ReduceProd") ? "partial products" : "partial sums";
        return Optional.of(String.format(Locale.ROOT, "float16 accumulation overflow: %s gives ±∞ or NaN for %s%s "
                + "at %d element%s where the reference is finite, and float16 %s there can reach %.4g > %.0f "
                + "(the largest float16); ONNX does not fix the accumulation precision", String.join(" and ", sides),
                node.opType(), node.name().isEmpty() ? "" : " '" + node.name() + "'", overflowed,
                overflowed == 1 ? "" : "s", accumulates, largest, Float16.MAX_VALUE));
    }

    /** One run's value at an element: right, or non-finite where an accumulator could overflow. */
    private static boolean explained(double value, double reference, double bound, Closeness rule) {
        return rule.test(value, reference) || (!Double.isFinite(value) && bound > Float16.MAX_VALUE);
    }

    /** Whether some element the reference has finite could overflow a float16 accumulator. */
    private static boolean reachable(double[] bound, Tensor reference) {
        for (int i = 0; i < bound.length; i++) {
            if (Double.isFinite(reference.getDouble(i)) && bound[i] > Float16.MAX_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code backend}'s value of {@code output} inside the model (every intermediate exposed, as localized). */
    private Optional<Tensor> valueOf(String backend, String output, TestCase tested, Map<String, Tensor> reference,
            Map<String, Tensor> cache) {
        if (backend.equals(ReferenceBackend.NAME)) {
            return Optional.ofNullable(reference.get(output));
        }
        if (!cache.containsKey(backend)) {
            ExposedModel exposed;
            try {
                exposed = ExposedModel.of(tested.model(), tested.inputs());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            RunOutcome outcome = executor.execute(backend, exposed.bytes(), tested.inputs());
            if (!outcome.succeeded() || !outcome.outputs().containsKey(output)) {
                return Optional.empty();
            }
            cache.put(backend, outcome.outputs().get(output));
        }
        return Optional.of(cache.get(backend));
    }
}
