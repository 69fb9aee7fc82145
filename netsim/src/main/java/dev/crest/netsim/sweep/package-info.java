/**
 * Many simulations at once, and the vocabulary users name settings with.
 *
 * <p>{@link dev.crest.netsim.sweep.NetsimSetting} lists every setting by the name used in command-line flags,
 * config files and sweep CSV columns, with its documented default and its canonical text;
 * {@link dev.crest.netsim.sweep.RunSpec} turns values into the simulator's settings records. A
 * {@link dev.crest.netsim.sweep.SweepGrid} expands axes of values to points;
 * {@link dev.crest.netsim.sweep.Sweep} runs them on a fixed thread pool (each run's seed fixed up front from the
 * sweep seed and the point) and appends one CSV row per run, skipping rows a previous invocation already wrote;
 * {@link dev.crest.netsim.sweep.SimulationPointRunner} simulates a point, recording combinations that cannot run
 * (butterfly at six workers) as skipped rows with the reason. {@link dev.crest.netsim.sweep.StrategyComparison}
 * runs one configuration under several strategies and relates each to {@code ps}.
 *
 * <p>Library use, without the command line:
 *
 * <pre>{@code
 * Map<NetsimSetting, List<String>> axes = Map.of(
 *         NetsimSetting.MODEL, List.of("vgg16"),
 *         NetsimSetting.WORKERS, NetsimSetting.WORKERS.axis(List.of("2,4,8,...,64")),
 *         NetsimSetting.STRATEGY, NetsimSetting.STRATEGY.axis(List.of("all")));
 * SweepGrid grid = SimulationPointRunner.grid(axes);
 * new Sweep(grid, RunMeasures.COLUMNS, SimulationPointRunner.prepare(grid), 42, 2)
 *         .run(Path.of("sweep.csv"), SweepProgress.NONE);
 * }</pre>
 */
package dev.crest.netsim.sweep;
