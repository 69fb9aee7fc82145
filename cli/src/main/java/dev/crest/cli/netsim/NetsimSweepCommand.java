package dev.crest.cli.netsim;

import dev.crest.cli.EngineOptions;
import dev.crest.cli.JsonOutput;
import dev.crest.cli.VersionProvider;
import dev.crest.netsim.sweep.NetsimSetting;
import dev.crest.netsim.sweep.RunMeasures;
import dev.crest.netsim.sweep.SimulationPointRunner;
import dev.crest.netsim.sweep.Sweep;
import dev.crest.netsim.sweep.SweepGrid;
import dev.crest.netsim.sweep.SweepProgress;
import dev.crest.netsim.sweep.SweepSummary;
import dev.crest.netsim.sweep.SweepTable;
import dev.crest.spark.SparkConnection;
import dev.crest.spark.netsim.SparkSweepEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crest netsim sweep}: every combination of the given settings, in parallel, one CSV row per run, and an
 * HTML report. Re-running with the same output folder skips the rows already in its CSV.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        modelTransformer = SettingOptions.class,
        sortOptions = false,
        description = {"Simulate a grid of settings in parallel; write a CSV row per run and an HTML report.",
            "Simulate every combination of the settings given as comma lists (integer progressions "
                + "such as 2,4,8,...,128 expand; 'all' names every strategy or zoo model), on all cores, appending "
                + "one row per run to OUT/sweep.csv and writing the report OUT/index.html. Runs already in the CSV "
                + "are skipped, so an interrupted sweep continues where it stopped.",
            "Example: crest netsim sweep --models vgg16,inception-v3 --workers 2,4,8,...,128 "
                + "--bandwidth 10G,25G,100G --strategies all --out sweep/"})
public final class NetsimSweepCommand implements Callable<Integer> {
    public static final String CSV = "sweep.csv";

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "sweep",
            description = "folder for sweep.csv and the report index.html; default: ${DEFAULT-VALUE}")
    private Path out;

    @Option(names = "--threads", paramLabel = "N", description = "runs simulated at once; default: the number of cores")
    private Integer threads;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = "--no-progress", description = "do not draw the progress bar on standard error")
    private boolean noProgress;

    @Option(names = "--json", description = "print one JSON document summarizing the sweep instead of text")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Map<NetsimSetting, List<String>> given = SettingOptions.given(spec);
        String seed = NetsimSetting.SEED.defaultText();
        Map<NetsimSetting, List<String>> axes = new EnumMap<>(NetsimSetting.class);
        for (Map.Entry<NetsimSetting, List<String>> e : given.entrySet()) {
            if (e.getKey() == NetsimSetting.SEED) {
                seed = NetsimSetting.SEED.canonical(String.join(",", e.getValue()));
            } else {
                axes.put(e.getKey(), e.getKey().axis(e.getValue()));
            }
        }
        SweepGrid grid = SimulationPointRunner.grid(axes);
        SimulationPointRunner runner = SimulationPointRunner.prepare(grid);
        Path csv = out.resolve(CSV);
        SweepSummary summary;
        try (SparkConnection spark = engineOptions.connectIfSpark("crest netsim sweep")) {
            Sweep sweep = spark == null
                    ? new Sweep(grid, RunMeasures.COLUMNS, runner, Long.parseLong(seed), ThreadCount.resolve(threads))
                    : new Sweep(grid, RunMeasures.COLUMNS, runner, Long.parseLong(seed),
                            new SparkSweepEngine(spark, grid));
            try (SweepProgressBar bar = new SweepProgressBar(spec.commandLine().getErr())) {
                summary = sweep.run(csv, noProgress ? SweepProgress.NONE : bar);
            }
        }
        SweepTable table = SweepTable.read(csv);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("command", "crest " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        provenance.put("sweep seed", seed);
        provenance.put("crest", VersionProvider.crestVersion());
        provenance.put("results", CSV);
        Path page = new SweepReporter(table).build(provenance).writeTo(out);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("runs", summary.total());
            doc.put("alreadyDone", summary.alreadyDone());
            doc.put("finished", summary.finished());
            doc.put("skipped", summary.skipped());
            doc.put("rowsInCsv", table.rows().size());
            doc.put("csv", csv.toString());
            doc.put("report", page.toString());
            doc.put("seed", Long.parseLong(seed));
            JsonOutput.print(stdout, doc);
        } else {
            stdout.printf("%d runs: %d already in %s, %d simulated, %d skipped (cannot run)%n", summary.total(),
                    summary.alreadyDone(), csv, summary.finished(), summary.skipped());
            stdout.println("results: " + csv);
            stdout.println("report:  " + page);
            stdout.flush();
        }
        return 0;
    }
}
