package dev.crest.netsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ComputeTimelineProperties {

    /** Layers with the given FLOPs; layer i has i mod 3 tensors, and the first always has one. */
    private static List<Layer> layers(List<Integer> flops) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < flops.size(); i++) {
            List<TensorSpec> params = new ArrayList<>();
            int count = i == 0 ? 1 : i % 3;
            for (int p = 0; p < count; p++) {
                params.add(new TensorSpec("l" + i + "p" + p, 32L * (i + 1)));
            }
            layers.add(new Layer("l" + i, params, flops.get(i)));
        }
        return layers;
    }

    @Property(tries = 50)
    void gradientsComeInReverseModelOrderAndTheLastAtRatioTimesForward(
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 1_000_000) Integer> flops,
            @ForAll @DoubleRange(min = 1e6, max = 1e13) double throughput,
            @ForAll @DoubleRange(min = 0.5, max = 4) double ratio) {
        WorkloadSettings settings = new WorkloadSettings(throughput, 1, ratio, OptionalDouble.empty());
        Workload w = ComputeTimeline.workload("random", layers(flops), settings);
        double total = flops.stream().mapToDouble(Integer::doubleValue).sum();
        assertThat(w.forwardSeconds()).isCloseTo(total / throughput, within(
                1e-12 * (1 + total / throughput)));
        double[] at = new double[w.tensors().size()];
        for (GradientEmission e : w.backprop()) {
            at[e.tensorIndex()] = e.secondsAfterBackpropStart();
        }
        for (int i = 1; i < at.length; i++) {
            assertThat(at[i]).isLessThanOrEqualTo(at[i - 1]);
        }
        assertThat(w.backpropSeconds()).isCloseTo(ratio * w.forwardSeconds(),
                within(1e-9 * (1 + ratio * w.forwardSeconds())));
    }
}
