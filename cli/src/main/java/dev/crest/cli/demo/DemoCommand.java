package dev.crest.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crest.cli.CliException;
import dev.crest.cli.JsonOutput;
import dev.crest.cli.VersionProvider;
import dev.crest.cli.fuzz.FuzzHtmlReport;
import dev.crest.cli.netsim.SweepReporter;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.SummaryFile;
import dev.crest.fuzz.finding.FindingStore;
import dev.crest.tensor.data.FashionMnist;
import dev.crest.tensor.data.IdxReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crest demo}: a few minutes of each tool — a fuzzing campaign against ONNX Runtime, a netsim comparison
 * and sweep, and an AME backdoor experiment on Fashion-MNIST — into one folder with an index page linking theirs.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Run short sessions of crest fuzz, crest netsim and crest ame and write one browsable report.",
            "Each tool writes into a hidden staging folder that is renamed into OUT/fuzz, OUT/netsim or OUT/ame when "
                + "it finished; OUT/index.html links their pages. Prints the index's path at the end.",
            "Ctrl-C stops the demo: the fuzzing campaign at once (it runs in a child process, stopped with its"
                + " workers), a netsim or AME step after the command it is running (at most 20 s); the step's staging"
                + " folder is removed and output of an earlier demo in OUT stays."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every tool that could run finished (AME is skipped, with a note, without Fashion-MNIST)",
            "1:a tool failed (its error is shown; the others still ran)",
            "2:a bad option or an unwritable output folder", "130:stopped by Ctrl-C"})
public final class DemoCommand implements Callable<Integer> {
    /** The class the poisoned images are relabelled to (T-shirt/top), as in the README's backdoor experiment. */
    private static final int TARGET_CLASS = 0;
    private static final long SEED = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "FOLDER", defaultValue = "crest-out",
            description = "output folder (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "3",
            description = "roughly how long the demo runs on 2 cores (default: ${DEFAULT-VALUE})")
    private double minutes;

    @Option(names = "--fashion-mnist", paramLabel = "FOLDER", hidden = true,
            description = "where the Fashion-MNIST IDX files are (default: Debian's dataset-fashion-mnist)")
    private Path fashionMnist = FashionMnist.DEBIAN_DIRECTORY;

    @Option(names = {"-q", "--quiet"},
            description = "print no progress: only the index's path (or the JSON), and why a tool was skipped")
    private boolean quiet;

    @Option(names = "--json", description = "print one JSON document summarizing the demo on standard output")
    private boolean json;

    private PrintWriter err;
    private DemoInterruption interruption;
    private InProcessCrest crest;
    private ChildCrest childCrest;
    private final Map<String, String> notes = new LinkedHashMap<>();

    @Override
    public Integer call() {
        DemoPlan plan = DemoPlan.of(minutes);
        err = spec.commandLine().getErr();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new CliException("cannot create the output folder " + out + ": " + e.getMessage());
        }
        try (DemoInterruption stop = DemoInterruption.install()) {
            interruption = stop;
            crest = new InProcessCrest(err, quiet, stop::happened);
            childCrest = new ChildCrest(err, quiet, stop);
            return runSteps(plan);
        }
    }

    private int runSteps(DemoPlan plan) {
        progress("crest demo (" + plan.describe() + ") into " + out);
        boolean ok = step(DemoIndex.FUZZ, "1/3 crest fuzz: a campaign against ONNX Runtime",
                stage -> fuzz(plan, stage));
        ok &= step(DemoIndex.NETSIM, "2/3 crest netsim: every strategy, then a sweep", stage -> netsim(plan, stage));
        if (FashionMnist.isAvailable(fashionMnist)) {
            ok &= step(DemoIndex.AME, "3/3 crest ame: a backdoored Fashion-MNIST sample", stage -> ame(plan, stage));
        } else if (!interruption.happened()) {
            String note = "AME was not run: Fashion-MNIST is not in " + fashionMnist + "; install it with "
                    + "'apt-get install dataset-fashion-mnist' and run crest demo again.";
            notes.put(DemoIndex.AME, note);
            err.println("crest demo: " + note);
        }
        if (interruption.happened()) {
            return DemoInterruption.EXIT_CODE;
        }
        DemoIndex index = new DemoIndex(out, notes);
        Path page = index.write().toAbsolutePath().normalize();
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("index", page.toString());
            doc.put("minutes", minutes);
            doc.putAll(index.summary());
            JsonOutput.print(stdout, doc);
        } else {
            stdout.println(page);
        }
        stdout.flush();
        return ok ? 0 : 1;
    }

    /** One tool's part of the demo, writing into a staging folder. */
    private interface ToolRun {
        /** Runs the tool into {@code stage}; returns null when it succeeded, else what went wrong. */
        String run(Path stage);
    }

    private boolean step(String tool, String title, ToolRun run) {
        if (interruption.happened()) {
            return false;
        }
        progress("== " + title);
        Optional<StagedFolder> begun = interruption.begin(out, tool);
        if (begun.isEmpty()) {
            return false;
        }
        StagedFolder folder = begun.get();
        String failure;
        try {
            failure = run.run(folder.stage());
        } catch (RuntimeException e) {
            interruption.settle(() -> {
                folder.discard();
                return false;
            });
            throw e;
        }
        return interruption.settle(() -> finish(tool, folder, failure)).orElse(false);
    }

    /** Publishes the staged output of a tool that succeeded, or discards that of one that failed. */
    private boolean finish(String tool, StagedFolder folder, String failure) {
        if (failure != null) {
            folder.discard();
            notes.put(tool, "crest " + tool + " failed: " + failure);
            err.println("crest demo: crest " + tool + " failed: " + failure);
            return false;
        }
        if (tool.equals(DemoIndex.FUZZ)) {
            // Made right while staged, so that what is published is whole even if this fails.
            relocateFuzzReport(folder.stage(), folder.target());
        }
        Path published = folder.publish();
        progress("   finished; moved into " + published);
        return true;
    }

    private String fuzz(DemoPlan plan, Path stage) {
        List<String> args = new ArrayList<>(List.of("fuzz", "run", "--backend", "onnxruntime", "--time",
                plan.fuzzSeconds() + "s", "--seed", Long.toString(SEED), "--out", stage.toString(),
                // Reduction runs after the bug is saved and may overrun --time; a short budget keeps the demo short.
                "--reduce-budget", "10s"));
        if (quiet) {
            args.add("--quiet");
        }
        return failure(childCrest.run(args.toArray(String[]::new)));
    }

    /**
     * The campaign ran in the staging folder {@code stage}; its replay commands (in summary.json, index.html and each
     * bug's meta.json) and settings must name the final one, {@code target}.
     */
    private static void relocateFuzzReport(Path stage, Path target) {
        CampaignSummary s = SummaryFile.read(stage);
        List<CampaignSummary.BugRecord> bugs = s.uniqueBugs().stream().map(b -> new CampaignSummary.BugRecord(b.id(),
                b.symptom(), b.stage(), b.backend(), b.backendVersion(), b.pair(), b.signature(), b.localizedOperator(),
                b.count(), b.folder(), b.seed(), b.message(), b.maxAbsError(), b.maxRelError(),
                FindingStore.replayCommand(target.resolve(b.folder())))).toList();
        CampaignSummary.SettingsRecord settings = s.settings().withOut(target.toAbsolutePath().normalize().toString());
        CampaignSummary moved = new CampaignSummary(s.format(), s.crestVersion(), settings, s.runs(),
                s.backendVersions(), s.startedAt(), s.elapsedSeconds(), s.stoppedBy(), s.counts(), bugs,
                s.throughput(), s.exclusions(), s.progress(), s.memory());
        // The page shows each reduced case's replay command from its meta.json: repoint those first.
        FindingStore.repointReplayCommands(stage, target);
        SummaryFile.write(stage, moved);
        FuzzHtmlReport.write(stage, moved);
    }

    private String netsim(DemoPlan plan, Path stage) {
        String workers = Integer.toString(plan.compareWorkers());
        for (String model : plan.netsimModels()) {
            progress("   compare every strategy: " + model + ", " + workers + " workers, " + plan.compareBandwidth());
            InProcessCrest.Result compare = crest.run("netsim", "compare", "--model", model, "--workers", workers,
                    "--bandwidth", plan.compareBandwidth(), "--json");
            if (!compare.succeeded()) {
                return failure(compare);
            }
            JsonNode doc = StoredJson.parse(compare.out(), "crest netsim compare");
            StoredJson.write(stage.resolve(NetsimDemoPage.COMPARE_PREFIX + model + ".json"), doc);
            List<String> strategies = new ArrayList<>(List.of("ps"));
            NetsimDemoPage.fastest(doc).map(b -> b.get("strategy").asText()).filter(b -> !b.equals("ps"))
                    .ifPresent(strategies::add);
            for (String strategy : strategies) {
                InProcessCrest.Result run = crest.run("netsim", "run", "--model", model, "--workers", workers,
                        "--bandwidth", plan.compareBandwidth(), "--strategy", strategy, "--busiest-links", "5",
                        "--json");
                if (!run.succeeded()) {
                    return failure(run);
                }
                StoredJson.write(stage.resolve(NetsimDemoPage.runFileName(model, strategy)),
                        StoredJson.parse(run.out(), "crest netsim run"));
            }
        }
        Path sweep = stage.resolve(NetsimDemoPage.SWEEP_FOLDER);
        String models = String.join(",", plan.netsimModels());
        List<String> progressOption = quiet ? List.of("--no-progress") : List.of();
        progress("   sweep over workers " + plan.sweepWorkers() + " at " + plan.compareBandwidth()
                + ", then over bandwidth " + plan.sweepBandwidths() + " at " + workers + " workers");
        String failure = failure(crest.run(concat(List.of("netsim", "sweep", "--models", models, "--workers",
                plan.sweepWorkers().stream().map(String::valueOf).collect(Collectors.joining(",")), "--bandwidth",
                plan.compareBandwidth(), "--strategies", "all", "--out", sweep.toString()), progressOption)));
        if (failure != null) {
            return failure;
        }
        // The second sweep appends to the same CSV, so the report shows both axes from one table.
        failure = failure(crest.run(concat(List.of("netsim", "sweep", "--models", models, "--workers", workers,
                "--bandwidth", String.join(",", plan.sweepBandwidths()), "--strategies", "all", "--out",
                sweep.toString()), progressOption)));
        if (failure != null) {
            return failure;
        }
        // The sweep's page names the last command and the staging folder; the page rebuilt from the CSV of both
        // sweeps names neither.
        SweepReporter.rewrite(sweep);
        NetsimDemoPage.write(stage);
        return null;
    }

    private String ame(DemoPlan plan, Path stage) {
        Path data = stage.resolve(DemoIndex.AME_DATA);
        progress(String.format(Locale.ROOT, "   poisoning %d of the first %d training images (trigger → class %d)",
                plan.amePoisoned(), plan.ameImages(), TARGET_CLASS));
        String failure = failure(crest.run("ame", "poison",
                "--train-images", fashionMnist.resolve("train-images-idx3-ubyte.gz").toString(),
                "--train-labels", fashionMnist.resolve("train-labels-idx1-ubyte.gz").toString(),
                "--limit", Integer.toString(plan.ameImages()), "--count", Integer.toString(plan.amePoisoned()),
                "--target", Integer.toString(TARGET_CLASS), "--seed", Long.toString(SEED),
                "--test-images", fashionMnist.resolve("t10k-images-idx3-ubyte.gz").toString(),
                "--test-labels", fashionMnist.resolve("t10k-labels-idx1-ubyte.gz").toString(),
                "--out", data.toString()));
        if (failure != null) {
            return failure;
        }
        progress("   training " + plan.ameSubmodels() + " submodels and selecting points with knockoffs");
        InProcessCrest.Result run = crest.run(ameRunArguments(plan, data, stage.resolve(DemoIndex.AME_RUN)));
        return failure(run);
    }

    private String[] ameRunArguments(DemoPlan plan, Path data, Path runFolder) {
        int[] labels = IdxReader.readLabels(fashionMnist.resolve("t10k-labels-idx1-ubyte.gz"));
        List<String> queries = new ArrayList<>();
        // Queries: triggered test images whose true class is not the target, so the trigger is what flips them.
        for (int i = 0; i < labels.length && queries.size() < plan.ameQueries(); i++) {
            if (labels[i] != TARGET_CLASS) {
                queries.add(Integer.toString(i));
            }
        }
        return new String[] {"ame", "run",
            "--train", data.resolve("train-images-idx3-ubyte.gz").toString(),
            "--train-labels", data.resolve("train-labels-idx1-ubyte.gz").toString(),
            "--test", data.resolve("test-triggered-images-idx3-ubyte.gz").toString(),
            "--test-labels", data.resolve("test-triggered-labels-idx1-ubyte.gz").toString(),
            "--queries", String.join(",", queries), "--combine-queries",
            "--outcome", "margin:target=" + TARGET_CLASS, "--learner", "logreg",
            "--steps", Integer.toString(plan.ameSteps()), "--batch-size", "64", "--learning-rate", "0.01",
            "--submodels", Integer.toString(plan.ameSubmodels()), "--grid", "0.05,0.1,0.15,0.2",
            "--lambda", "min", "--fdr", "0.1", "--seed", Long.toString(SEED),
            "--ground-truth", data.resolve(DemoIndex.GROUND_TRUTH).toString(), "--out", runFolder.toString()};
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    private static String failure(InProcessCrest.Result result) {
        if (result.succeeded()) {
            return null;
        }
        String message = result.err().strip();
        return "exit code " + result.exitCode() + (message.isEmpty() ? "" : ": " + message);
    }

    private void progress(String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }
}
