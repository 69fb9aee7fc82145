/**
 * Running an iteration: {@code Simulation.of(workload, topologySpec, strategy, settings).run()} returns a
 * {@link dev.crest.netsim.sim.Result}; {@link dev.crest.netsim.sim.SimulationSettings} holds every knob and its
 * default.
 */
package dev.crest.netsim.sim;
