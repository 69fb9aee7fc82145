package dev.crest.netsim.strategy;

import dev.crest.netsim.sim.SimulationSettings;
import dev.crest.netsim.topology.Topology;

/**
 * How workers obtain parameters and exchange gradients in one synchronous iteration: a parameter-server variant
 * or an all-reduce. A strategy is a stateless, reusable description; {@link #start} creates the per-run state.
 * Implementations are registered by name in {@link Strategies}.
 */
public interface Strategy {
    /** The registry name, e.g. {@code ps+agg}. */
    String name();

    /**
     * Whether the iteration involves parameter servers. When false, the topology is built without PS hosts and
     * every worker holds all parameters at time 0 (the strategy need not call
     * {@link StrategyContext#parametersArrived}).
     */
    boolean usesParameterServers();

    /**
     * Rejects settings or topologies this strategy cannot run (e.g. butterfly with N not a power of two) with a
     * {@link dev.crest.netsim.NetsimException} a user can act on. Called before {@link #start}.
     */
    default void validate(SimulationSettings settings, Topology topology) {
    }

    /**
     * Starts an iteration at time 0: schedules parameter distribution (PS modes) and returns the hook that
     * receives gradients. The run must eventually call {@link StrategyContext#workerDone} for every worker.
     */
    StrategyRun start(StrategyContext context);
}
