/**
 * Strategies: how one synchronous iteration distributes parameters and exchanges gradients.
 *
 * <p>Writing a strategy: implement {@link dev.crest.netsim.strategy.Strategy} (a stateless description with a
 * name), and register its constructor reference in {@link dev.crest.netsim.strategy.Strategies#names() the
 * registry}. {@code start(context)} runs at time 0 and returns a {@link dev.crest.netsim.strategy.StrategyRun}
 * whose {@code gradientReady(worker, tensor)} the simulation calls as each worker's backprop emits each gradient.
 * Everything else goes through the {@link dev.crest.netsim.strategy.StrategyContext}:
 * <ul>
 *   <li>{@code send(from, to, bits, onDelivered)}: a unicast message between any two nodes (hosts or switches),
 *       cut into MTU packets and stored-and-forwarded; {@code onDelivered.delivered(node)} runs when its last
 *       packet arrives. Node ids: {@code workerNode(w)}, {@code topology().parameterServerNode(p)},
 *       {@code topology().torNode(rack)}, {@code topology().rackOf(node)}.</li>
 *   <li>{@code multicastRoute(from, nodes)} then {@code send(route, bits, onDelivered)}: switch multicast, one
 *       packet copy per tree link, a delivery callback per destination.</li>
 *   <li>{@code aggregationTree(contributors, destination)} then {@code aggregate(tree, bits, onDelivered)} and
 *       {@code contribute(node)} per contributor: in-switch aggregation at message granularity.</li>
 *   <li>{@code at(time, action)} for timers, {@code now()}, {@code random()} (seeded) for random choices,
 *       {@code settings()} for e.g. {@code chunkBits()}.</li>
 *   <li>Progress: PS modes report {@code parametersArrived(worker, tensor)}; every strategy reports
 *       {@code workerDone(worker)} once per worker, and the iteration ends at the last one. Strategies whose
 *       {@code usesParameterServers()} is false start with all parameters present at every worker.</li>
 * </ul>
 * Settings a strategy cannot run with (e.g. butterfly with N not a power of two) are rejected in
 * {@code validate(settings, topology)} with a {@link dev.crest.netsim.NetsimException}.
 */
package dev.crest.netsim.strategy;
