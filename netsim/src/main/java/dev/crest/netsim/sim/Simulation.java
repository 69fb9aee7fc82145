package dev.crest.netsim.sim;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.engine.Scheduler;
import dev.crest.netsim.network.Aggregation;
import dev.crest.netsim.network.AggregationTree;
import dev.crest.netsim.network.Delivery;
import dev.crest.netsim.network.Network;
import dev.crest.netsim.network.Route;
import dev.crest.netsim.strategy.Strategy;
import dev.crest.netsim.strategy.StrategyContext;
import dev.crest.netsim.strategy.StrategyRun;
import dev.crest.netsim.topology.Topologies;
import dev.crest.netsim.topology.Topology;
import dev.crest.netsim.topology.TopologySpec;
import dev.crest.netsim.workload.GradientEmission;
import dev.crest.netsim.workload.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One synchronous training iteration of a workload on a network under a strategy: builds the topology, runs the
 * discrete-event simulation and summarises it. Each {@link #run()} starts from scratch, so runs are repeatable and
 * bit-for-bit identical for the same inputs.
 *
 * <p>Worker compute follows the reference study: forward starts when tensor 0's parameters arrive, backprop
 * starts once all parameters are in and the forward time has passed, and gradient i is emitted at backprop start +
 * its emission time / compute speed-up.
 */
public final class Simulation {
    private final Workload workload;
    private final Strategy strategy;
    private final SimulationSettings settings;
    private final Topology topology;

    private Simulation(Workload workload, Topology topology, Strategy strategy, SimulationSettings settings) {
        this.workload = workload;
        this.topology = topology;
        this.strategy = strategy;
        this.settings = settings;
    }

    /**
     * Prepares a simulation; builds the topology (with PS hosts only if the strategy uses them) and validates the
     * combination, throwing {@link NetsimException} on anything a user must fix.
     */
    public static Simulation of(Workload workload, TopologySpec topology, Strategy strategy,
            SimulationSettings settings) {
        int parameterServers = strategy.usesParameterServers() ? settings.parameterServers() : 0;
        if (strategy.usesParameterServers()) {
            // Only to validate: a sharding that does not fit the workload fails here, not in the middle of a run.
            settings.sharding().assign(workload, parameterServers);
        }
        Topology built = Topologies.build(topology, settings.workers(), parameterServers, settings.linkRates());
        strategy.validate(settings, built);
        return new Simulation(workload, built, strategy, settings);
    }

    public Topology topology() {
        return topology;
    }

    /** Runs the iteration and returns its result. */
    public Result run() {
        return new Run().execute();
    }

    /** The state of one run; also the context strategies act through. */
    private final class Run implements StrategyContext {
        private final Scheduler scheduler = new Scheduler();
        private final Network network = new Network(topology, scheduler, settings.mtuBits(), settings.seed(),
                settings.latencyOccupiesLink(), settings.bufferPackets(), settings.retransmitTimeoutSeconds());
        private final SplittableRandom random = new SplittableRandom(settings.seed());
        private final int workers = topology.workerCount();
        private final int tensors = workload.tensors().size();
        private final boolean[] arrived = new boolean[workers * tensors];
        private final int[] arrivedCount = new int[workers];
        private final boolean[] forwardDone = new boolean[workers];
        private final boolean[] backpropStarted = new boolean[workers];
        private final double[] parametersIn = filled(workers);
        private final double[] forwardStart = filled(workers);
        private final double[] backpropStart = filled(workers);
        private final double[] lastGradient = filled(workers);
        private final double[] finish = filled(workers);
        private int finished;
        private double end = Double.NaN;
        private StrategyRun strategyRun;

        Result execute() {
            strategyRun = strategy.start(this);
            if (!strategy.usesParameterServers()) {
                for (int w = 0; w < workers; w++) {
                    for (int t = 0; t < tensors; t++) {
                        parametersArrived(w, t);
                    }
                }
            }
            scheduler.run();
            if (finished < workers) {
                throw new IllegalStateException("strategy " + strategy.name() + " stopped with " + (workers - finished)
                        + " of " + workers + " workers unfinished at " + scheduler.now() + " s");
            }
            return summarise();
        }

        @Override
        public Workload workload() {
            return workload;
        }

        @Override
        public SimulationSettings settings() {
            return settings;
        }

        @Override
        public Topology topology() {
            return topology;
        }

        @Override
        public double now() {
            return scheduler.now();
        }

        @Override
        public void at(double time, Runnable action) {
            scheduler.at(time, action);
        }

        @Override
        public SplittableRandom random() {
            return random;
        }

        @Override
        public void send(int from, int to, long bits, Delivery onDelivered) {
            network.send(from, to, bits, onDelivered);
        }

        @Override
        public Route multicastRoute(int from, int[] to) {
            return network.multicastRoute(from, to);
        }

        @Override
        public void send(Route route, long bits, Delivery onDelivered) {
            network.send(route, bits, onDelivered);
        }

        @Override
        public AggregationTree aggregationTree(int[] contributors, int destination) {
            return network.aggregationTree(contributors, destination);
        }

        @Override
        public Aggregation aggregate(AggregationTree tree, long bits, Delivery onDelivered) {
            return network.aggregate(tree, bits, onDelivered);
        }

        @Override
        public void parametersArrived(int worker, int tensor) {
            int index = worker * tensors + tensor;
            if (arrived[index]) {
                throw new IllegalStateException("worker " + worker + " received tensor " + tensor + " twice");
            }
            arrived[index] = true;
            double now = scheduler.now();
            if (tensor == 0) {
                forwardStart[worker] = now;
                scheduler.at(now + workload.forwardSeconds() / settings.computeSpeedup(), () -> {
                    forwardDone[worker] = true;
                    maybeStartBackprop(worker);
                });
            }
            if (++arrivedCount[worker] == tensors) {
                parametersIn[worker] = now;
                maybeStartBackprop(worker);
            }
        }

        @Override
        public void workerDone(int worker) {
            if (!Double.isNaN(finish[worker])) {
                throw new IllegalStateException("worker " + worker + " reported done twice");
            }
            finish[worker] = scheduler.now();
            if (++finished == workers) {
                end = scheduler.now();
                scheduler.stop();
            }
        }

        private void maybeStartBackprop(int worker) {
            if (backpropStarted[worker] || !forwardDone[worker] || arrivedCount[worker] < tensors) {
                return;
            }
            backpropStarted[worker] = true;
            backpropStart[worker] = scheduler.now();
            scheduleEmission(worker, 0);
        }

        private void scheduleEmission(int worker, int index) {
            GradientEmission emission = workload.backprop().get(index);
            double time = backpropStart[worker] + emission.secondsAfterBackpropStart() / settings.computeSpeedup();
            scheduler.at(time, () -> {
                lastGradient[worker] = scheduler.now();
                // Chain the next emission first so equal emission times keep backprop order.
                if (index + 1 < workload.backprop().size()) {
                    scheduleEmission(worker, index + 1);
                }
                strategyRun.gradientReady(worker, emission.tensorIndex());
            });
        }

        private Result summarise() {
            List<WorkerTimeline> timelines = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                timelines.add(new WorkerTimeline(w, parametersIn[w], forwardStart[w], backpropStart[w],
                        lastGradient[w], finish[w]));
            }
            double compute = (workload.forwardSeconds() + workload.backpropSeconds()) / settings.computeSpeedup();
            double lastGradientTime = max(lastGradient);
            Breakdown breakdown = new Breakdown(max(parametersIn), compute, max(backpropStart), lastGradientTime,
                    end - lastGradientTime);
            return new Result(workload.name(), strategy.name(), topology.name(), workers, end, breakdown, timelines,
                    busiestLinks(), scheduler.eventsProcessed(), network.packetHops(), network.messagesSent(),
                    network.droppedPackets());
        }

        private List<LinkLoad> busiestLinks() {
            Integer[] links = new Integer[topology.linkCount()];
            for (int l = 0; l < links.length; l++) {
                links[l] = l;
            }
            Arrays.sort(links, Comparator.comparingDouble((Integer l) -> -network.busySeconds(l))
                    .thenComparingInt(l -> l));
            List<LinkLoad> loads = new ArrayList<>();
            for (int i = 0; i < Math.min(settings.busiestLinks(), links.length); i++) {
                int l = links[i];
                double busy = network.busySeconds(l);
                loads.add(new LinkLoad(topology.nodeName(topology.linkFrom(l)), topology.nodeName(topology.linkTo(l)),
                        network.bitsSent(l), busy, end > 0 ? Math.min(1.0, busy / end) : 0.0));
            }
            return loads;
        }
    }

    private static double[] filled(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
