package dev.crest.netsim.sim;

import java.util.List;

/**
 * The outcome of one simulated iteration. The iteration ends when the PS holds every gradient (PS modes) or
 * every worker holds every reduced gradient (all-reduce modes). Wall time is not part of it: callers measure it.
 *
 * @param model workload name
 * @param strategy strategy name
 * @param topology topology name
 * @param workers number of workers
 * @param iterationSeconds simulated iteration time
 * @param breakdown phase boundaries
 * @param timelines per-worker times, by worker index
 * @param busiestLinks links with the most busy time, busiest first (ties by link id)
 * @param eventsProcessed discrete events the engine processed
 * @param packetHops packet transmissions (one per packet per link)
 * @param messages messages sent (not counting resends)
 * @param droppedPackets packets dropped at full switch buffers (0 with unlimited buffers)
 */
public record Result(String model, String strategy, String topology, int workers, double iterationSeconds,
        Breakdown breakdown, List<WorkerTimeline> timelines, List<LinkLoad> busiestLinks, long eventsProcessed,
        long packetHops, long messages, long droppedPackets) {
    public Result {
        timelines = List.copyOf(timelines);
        busiestLinks = List.copyOf(busiestLinks);
    }

    /** Each worker's finish time, by worker index. */
    public double[] workerFinishSeconds() {
        return timelines.stream().mapToDouble(WorkerTimeline::finishSeconds).toArray();
    }
}
