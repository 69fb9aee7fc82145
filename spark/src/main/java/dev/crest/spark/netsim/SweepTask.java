package dev.crest.spark.netsim;

import dev.crest.netsim.sweep.SimulationPointRunner;
import dev.crest.netsim.sweep.SweepGrid;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * The code a Spark task runs for a sweep: rebuilds the simulator runner from the grid (resolving its workloads as
 * the driver did) and simulates its points one after another with the seeds the driver drew.
 */
final class SweepTask implements FlatMapFunction<Iterator<SweepRun>, SweepRun> {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, ArrayList<String>> axes = new LinkedHashMap<>();

    SweepTask(SweepGrid grid) {
        for (Map.Entry<String, List<String>> axis : grid.axes().entrySet()) {
            axes.put(axis.getKey(), new ArrayList<>(axis.getValue()));
        }
    }

    @Override
    public Iterator<SweepRun> call(Iterator<SweepRun> runs) {
        SimulationPointRunner runner = SimulationPointRunner.prepare(new SweepGrid(new LinkedHashMap<>(axes)));
        List<SweepRun> done = new ArrayList<>();
        while (runs.hasNext()) {
            SweepRun run = runs.next();
            done.add(run.withOutcome(runner.run(run.point(), run.seed())));
        }
        return done.iterator();
    }
}
