package dev.crest.netsim.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A built-in model described layer by layer at a stated input size, with float32 parameters: the source of a
 * zoo workload's tensor sizes and per-layer FLOPs.
 *
 * @param name zoo name
 * @param input what one example is, e.g. {@code 3×224×224 image} or {@code 128 tokens}
 * @param layers the layers in forward order
 */
public record Architecture(String name, String input, List<ArchitectureLayer> layers) {
    /** Bits per parameter element: the zoo's models train in float32. */
    public static final int BITS_PER_PARAMETER = 32;

    public Architecture {
        layers = List.copyOf(layers);
    }

    /** Total trainable parameters. */
    public long parameterCount() {
        return layers.stream().mapToLong(ArchitectureLayer::parameterCount).sum();
    }

    /** Total parameter tensors. */
    public int tensorCount() {
        return layers.stream().mapToInt(l -> l.parameterElements().size()).sum();
    }

    /** Multiply-accumulates of one example's forward pass (the figure papers usually quote as "FLOPs"). */
    public long forwardMacsPerExample() {
        return layers.stream().mapToLong(ArchitectureLayer::forwardMacs).sum();
    }

    /** Floating-point operations of one example's forward pass under {@link FlopRules}. */
    public long forwardFlopsPerExample() {
        return layers.stream().mapToLong(ArchitectureLayer::forwardFlops).sum();
    }

    /** The layers for a batch of {@code batchSize} examples, parameters as float32 tensors. */
    public List<Layer> layersAtBatch(int batchSize) {
        List<Layer> out = new ArrayList<>(layers.size());
        for (ArchitectureLayer layer : layers) {
            List<TensorSpec> tensors = new ArrayList<>();
            for (Map.Entry<String, Long> p : layer.parameterElements().entrySet()) {
                tensors.add(new TensorSpec(p.getKey(), p.getValue() * BITS_PER_PARAMETER));
            }
            out.add(new Layer(layer.name(), tensors, (double) layer.forwardFlops() * batchSize));
        }
        return out;
    }

    /** The workload of this architecture under {@code settings}. */
    public Workload workload(WorkloadSettings settings) {
        return ComputeTimeline.workload(name, layersAtBatch(settings.batchSize()), settings);
    }
}
