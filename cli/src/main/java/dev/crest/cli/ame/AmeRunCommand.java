package dev.crest.cli.ame;

import dev.crest.ame.AmeException;
import dev.crest.ame.data.Outcome;
import dev.crest.ame.data.Queries;
import dev.crest.ame.design.Design;
import dev.crest.ame.learn.LearnerSettings;
import dev.crest.ame.learn.Learners;
import dev.crest.ame.run.Checkpoint;
import dev.crest.ame.run.CheckpointHeader;
import dev.crest.ame.run.LocalSubmodelEngine;
import dev.crest.ame.run.RunSummary;
import dev.crest.ame.run.SubmodelEngine;
import dev.crest.ame.run.SubmodelJob;
import dev.crest.cli.EngineOptions;
import dev.crest.cli.VersionProvider;
import dev.crest.spark.SparkConnection;
import dev.crest.spark.ame.SparkSubmodelEngine;
import dev.crest.tensor.data.Dataset;
import dev.crest.tensor.linalg.Blas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crest ame run}: trains submodels on random subsets of the training set, checkpointing each one, then
 * estimates every training point's AME on the queries and selects the influential ones with knockoffs.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Train submodels on random subsets, then score every training point's effect on the queries.",
            "Example: crest ame run --train train.csv --test test.csv --queries 0,5,9 --learner logreg"
                    + " --outcome prob:target=3 --submodels 2000 --fdr 0.1 --out ame-out/"})
public final class AmeRunCommand implements Callable<Integer> {
    /** Mixed into --seed for the learners' seeds so they do not replay the design's per-submodel streams. */
    private static final long TRAINING_SALT = 0x747261696E696E67L;

    @Spec
    private CommandSpec spec;

    @Option(names = "--train", required = true, paramLabel = "FILE",
            description = "training set: .csv (label last), .libsvm/.svm, or IDX images with --train-labels")
    private Path train;

    @Option(names = "--train-labels", paramLabel = "FILE", description = "IDX labels of the training images")
    private Path trainLabels;

    @Option(names = "--test", required = true, paramLabel = "FILE", description = "the set the queries come from")
    private Path test;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "IDX labels of the test images")
    private Path testLabels;

    @Option(names = "--queries", required = true, paramLabel = "ROWS",
            description = "rows of the test set to explain, e.g. 0,5,9 or 0-4")
    private String queries;

    @Option(names = "--learner", defaultValue = "logreg", paramLabel = "NAME",
            description = "logreg, mlp, cnn, a plugin name or class:<name>; default: ${DEFAULT-VALUE}")
    private String learnerName;

    @Option(names = "--outcome", required = true, paramLabel = "SPEC",
            description = "prob:target=<c>, prob:predicted, loss, margin or margin:target=<c>")
    private String outcome;

    @Option(names = "--classes", paramLabel = "K",
            description = "number of classes; labels must be 0..K-1 (default: the largest training label + 1)")
    private Integer classes;

    @Option(names = "--submodels", required = true, paramLabel = "M", description = "how many submodels to train")
    private int submodels;

    @Option(names = "--grid", paramLabel = "P,...", defaultValue = "0.2,0.4,0.6,0.8",
            description = "inclusion probabilities of the design; default: ${DEFAULT-VALUE}")
    private String grid;

    @Option(names = "--steps", paramLabel = "N", description = "optimization steps per submodel (default: "
            + LearnerSettings.DEFAULT_STEPS + ")")
    private Integer steps;

    @Option(names = "--batch-size", paramLabel = "B", description = "mini-batch size of every step (default: "
            + LearnerSettings.DEFAULT_BATCH_SIZE + ")")
    private Integer batchSize;

    @Option(names = "--learning-rate", paramLabel = "LR", description = "Adam learning rate (default: "
            + LearnerSettings.DEFAULT_LEARNING_RATE + ")")
    private Double learningRate;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "seed; default: ${DEFAULT-VALUE}")
    private long seed;

    @Mixin
    private EstimationOptions estimation;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: every core)")
    private Integer threads;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    private Path out;

    @Option(names = "--resume", description = "continue the run in --out, skipping finished submodels")
    private boolean resume;

    @Option(names = "--json", description = "print selected.json on standard output instead of a summary")
    private boolean json;

    @Override
    public Integer call() {
        estimation.validate();
        OptionBounds.atLeast("--submodels", submodels, 1);
        int threadCount = resolveThreads();
        refuseExistingOutput();
        int classLimit = classes == null ? 0 : OptionBounds.atLeast("--classes", classes, 2);
        Dataset training = TrainingFiles.load(train, trainLabels, "--train", 0, classLimit);
        int classCount = classLimit > 0 ? classLimit : training.classCount();
        GroundTruth truth = estimation.groundTruth(training.size());
        int width = training.exampleShape().size();
        Dataset testSet = TrainingFiles.load(test, testLabels, "--test", width, classCount);
        if (!testSet.exampleShape().equals(training.exampleShape())) {
            throw new AmeException("test examples are shaped " + testSet.exampleShape() + " but training examples are "
                    + training.exampleShape());
        }
        Queries queryRows = Queries.rows(testSet, Queries.parseIndices(queries));
        Outcome parsedOutcome = Outcome.parse(outcome);
        LearnerSettings settings = learnerSettings();
        Learners.discover().create(learnerName, settings); // an unknown learner fails here, before any output
        Design design = new Design(training.size(), StoredRun.parseGrid(grid), seed);
        SubmodelJob job = new SubmodelJob(training, classCount, queryRows, learnerName, settings, parsedOutcome.spec(),
                design.grid(), seed, seed ^ TRAINING_SALT);
        CheckpointHeader header = new CheckpointHeader(seed, training.size(), queryRows.describe(), queryRows.size(),
                learnerName + " " + settings.describe(), parsedOutcome.spec(), StoredRun.formatGrid(design.grid()));
        train(job, header, threadCount);
        StoredRun stored = StoredRun.read(out);
        AmeScores scores = AmeScores.estimate(design, stored.outcomes(submodels), queryRows.rows(), estimation);
        ScoreReport.write(spec.commandLine().getOut(), out, scores, stored.provenance(estimation), truth,
                TrainingPoints.of(training), json);
        return 0;
    }

    private LearnerSettings learnerSettings() {
        LearnerSettings settings = LearnerSettings.defaults();
        if (steps != null) {
            settings = settings.withSteps(steps);
        }
        if (batchSize != null) {
            settings = settings.withBatchSize(batchSize);
        }
        if (learningRate != null) {
            settings = settings.withLearningRate(learningRate);
        }
        return settings;
    }

    private void train(SubmodelJob job, CheckpointHeader header, int threadCount) {
        RunSummary summary;
        // Spark is connected before the output exists, so an unreachable master leaves nothing behind.
        try (SparkConnection spark = engineOptions.connectIfSpark("crest ame run")) {
            SubmodelEngine engine = spark == null ? new LocalSubmodelEngine(threadCount)
                    : new SparkSubmodelEngine(spark, 0);
            ResultFiles.createOutputDirectory(out);
            Path file = out.resolve(StoredRun.CHECKPOINT);
            try (Checkpoint checkpoint = resume ? Checkpoint.resume(file, header) : Checkpoint.create(file, header)) {
                warnAboutBlasThreads(spark == null ? threadCount : 1);
                BitSet finished = checkpoint.finishedIndices();
                int alreadyDone = finished.get(0, submodels).cardinality();
                try (AmeProgressBar bar = new AmeProgressBar(spec.commandLine().getErr(), submodels, alreadyDone)) {
                    summary = engine.run(job, 0, submodels, finished::get, checkpoint::append, bar);
                }
            }
        }
        summary.throwIfFailed();
    }

    private void refuseExistingOutput() {
        if (resume || !Files.exists(out)) {
            return;
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(out)) {
            empty = entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new AmeException("output " + out + " exists and cannot be listed: " + e.getMessage(), e);
        }
        if (!empty) {
            throw new AmeException("output directory " + out + " already exists; add --resume to continue that run"
                    + " or choose another --out");
        }
    }

    /**
     * Submodels are trained in parallel on small matrices; a multi-threaded native BLAS inside each worker
     * oversubscribes the cores and made runs several times slower, and its thread count can only be set before
     * the JVM starts.
     */
    private void warnAboutBlasThreads(int threadCount) {
        if (threadCount > 1 && Blas.isNative() && !"1".equals(System.getenv("OPENBLAS_NUM_THREADS"))) {
            spec.commandLine().getErr().println("warning: set OPENBLAS_NUM_THREADS=1 (the crest launcher does) so"
                    + " native BLAS does not start threads inside each of the " + threadCount + " workers");
        }
    }

    private int resolveThreads() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        return OptionBounds.atLeast("--threads", threads, 1);
    }
}
