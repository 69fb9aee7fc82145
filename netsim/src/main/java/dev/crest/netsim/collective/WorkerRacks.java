package dev.crest.netsim.collective;

import dev.crest.netsim.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The workers of a topology grouped by the ToR they hang off, numbered 0..R−1 in order of each rack's lowest
 * worker, members in worker order (so the lowest worker leads). Racks without workers (e.g. a PS rack) are left
 * out.
 */
final class WorkerRacks {
    private final int[] rackOfWorker;
    private final List<int[]> members;
    private final int[] torNode;

    WorkerRacks(Topology topology) {
        int n = topology.workerCount();
        int[] groupOfRack = new int[topology.rackCount()];
        Arrays.fill(groupOfRack, -1);
        rackOfWorker = new int[n];
        List<List<Integer>> groups = new ArrayList<>();
        List<Integer> tors = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            int rack = topology.rackOf(topology.workerNode(w));
            if (groupOfRack[rack] < 0) {
                groupOfRack[rack] = groups.size();
                groups.add(new ArrayList<>());
                tors.add(topology.torNode(rack));
            }
            rackOfWorker[w] = groupOfRack[rack];
            groups.get(groupOfRack[rack]).add(w);
        }
        members = new ArrayList<>(groups.size());
        for (List<Integer> g : groups) {
            members.add(g.stream().mapToInt(Integer::intValue).toArray());
        }
        torNode = tors.stream().mapToInt(Integer::intValue).toArray();
    }

    int count() {
        return members.size();
    }

    /** The rack number of {@code worker}. */
    int rackOf(int worker) {
        return rackOfWorker[worker];
    }

    /** Each worker's rack number. */
    int[] rackOfWorker() {
        return rackOfWorker.clone();
    }

    /** Each rack's workers, lowest first. */
    List<int[]> members() {
        return members;
    }

    /** The ToR switch node of rack {@code rack}. */
    int torNode(int rack) {
        return torNode[rack];
    }

    /**
     * The switch to combine the racks' aggregates at: the one with the smallest greatest hop distance to any of
     * the racks' ToRs (lowest node id on ties), e.g. a spine; with one rack, its ToR.
     */
    int rootSwitch(Topology topology) {
        if (count() == 1) {
            return torNode[0];
        }
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        int[][] fromTor = new int[count()][];
        for (int r = 0; r < count(); r++) {
            fromTor[r] = topology.distancesTo(torNode[r]);
        }
        for (int node = 0; node < topology.nodeCount(); node++) {
            if (!topology.kind(node).isSwitch()) {
                continue;
            }
            int worst = 0;
            for (int[] distance : fromTor) {
                worst = Math.max(worst, distance[node] < 0 ? Integer.MAX_VALUE : distance[node]);
            }
            if (worst < bestDistance) {
                bestDistance = worst;
                best = node;
            }
        }
        return best;
    }
}
