package dev.crest.cli.ame;

import dev.crest.ame.AmeException;
import dev.crest.ame.estimate.KnockoffVariant;
import dev.crest.ame.lasso.LambdaRule;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options shared by {@code ame run} and {@code ame estimate} that choose how outcomes become scores. */
final class EstimationOptions {
    @Option(names = "--fdr", paramLabel = "Q", defaultValue = "0.1",
            description = "false-discovery rate of the knockoff selection, in (0, 1); default: ${DEFAULT-VALUE}")
    double fdr;

    @Option(names = "--lambda", paramLabel = "RULE", defaultValue = "1se",
            description = "how cross-validation picks the LASSO penalty: 1se or min; default: ${DEFAULT-VALUE}")
    String lambda;

    @Option(names = "--knockoff", paramLabel = "VARIANT", defaultValue = "plus",
            description = "knockoff threshold: plus (controls the FDR) or plain (more power when few points matter);"
                    + " default: ${DEFAULT-VALUE}")
    String knockoff;

    @Option(names = "--combine-queries",
            description = "score the mean outcome over all queries as one query: more signal, and one fit instead of"
                    + " one per query, when the queries share a cause (e.g. images carrying the same trigger)")
    boolean combineQueries;

    @Option(names = "--ground-truth", paramLabel = "FILE",
            description = "the truly influential points, one index per line, for precision/recall in the report")
    Path groundTruth;

    /** Checks every option so a bad one fails before any training. */
    void validate() {
        if (!(fdr > 0 && fdr < 1)) {
            throw new AmeException("--fdr must be strictly between 0 and 1, got " + fdr);
        }
        lambdaRule();
        variant();
    }

    /** The --ground-truth points checked against a training set of {@code points}, or null when not given. */
    GroundTruth groundTruth(int points) {
        return groundTruth == null ? null : GroundTruth.read(groundTruth, points);
    }

    LambdaRule lambdaRule() {
        switch (lambda) {
            case "1se":
                return LambdaRule.ONE_STANDARD_ERROR;
            case "min":
                return LambdaRule.MINIMUM;
            default:
                throw new AmeException("--lambda must be 1se or min, got '" + lambda + "'");
        }
    }

    KnockoffVariant variant() {
        switch (knockoff) {
            case "plus":
                return KnockoffVariant.KNOCKOFF_PLUS;
            case "plain":
                return KnockoffVariant.KNOCKOFF;
            default:
                throw new AmeException("--knockoff must be plus or plain, got '" + knockoff + "'");
        }
    }
}
