package dev.crest.netsim.strategy;

import dev.crest.netsim.network.Aggregation;
import dev.crest.netsim.network.AggregationTree;
import dev.crest.netsim.network.Route;
import dev.crest.netsim.topology.Topology;
import dev.crest.netsim.workload.Workload;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The parameter-server family of the reference study: each PS shard sends its parameter tensors in model order,
 * each tensor to every worker before the next (unicast in worker order or a seeded random order when striped,
 * or one switch-replicated multicast), and collects gradients (unicast, or aggregated in the switches at message
 * granularity). The iteration ends when every PS holds every gradient.
 */
public final class ParameterServerStrategy implements Strategy {
    private final boolean multicast;
    private final boolean aggregation;

    private ParameterServerStrategy(boolean multicast, boolean aggregation) {
        this.multicast = multicast;
        this.aggregation = aggregation;
    }

    /** {@code ps}: unicast both ways. */
    public static ParameterServerStrategy plain() {
        return new ParameterServerStrategy(false, false);
    }

    /** {@code ps+multicast}: switches replicate PS packets to the workers below them. */
    public static ParameterServerStrategy withMulticast() {
        return new ParameterServerStrategy(true, false);
    }

    /** {@code ps+agg}: switches aggregate gradients before they reach the PS. */
    public static ParameterServerStrategy withAggregation() {
        return new ParameterServerStrategy(false, true);
    }

    /** {@code ps+agg+multicast}: both ("multiagg" in the study). */
    public static ParameterServerStrategy withAggregationAndMulticast() {
        return new ParameterServerStrategy(true, true);
    }

    @Override
    public String name() {
        return "ps" + (aggregation ? "+agg" : "") + (multicast ? "+multicast" : "");
    }

    @Override
    public boolean usesParameterServers() {
        return true;
    }

    @Override
    public StrategyRun start(StrategyContext context) {
        return new Run(context);
    }

    /** One iteration's bookkeeping. */
    private final class Run implements StrategyRun {
        private final StrategyContext context;
        private final Workload workload;
        private final Topology topology;
        private final int workers;
        private final int[] shardOfTensor;
        private final int[] workerOfNode;
        private final int[] workerNodes;
        private final int[] gradientsOutstanding;
        private final Aggregation[] aggregations;
        private int tensorsAggregated;

        Run(StrategyContext context) {
            this.context = context;
            this.workload = context.workload();
            this.topology = context.topology();
            this.workers = context.workers();
            int shards = topology.parameterServerCount();
            this.shardOfTensor = context.settings().sharding().assign(workload, shards);
            this.workerNodes = new int[workers];
            this.workerOfNode = new int[topology.nodeCount()];
            for (int w = 0; w < workers; w++) {
                workerNodes[w] = context.workerNode(w);
                workerOfNode[workerNodes[w]] = w;
            }
            int tensors = workload.tensors().size();
            this.gradientsOutstanding = new int[workers];
            Arrays.fill(gradientsOutstanding, tensors);
            this.aggregations = new Aggregation[tensors];
            if (aggregation) {
                AggregationTree[] trees = new AggregationTree[shards];
                for (int t = 0; t < tensors; t++) {
                    int shard = shardOfTensor[t];
                    if (trees[shard] == null) {
                        trees[shard] = context.aggregationTree(workerNodes, topology.parameterServerNode(shard));
                    }
                    aggregations[t] = context.aggregate(trees[shard], bits(t), node -> tensorAggregated());
                }
            }
            distributeParameters(shards, tensors);
        }

        private void distributeParameters(int shards, int tensors) {
            Route[] multicastRoutes = new Route[shards];
            SplittableRandom random = context.random();
            int[] order = new int[workers];
            // Enqueued all at time 0: each PS uplink is FIFO, so tensors leave in model order, one worker after another.
            for (int t = 0; t < tensors; t++) {
                int tensor = t;
                int shard = shardOfTensor[t];
                int ps = topology.parameterServerNode(shard);
                if (multicast) {
                    if (multicastRoutes[shard] == null) {
                        multicastRoutes[shard] = context.multicastRoute(ps, workerNodes);
                    }
                    context.send(multicastRoutes[shard], bits(t),
                            node -> context.parametersArrived(workerOfNode[node], tensor));
                    continue;
                }
                for (int i = 0; i < workers; i++) {
                    order[i] = i;
                }
                if (context.settings().striped()) {
                    for (int i = workers - 1; i > 0; i--) {
                        int j = random.nextInt(i + 1);
                        int swap = order[i];
                        order[i] = order[j];
                        order[j] = swap;
                    }
                }
                for (int w : order) {
                    context.send(ps, workerNodes[w], bits(t), node -> context.parametersArrived(w, tensor));
                }
            }
        }

        @Override
        public void gradientReady(int worker, int tensor) {
            if (aggregation) {
                aggregations[tensor].contribute(workerNodes[worker]);
                return;
            }
            int ps = topology.parameterServerNode(shardOfTensor[tensor]);
            context.send(workerNodes[worker], ps, bits(tensor), node -> {
                if (--gradientsOutstanding[worker] == 0) {
                    context.workerDone(worker);
                }
            });
        }

        private void tensorAggregated() {
            if (++tensorsAggregated == aggregations.length) {
                for (int w = 0; w < workers; w++) {
                    context.workerDone(w);
                }
            }
        }

        private long bits(int tensor) {
            return workload.tensors().get(tensor).bits();
        }
    }
}
