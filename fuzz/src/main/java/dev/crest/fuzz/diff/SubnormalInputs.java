package dev.crest.fuzz.diff;

import dev.crest.fuzz.backend.BackendExecutor;
import dev.crest.fuzz.localize.IsolatedNode;
import dev.crest.fuzz.localize.Localization;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a known-benign inconsistency: an engine that flushes subnormal floating-point values to zero. The
 * ONNX specification is silent on subnormals, and TensorFlow's CPU kernels run with the processor's flush-to-zero
 * and denormals-are-zero modes on, for speed; the reference computes with them as IEEE 754 numbers. The difference
 * is visible only where the result depends on a value below the smallest normal number, such as an
 * {@code ArgMin} choosing between 0 and 3e-322 (a 30-minute campaign found exactly that). A divergence is put down
 * to subnormals only when the localized node diverges when run alone on the reference's values of its inputs,
 * some of those values are subnormal, and the node alone agrees once they are replaced by zeros of the same sign.
 */
final class SubnormalInputs {
    private final BackendExecutor executor;
    private final Tolerance tolerance;

    /** A rule re-running the localized node through {@code executor}, comparing under {@code tolerance}. */
    SubnormalInputs(BackendExecutor executor, Tolerance tolerance) {
        this.executor = executor;
        this.tolerance = tolerance;
    }

    /**
     * Why {@code finding} on {@code tested}, localized to {@code node}, comes from subnormal inputs flushed to zero,
     * when it does; {@code reference} holds the reference's value of every value of the model.
     */
    Optional<String> explain(TestCase tested, Finding finding, Node node, Map<String, Tensor> reference) {
        boolean aloneDiverges = finding.localization().map(Localization::nodeAloneDiverges)
                .filter(Boolean.TRUE::equals).isPresent();
        if (finding.pair().isEmpty() || !aloneDiverges) {
            return Optional.empty();
        }
        Model model = tested.model();
        Map<String, Tensor> values = new HashMap<>(reference);
        List<String> flushed = new ArrayList<>();
        for (String input : node.inputs()) {
            Tensor value = values.get(input);
            if (value != null && !flushed.contains(input)) {
                Optional<Tensor> zeroed = flushSubnormals(value);
                if (zeroed.isPresent()) {
                    values.put(input, zeroed.get());
                    flushed.add(input);
                }
            }
        }
        if (flushed.isEmpty()) {
            return Optional.empty();
        }
        DivergingPair pair = finding.pair().get();
        Optional<Boolean> diverges = IsolatedNode.diverges(executor, tolerance, model, node, values,
                HalfPrecisionValues.of(model), pair.actual(), pair.expected());
        return diverges.filter(d -> !d).map(d -> "subnormal values flushed to zero: " + node.opType() + " '"
                + node.name() + "' agrees on " + pair.actual() + " and " + pair.expected()
                + " once the subnormal values of " + String.join(", ", flushed) + " are zeros (ONNX does not define"
                + " subnormal handling; engines that flush subnormals for speed, as TensorFlow's CPU kernels do,"
                + " differ there)");
    }

    /** {@code value} with its subnormal elements replaced by zeros of the same sign, when it has any. */
    static Optional<Tensor> flushSubnormals(Tensor value) {
        double smallestNormal = smallestNormal(value.dtype());
        if (smallestNormal == 0) {
            return Optional.empty();
        }
        double[] elements = value.toDoubleArray();
        boolean any = false;
        for (int i = 0; i < elements.length; i++) {
            double x = elements[i];
            if (x != 0 && Math.abs(x) < smallestNormal) {
                elements[i] = Math.copySign(0.0, x);
                any = true;
            }
        }
        return any ? Optional.of(Tensor.fromDoubles(value.dtype(), value.shape(), elements)) : Optional.empty();
    }

    /** The smallest positive normal number of a floating-point dtype; 0 for other dtypes. */
    private static double smallestNormal(DType dtype) {
        return switch (dtype) {
            case FLOAT16 -> 0x1p-14;
            case FLOAT32 -> Float.MIN_NORMAL;
            case FLOAT64 -> Double.MIN_NORMAL;
            default -> 0;
        };
    }
}
