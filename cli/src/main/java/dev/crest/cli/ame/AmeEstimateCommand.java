package dev.crest.cli.ame;

import dev.crest.cli.VersionProvider;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crest ame estimate}: refits the scores of a run from its stored outcomes, with another FDR, λ rule or
 * knockoff threshold, without training anything.
 */
@Command(
        name = "estimate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Re-estimate scores from a run's stored outcomes without training.",
            "Example: crest ame estimate --from ame-out/ --fdr 0.2 --lambda min"})
public final class AmeEstimateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "output directory of 'ame run'")
    private Path from;

    @Option(names = "--submodels", paramLabel = "M",
            description = "use only submodels 0..M-1 (default: every finished one from 0 on)")
    private Integer submodels;

    @Mixin
    private EstimationOptions estimation;

    @Option(names = "--train", paramLabel = "FILE",
            description = "the run's training set, to show labels (and thumbnails of IDX images) in the report")
    private Path train;

    @Option(names = "--train-labels", paramLabel = "FILE", description = "IDX labels of the training images")
    private Path trainLabels;

    @Option(names = "--json", description = "print selected.json on standard output instead of a summary")
    private boolean json;

    @Override
    public Integer call() {
        estimation.validate();
        if (submodels != null) {
            OptionBounds.atLeast("--submodels", submodels, 1);
        }
        StoredRun stored = StoredRun.read(from);
        GroundTruth truth = estimation.groundTruth(stored.design().points());
        AmeScores scores = AmeScores.estimate(stored.design(), stored.outcomes(submodels == null ? 0 : submodels),
                stored.queryRows(), estimation);
        TrainingPoints points = train == null ? null
                : TrainingPoints.of(TrainingFiles.load(train, trainLabels, "--train", 0, 0))
                        .requireSize(stored.design().points(), "--train");
        ScoreReport.write(spec.commandLine().getOut(), from, scores, stored.provenance(estimation), truth, points,
                json);
        return 0;
    }
}
