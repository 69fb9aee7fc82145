package dev.crest.cli.demo;

import dev.crest.cli.CliException;
import dev.crest.cli.VersionProvider;
import dev.crest.cli.fuzz.FuzzHtmlReport;
import dev.crest.cli.netsim.NetsimSweepCommand;
import dev.crest.cli.netsim.SweepReporter;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.SummaryFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crest report FOLDER}: rebuilds the pages of a {@code crest demo} folder from the results stored in it —
 * the fuzz page from {@code summary.json}, the netsim pages from the comparisons and {@code sweep.csv}, the AME page
 * by re-estimating from the stored submodel outcomes — and then the index.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Regenerate the HTML pages of a crest demo folder from its stored results.",
            "Tools whose results are missing are named on the index; the rest keep their data and get new pages."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FOLDER", description = "a folder written by crest demo")
    private Path folder;

    @Option(names = {"-q", "--quiet"}, description = "print only the index's path")
    private boolean quiet;

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            throw new CliException(folder + " is not a folder; give the output folder of crest demo");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<String> rebuilt = new ArrayList<>();
        Path fuzz = folder.resolve(DemoIndex.FUZZ);
        if (Files.isRegularFile(fuzz.resolve(CampaignSummary.FILE))) {
            FuzzHtmlReport.write(fuzz, SummaryFile.read(fuzz));
            rebuilt.add(DemoIndex.FUZZ);
        }
        Path netsim = folder.resolve(DemoIndex.NETSIM);
        Path sweep = netsim.resolve(NetsimDemoPage.SWEEP_FOLDER);
        if (Files.isRegularFile(sweep.resolve(NetsimSweepCommand.CSV))) {
            SweepReporter.rewrite(sweep);
            rebuilt.add(DemoIndex.NETSIM + "/" + NetsimDemoPage.SWEEP_FOLDER);
        }
        if (!NetsimDemoPage.comparisons(netsim).isEmpty()) {
            NetsimDemoPage.write(netsim);
            rebuilt.add(DemoIndex.NETSIM);
        }
        Path ameRun = folder.resolve(DemoIndex.AME).resolve(DemoIndex.AME_RUN);
        if (Files.isDirectory(ameRun)) {
            String failure = reestimate(ameRun);
            if (failure != null) {
                throw new CliException("cannot rebuild the AME page from " + ameRun + ": " + failure);
            }
            rebuilt.add(DemoIndex.AME);
        }
        Path index = new DemoIndex(folder, Map.of()).write().toAbsolutePath().normalize();
        if (!quiet) {
            err.println("rebuilt " + (rebuilt.isEmpty() ? "no tool pages (no stored results)"
                    : String.join(", ", rebuilt)) + " and the index");
        }
        spec.commandLine().getOut().println(index);
        return 0;
    }

    /** Re-estimates the AME run with the demo's estimation settings, which rewrites its page. */
    private String reestimate(Path run) {
        Path data = run.resolveSibling(DemoIndex.AME_DATA);
        List<String> args = new ArrayList<>(List.of("ame", "estimate", "--from", run.toString(),
                "--combine-queries", "--lambda", "min", "--fdr", "0.1"));
        if (Files.isRegularFile(data.resolve("train-images-idx3-ubyte.gz"))) {
            args.addAll(List.of("--train", data.resolve("train-images-idx3-ubyte.gz").toString(),
                    "--train-labels", data.resolve("train-labels-idx1-ubyte.gz").toString()));
        }
        if (Files.isRegularFile(data.resolve(DemoIndex.GROUND_TRUTH))) {
            args.addAll(List.of("--ground-truth", data.resolve(DemoIndex.GROUND_TRUTH).toString()));
        }
        InProcessCrest.Result result = new InProcessCrest(spec.commandLine().getErr(), true)
                .run(args.toArray(String[]::new));
        return result.succeeded() ? null : result.err().strip();
    }
}
