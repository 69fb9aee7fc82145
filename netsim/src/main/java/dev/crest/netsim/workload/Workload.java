package dev.crest.netsim.workload;

import dev.crest.netsim.NetsimException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one worker of a synchronous data-parallel job does in an iteration, as the simulator sees it: the
 * parameter tensors in model order (the order the PS sends them), the forward-pass time, and the backprop
 * timeline saying when each gradient tensor is ready. Times are at compute speed-up 1; the simulation scales
 * them.
 *
 * @param name model name, for reports
 * @param tensors parameter tensors in model order
 * @param forwardSeconds forward-pass time of one iteration
 * @param backprop one emission per tensor, sorted by time (ties keep tensor order)
 */
public record Workload(String name, List<TensorSpec> tensors, double forwardSeconds, List<GradientEmission> backprop) {
    public Workload {
        tensors = List.copyOf(tensors);
        if (tensors.isEmpty()) {
            throw new NetsimException("workload '" + name + "' has no parameter tensors");
        }
        if (!(forwardSeconds >= 0) || Double.isInfinite(forwardSeconds)) {
            throw new NetsimException("workload '" + name + "': forward time must be finite and non-negative, got "
                    + forwardSeconds);
        }
        boolean[] seen = new boolean[tensors.size()];
        for (GradientEmission e : backprop) {
            if (e.tensorIndex() >= tensors.size()) {
                throw new NetsimException("workload '" + name + "': gradient for tensor " + e.tensorIndex()
                        + " but the model has " + tensors.size() + " tensors");
            }
            if (seen[e.tensorIndex()]) {
                throw new NetsimException("workload '" + name + "': tensor '" + tensors.get(e.tensorIndex()).name()
                        + "' has two gradient emissions");
            }
            seen[e.tensorIndex()] = true;
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                throw new NetsimException("workload '" + name + "': tensor '" + tensors.get(i).name()
                        + "' has no gradient emission");
            }
        }
        List<GradientEmission> sorted = new ArrayList<>(backprop);
        sorted.sort(Comparator.comparingDouble(GradientEmission::secondsAfterBackpropStart)
                .thenComparingInt(GradientEmission::tensorIndex));
        backprop = List.copyOf(sorted);
    }

    /** Total parameter size in bits (the M of the analytic formulas). */
    public long totalBits() {
        long sum = 0;
        for (TensorSpec t : tensors) {
            sum += t.bits();
        }
        return sum;
    }

    /** Time from backprop start until the last gradient is ready, at speed-up 1. */
    public double backpropSeconds() {
        return backprop.get(backprop.size() - 1).secondsAfterBackpropStart();
    }
}
