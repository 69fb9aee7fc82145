package dev.crest.netsim.collective;

import dev.crest.netsim.network.Delivery;
import dev.crest.netsim.network.Route;
import dev.crest.netsim.strategy.StrategyContext;
import dev.crest.netsim.topology.Topology;
import java.util.Arrays;

/**
 * A {@link CollectiveFabric} over the simulator's packet network: workers are the topology's workers, multicast
 * uses switch-replicated routes (built once per source), workers aggregate at their rack's ToR and racks at
 * {@link WorkerRacks#rootSwitch}. Switch traffic reuses one delivery callback per worker or rack and relies on
 * in-order arrival (one routed path per pair, FIFO links), so streaming aggregation allocates nothing per
 * packet.
 */
final class SimulatedFabric implements CollectiveFabric {
    private final StrategyContext context;
    private final AllReduceProtocol protocol;
    private final int[] workerNodes;
    private final int[] workerOfNode;
    private final Route[] multicastRoutes;
    private PacedOutbox outbox;
    private WorkerRacks racks;
    private int rootSwitch;
    private Delivery[] switchArrivals;
    private Delivery[] rootArrivals;
    private Route switchToWorkers;
    private Delivery switchResult;

    SimulatedFabric(StrategyContext context, AllReduceProtocol protocol) {
        this.context = context;
        this.protocol = protocol;
        Topology topology = context.topology();
        int workers = context.workers();
        workerNodes = new int[workers];
        workerOfNode = new int[topology.nodeCount()];
        Arrays.fill(workerOfNode, -1);
        for (int w = 0; w < workers; w++) {
            workerNodes[w] = context.workerNode(w);
            workerOfNode[workerNodes[w]] = w;
        }
        multicastRoutes = new Route[workers];
        protocol.attach(this);
    }

    @Override
    public void send(int fromWorker, int toWorker, long bits, long tag) {
        context.send(workerNodes[fromWorker], workerNodes[toWorker], bits,
                node -> protocol.onDelivered(toWorker, tag));
    }

    @Override
    public void sendPrioritized(int fromWorker, int toWorker, long bits, long tag, long priority) {
        if (outbox == null) {
            outbox = new PacedOutbox(context, workerNodes);
        }
        outbox.submit(fromWorker, priority, () -> {
            send(fromWorker, toWorker, bits, tag);
            return bits;
        });
    }

    @Override
    public void multicast(int fromWorker, long bits, long tag) {
        Route route = multicastRoutes[fromWorker];
        if (route == null) {
            int[] others = new int[workerNodes.length - 1];
            for (int w = 0, i = 0; w < workerNodes.length; w++) {
                if (w != fromWorker) {
                    others[i++] = workerNodes[w];
                }
            }
            route = context.multicastRoute(workerNodes[fromWorker], others);
            multicastRoutes[fromWorker] = route;
        }
        context.send(route, bits, node -> protocol.onDelivered(workerOfNode[node], tag));
    }

    @Override
    public void sendToSwitch(int fromWorker, long bits) {
        if (switchArrivals == null) {
            switchArrivals = new Delivery[workerNodes.length];
            for (int w = 0; w < workerNodes.length; w++) {
                int worker = w;
                switchArrivals[w] = node -> protocol.onSwitchReceived(worker);
            }
        }
        WorkerRacks r = racks();
        context.send(workerNodes[fromWorker], r.torNode(r.rackOf(fromWorker)), bits,
                switchArrivals[fromWorker]);
    }

    @Override
    public void sendToRoot(int rack, long bits) {
        WorkerRacks r = racks();
        if (rootArrivals == null) {
            rootArrivals = new Delivery[r.count()];
            for (int i = 0; i < r.count(); i++) {
                int from = i;
                rootArrivals[i] = node -> protocol.onRootReceived(from);
            }
        }
        context.send(r.torNode(rack), rootSwitch, bits, rootArrivals[rack]);
    }

    @Override
    public void multicastFromSwitch(long bits) {
        if (switchToWorkers == null) {
            racks();
            switchToWorkers = context.multicastRoute(rootSwitch, workerNodes.clone());
            switchResult = node -> protocol.onSwitchResult(workerOfNode[node]);
        }
        context.send(switchToWorkers, bits, switchResult);
    }

    private WorkerRacks racks() {
        if (racks == null) {
            racks = new WorkerRacks(context.topology());
            rootSwitch = racks.rootSwitch(context.topology());
        }
        return racks;
    }

    @Override
    public void workerFinished(int worker) {
        context.workerDone(worker);
    }
}
