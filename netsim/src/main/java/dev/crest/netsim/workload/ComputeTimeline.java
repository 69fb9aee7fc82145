package dev.crest.netsim.workload;

import dev.crest.netsim.NetsimException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a model's layers into a {@link Workload}: forward time is total forward FLOPs ÷ device throughput (or
 * the measured forward time of the settings); backprop visits the layers in reverse, each costing
 * {@code backwardToForwardRatio} times its forward share, and each layer's gradient tensors are emitted when
 * its backward work completes (times are cumulative). Parameter tensors keep the layers' forward order.
 *
 * <p>Every layer's backward work is counted, including parameter-free layers in front of the first
 * parameterized one, so when the first layer has parameters (every zoo model) the last gradient appears at
 * exactly {@code backwardToForwardRatio × forward}.
 */
public final class ComputeTimeline {
    private ComputeTimeline() {
    }

    /** The workload of {@code layers} under {@code settings}. */
    public static Workload workload(String name, List<Layer> layers, WorkloadSettings settings) {
        double totalFlops = 0;
        List<TensorSpec> tensors = new ArrayList<>();
        for (Layer layer : layers) {
            totalFlops += layer.forwardFlops();
            tensors.addAll(layer.parameters());
        }
        if (tensors.isEmpty()) {
            throw new NetsimException("model '" + name + "' has no parameter tensors, so training it exchanges nothing");
        }
        double forward;
        double secondsPerFlop;
        if (settings.forwardSeconds().isPresent()) {
            forward = settings.forwardSeconds().getAsDouble();
            if (totalFlops <= 0) {
                throw new NetsimException("model '" + name + "' has no FLOPs to spread its forward time over");
            }
            secondsPerFlop = forward / totalFlops;
        } else {
            secondsPerFlop = 1 / settings.deviceFlopsPerSecond();
            forward = totalFlops * secondsPerFlop;
        }
        double ratio = settings.backwardToForwardRatio();
        List<GradientEmission> emissions = new ArrayList<>(tensors.size());
        int nextIndex = tensors.size();
        double elapsedFlops = 0;
        for (int l = layers.size() - 1; l >= 0; l--) {
            Layer layer = layers.get(l);
            elapsedFlops += layer.forwardFlops();
            double doneAt = ratio * elapsedFlops * secondsPerFlop;
            nextIndex -= layer.parameters().size();
            for (int p = 0; p < layer.parameters().size(); p++) {
                emissions.add(new GradientEmission(nextIndex + p, doneAt));
            }
        }
        return new Workload(name, tensors, forward, emissions);
    }
}
