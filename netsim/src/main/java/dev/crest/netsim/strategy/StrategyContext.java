package dev.crest.netsim.strategy;

import dev.crest.netsim.network.Aggregation;
import dev.crest.netsim.network.AggregationTree;
import dev.crest.netsim.network.Delivery;
import dev.crest.netsim.network.Route;
import dev.crest.netsim.sim.SimulationSettings;
import dev.crest.netsim.topology.Topology;
import dev.crest.netsim.workload.Workload;
import java.util.SplittableRandom;

/**
 * What a running {@link Strategy} may see and do: the workload, settings and topology; the clock and timers;
 * sending messages (unicast, switch multicast, in-switch aggregation); and reporting progress (parameters
 * arrived at a worker, a worker finished). Messages are cut into MTU packets and stored-and-forwarded hop by hop;
 * delivery callbacks run when the last packet reaches a destination. Not thread-safe: call only from callbacks.
 */
public interface StrategyContext {
    Workload workload();

    SimulationSettings settings();

    Topology topology();

    /** Number of workers N. */
    default int workers() {
        return topology().workerCount();
    }

    /** Node id of worker {@code worker}. */
    default int workerNode(int worker) {
        return topology().workerNode(worker);
    }

    /** Current simulated time in seconds. */
    double now();

    /** Runs {@code action} at simulated time {@code time} (not earlier than {@link #now()}). */
    void at(double time, Runnable action);

    /** A random source seeded from the settings' seed; draw from it only in simulation order. */
    SplittableRandom random();

    /** Sends {@code bits} from node {@code from} to node {@code to} along the routed path. */
    void send(int from, int to, long bits, Delivery onDelivered);

    /**
     * A switch-replicated multicast tree from {@code from} to every node of {@code to}: one copy per tree link,
     * switches copy each packet to all branches below them. Build once and reuse for many messages.
     */
    Route multicastRoute(int from, int[] to);

    /** Sends {@code bits} along {@code route}; {@code onDelivered} runs once per destination. */
    void send(Route route, long bits, Delivery onDelivered);

    /**
     * The in-network aggregation tree from {@code contributors} to {@code destination}: the union of their routed
     * paths; every switch on it aggregates. Build once and reuse for many messages.
     */
    AggregationTree aggregationTree(int[] contributors, int destination);

    /**
     * Opens one aggregated message of {@code bits}: each switch on {@code tree} waits until every contribution
     * expected from below has fully arrived, then forwards one full-size message (message granularity);
     * {@code onDelivered} runs when the aggregate reaches the tree's destination. Contributors join with
     * {@link Aggregation#contribute(int)}.
     */
    Aggregation aggregate(AggregationTree tree, long bits, Delivery onDelivered);

    /** PS modes: worker {@code worker} now holds the parameters of tensor {@code tensor}. */
    void parametersArrived(int worker, int tensor);

    /** The worker holds every reduced gradient (all-reduce) or the PS holds every gradient from it (PS modes). */
    void workerDone(int worker);
}
