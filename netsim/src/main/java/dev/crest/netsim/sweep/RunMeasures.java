package dev.crest.netsim.sweep;

import dev.crest.netsim.sim.Breakdown;
import dev.crest.netsim.sim.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The numbers of a {@link Result} a sweep writes per run, by CSV column: iteration time and its breakdown. */
public final class RunMeasures {
    public static final String ITERATION = "iteration_s";

    /** Column order of the measures in a sweep CSV. */
    public static final List<String> COLUMNS = List.of(ITERATION, "parameter_distribution_s", "compute_s",
            "last_backprop_start_s", "last_gradient_s", "gradient_exchange_s", "worker_finish_min_s",
            "worker_finish_mean_s", "worker_finish_max_s", "busiest_link_utilisation", "events", "packet_hops",
            "messages");

    private RunMeasures() {
    }

    /** The measures of one result, keyed by {@link #COLUMNS}. */
    public static Map<String, Double> of(Result result) {
        Breakdown b = result.breakdown();
        double[] finish = result.workerFinishSeconds();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double f : finish) {
            min = Math.min(min, f);
            max = Math.max(max, f);
            sum += f;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(ITERATION, result.iterationSeconds());
        m.put("parameter_distribution_s", b.parameterDistributionSeconds());
        m.put("compute_s", b.computeSeconds());
        m.put("last_backprop_start_s", b.lastBackpropStartSeconds());
        m.put("last_gradient_s", b.lastGradientSeconds());
        m.put("gradient_exchange_s", b.gradientExchangeSeconds());
        m.put("worker_finish_min_s", min);
        m.put("worker_finish_mean_s", sum / finish.length);
        m.put("worker_finish_max_s", max);
        m.put("busiest_link_utilisation", result.busiestLinks().isEmpty() ? 0.0
                : result.busiestLinks().get(0).utilisation());
        m.put("events", (double) result.eventsProcessed());
        m.put("packet_hops", (double) result.packetHops());
        m.put("messages", (double) result.messages());
        return m;
    }
}
