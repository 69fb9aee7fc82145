package dev.crest.cli.fuzz;

import dev.crest.cli.CliException;
import dev.crest.cli.EngineOptions;
import dev.crest.cli.JsonOutput;
import dev.crest.cli.VersionProvider;
import dev.crest.fuzz.backend.CapabilityProbe;
import dev.crest.fuzz.campaign.Campaign;
import dev.crest.fuzz.campaign.CampaignListener;
import dev.crest.fuzz.campaign.CampaignSettings;
import dev.crest.fuzz.campaign.CampaignSummary;
import dev.crest.fuzz.campaign.GeneratedCaseSource;
import dev.crest.fuzz.diff.Tolerance;
import dev.crest.spark.SparkConnection;
import dev.crest.spark.fuzz.ShardResult;
import dev.crest.spark.fuzz.SparkFuzzCampaign;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crest fuzz run}: a fuzzing campaign (generate → search → test) with a live status line, stopped by its
 * time budget, its model count or Ctrl-C, leaving findings, {@code summary.json} and {@code index.html} behind.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Run a fuzzing campaign: generate valid models, search inputs that keep them finite, run them "
                + "on the reference interpreter and the backends, and save what disagrees, crashes or hangs.",
            "Writes bug-<symptom>-<stage>-<n>/ folders (one per distinct bug), summary.json and index.html into the "
                + "output folder. summary.json is rewritten every 10 s; Ctrl-C stops after the models in flight and "
                + "still writes both, and --resume continues a stopped or killed campaign in the same folder."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the campaign ran (whether or not it found bugs)",
            "2:a bad option, unknown backend or operator, an unwritable output folder, an unreachable Spark master, "
                + "or every Spark shard failed"})
public final class FuzzRunCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the model in flight and the summary before the process exits anyway. */
    private static final long SHUTDOWN_WAIT_SECONDS = 60;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-b", "--backend"}, paramLabel = "NAME", split = ",", defaultValue = "onnxruntime",
            description = "backends to test; onnxruntime stands for ONNX Runtime without and with graph "
                    + "optimizations (default: ${DEFAULT-VALUE})")
    private List<String> backends;

    @Option(names = "--compare", paramLabel = "NAME", split = ",",
            description = "further backends compared in the same campaign, e.g. --backend onnxruntime --compare "
                    + "tensorflow,torch (default: none)")
    private List<String> compare;

    @Option(names = {"-t", "--time"}, paramLabel = "DURATION",
            description = "time budget, e.g. 30s, 10m, 1h (default: none; give --time or --max-models)")
    private String time;

    @Option(names = "--max-models", paramLabel = "N",
            description = "stop after N models; with --resume, N counts the whole campaign (default: none)")
    private Long maxModels;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "campaign seed (default: a fresh one, printed; with --resume, the campaign's own)")
    private Long seed;

    @Option(names = "--nodes", paramLabel = "N", description = "operator nodes per model (default: ${DEFAULT-VALUE})")
    private int nodes = CampaignSettings.DEFAULT_NODES;

    @Option(names = "--opset", paramLabel = "VERSION", description = "ONNX opset to emit (default: ${DEFAULT-VALUE})")
    private int opset = CampaignSettings.DEFAULT_OPSET;

    @Option(names = "--ops", paramLabel = "OP", split = ",",
            description = "comma-separated operators to use (default: every specified operator)")
    private List<String> operators;

    @Option(names = "--rtol", paramLabel = "X", description = "relative tolerance (default: ${DEFAULT-VALUE})")
    private double rtol = Tolerance.DEFAULT.rtol();

    @Option(names = "--atol", paramLabel = "X", description = "absolute tolerance (default: ${DEFAULT-VALUE})")
    private double atol = Tolerance.DEFAULT.atol();

    @Option(names = "--float16-rtol", paramLabel = "X",
            description = "relative tolerance for values computed in float16, which backends may accumulate in "
                    + "float32 (default: ${DEFAULT-VALUE})")
    private double float16Rtol = Tolerance.DEFAULT_FLOAT16_RTOL;

    @Option(names = "--float16-atol", paramLabel = "X",
            description = "absolute tolerance for values computed in float16 (default: ${DEFAULT-VALUE})")
    private double float16Atol = Tolerance.DEFAULT_FLOAT16_ATOL;

    @Option(names = "--keep-float16-overflow",
            description = "keep as findings the divergences where a float16 Reduce{Sum,Mean,Prod}, MatMul, Gemm, Conv"
                    + " or AveragePool gives ±inf or NaN while the reference is finite and a float16 accumulator"
                    + " could overflow on its inputs (dropped by default: ONNX does not fix the accumulation"
                    + " precision)")
    private boolean keepFloat16Overflow;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "time one backend may take to compile and run one model (default: 10s)")
    private String caseTimeout = "10s";

    @Option(names = "--search-budget", paramLabel = "DURATION",
            description = "input-search time per model (default: 20ms)")
    private String searchBudget = "20ms";

    @Option(names = "--search-iterations", paramLabel = "N",
            description = "cap the input search at N evaluations, making it independent of machine speed")
    private Integer searchIterations;

    @Option(names = "--reduce-budget", paramLabel = "DURATION",
            description = "time to reduce each new bug right after it is found, writing <bug>/reduced/ "
                    + "(default: 30s; it may make the campaign overrun --time by that much; "
                    + "0 turns automatic reduction off — crest fuzz reduce can do it later)")
    private String reduceBudget = "30s";

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "generate → search → test pipelines run at once, each with its own worker process and a "
                    + "thread preparing its next model (default: the number of cores, ${DEFAULT-VALUE} here)")
    private int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-o", "--out"}, paramLabel = "FOLDER", required = true,
            description = "output folder; must be empty unless --resume is given")
    private Path out;

    @Option(names = "--resume",
            description = "continue the campaign in --out: its seed sequence after the models already tested, its "
                    + "counts, and its known bugs (counted, not saved again); --time is this run's budget")
    private boolean resume;

    @Option(names = "--capability-cache", paramLabel = "FOLDER", hidden = true,
            description = "where probed backend capabilities are cached (default: ~/.cache/crest/capabilities)")
    private Path capabilityCache;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = "--shards", paramLabel = "N",
            description = "with --engine spark, split the campaign into N Spark tasks, each a one-pipeline campaign "
                    + "with its own seed and worker process; --time is each shard's budget, --max-models is split "
                    + "among them (default: one per core Spark offers, so all shards run at once)")
    private Integer shards;

    @Option(names = {"-q", "--quiet"}, description = "print no progress or notes")
    private boolean quiet;

    @Option(names = "--json", description = "print summary.json's document on standard output at the end")
    private boolean json;

    @Override
    public Integer call() {
        boolean onSpark = engineOptions.isSpark();
        if (shards != null && !onSpark) {
            throw new CliException("--shards needs --engine spark");
        }
        if (onSpark && (resume || (shards != null && shards < 1))) {
            throw new CliException(resume ? "--resume needs the local engine; a campaign on Spark starts in an"
                    + " empty folder" : "--shards must be at least 1, got " + shards);
        }
        if (onSpark && keepFloat16Overflow) {
            // The shards' settings do not carry the flag yet; refusing beats silently dropping what was asked for.
            throw new CliException("--keep-float16-overflow needs the local engine; Spark shards drop float16"
                    + " accumulation overflows");
        }
        Optional<Long> resumedSeed = resume && seed == null ? Campaign.resumableSeed(out) : Optional.empty();
        long campaignSeed = seed != null ? seed : resumedSeed.orElseGet(() -> new SecureRandom().nextLong());
        CampaignSettings settings = new CampaignSettings(backends.stream().map(String::trim).toList(),
                Optional.ofNullable(time).map(t -> DurationText.parse(t, "--time")),
                maxModels == null ? OptionalLong.empty() : OptionalLong.of(maxModels), campaignSeed, nodes, opset,
                operators == null ? List.of() : operators.stream().map(String::trim).toList(),
                new Tolerance(rtol, atol, float16Rtol, float16Atol, keepFloat16Overflow),
                DurationText.parse(caseTimeout, "--timeout"),
                DurationText.parse(searchBudget, "--search-budget"),
                searchIterations == null ? OptionalInt.empty() : OptionalInt.of(searchIterations), out, jobs,
                compare == null ? List.of() : compare.stream().map(String::trim).toList(), resume,
                DurationText.parse(reduceBudget, "--reduce-budget"));
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (onSpark) {
            return runOnSpark(settings, err, stdout);
        }
        Campaign campaign = new Campaign(settings, Campaign.isolatedWorker(), GeneratedCaseSource.factory(
                capabilityCache != null ? capabilityCache : CapabilityProbe.defaultCacheDir()));
        CampaignSummary summary;
        CountDownLatch finished = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            campaign.stop();
            try {
                if (finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    // The summary and report are written: a stop requested by the user is a normal end.
                    Runtime.getRuntime().halt(0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "crest-fuzz-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        String seedNote = seed != null ? "" : resumedSeed.isPresent()
                ? "resuming the campaign with seed " + campaignSeed
                : "campaign seed " + campaignSeed + " (pass --seed " + campaignSeed + " to repeat it)";
        try (FuzzProgressLine progress = new FuzzProgressLine(err, seedNote)) {
            campaign.listener(quiet ? new CampaignListener() { } : progress);
            summary = campaign.run();
            Path page = FuzzHtmlReport.write(settings.out(), summary);
            if (!quiet) {
                progress.finish();
                err.println(String.format(Locale.ROOT, "%d models tested in %.1f s (%.1f/s), %d findings, %d distinct "
                        + "bugs; stopped by %s%s", summary.counts().tested(), summary.elapsedSeconds(),
                        summary.throughput().modelsPerSecond(), summary.counts().findings(),
                        summary.counts().uniqueBugs(), summary.stoppedBy(), FuzzProgressLine.memory(summary)));
                err.println("wrote " + settings.out().resolve(CampaignSummary.FILE) + " and " + page);
                err.flush();
            }
        } finally {
            finished.countDown();
            removeHook(onCtrlC);
        }
        if (json) {
            JsonOutput.print(stdout, summary);
        }
        return 0;
    }

    /** The campaign in shards on Spark, merged into one findings store in --out. */
    private Integer runOnSpark(CampaignSettings settings, PrintWriter err, PrintWriter stdout) {
        SparkFuzzCampaign.Result result;
        try (SparkConnection spark = engineOptions.connectIfSpark("crest fuzz run")) {
            int count = shards != null ? shards : SparkFuzzCampaign.defaultShards(spark);
            if (!quiet) {
                err.println("campaign seed " + settings.seed() + " in " + count + " shards on Spark "
                        + spark.settings().master());
                err.flush();
            }
            result = new SparkFuzzCampaign(spark, settings, count, capabilityCache).run();
        }
        CampaignSummary summary = result.summary();
        Path page = FuzzHtmlReport.write(settings.out(), summary);
        for (ShardResult failure : result.failures()) {
            err.println(failure.describeFailure());
        }
        if (!quiet) {
            err.println(String.format(Locale.ROOT, "%d models tested in %d shards in %.1f s, %d findings, %d distinct"
                    + " bugs", summary.counts().tested(), result.shards(), summary.elapsedSeconds(),
                    summary.counts().findings(), summary.counts().uniqueBugs()));
            err.println("wrote " + settings.out().resolve(CampaignSummary.FILE) + " and " + page);
        }
        err.flush();
        if (json) {
            JsonOutput.print(stdout, summary);
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running and ends the process itself.
        }
    }
}
