package dev.crest.cli.ame;

import dev.crest.ame.AmeException;
import dev.crest.ame.design.Design;
import dev.crest.ame.estimate.AmeEstimate;
import dev.crest.ame.estimate.AmeEstimator;
import dev.crest.ame.estimate.KnockoffAmeEstimator;
import dev.crest.ame.estimate.KnockoffAmeResult;
import dev.crest.ame.lasso.LassoSettings;
import dev.crest.ame.run.OutcomeMatrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The scores a run reports: per query the AME of every training point (cross-validated LASSO on the design) and
 * the knockoff selection of points that help, at the requested FDR.
 *
 * @param queryRows the query rows in outcome-column order
 * @param combined whether the queries were scored as one: the mean of their outcomes (then there is one column)
 * @param estimate the AME estimate, one entry per column
 * @param knockoffs the knockoff fits and selections, one per column
 * @param submodels how many submodels the estimate used
 */
record AmeScores(int[] queryRows, boolean combined, AmeEstimate estimate, List<KnockoffAmeResult> knockoffs,
        int submodels) {
    /** The label of the combined query in files and on the page. */
    static final String COMBINED = "mean";

    /** Estimates from the outcomes of submodels 0..M−1 of {@code design}. */
    static AmeScores estimate(Design design, OutcomeMatrix outcomes, int[] queryRows, EstimationOptions options) {
        if (queryRows.length != outcomes.queries()) {
            throw new IllegalArgumentException(queryRows.length + " query rows for " + outcomes.queries()
                    + " outcome columns");
        }
        LassoSettings settings = LassoSettings.defaults().withRule(options.lambdaRule());
        if (outcomes.submodels() < settings.folds()) {
            throw new AmeException("estimating needs at least " + settings.folds() + " finished submodels for "
                    + "cross-validation, found " + outcomes.submodels() + "; raise --submodels");
        }
        double[][] byQuery = options.combineQueries ? new double[][] {mean(outcomes.byQuery())}
                : outcomes.byQuery();
        AmeEstimate estimate = new AmeEstimator(settings).estimate(design, byQuery);
        List<KnockoffAmeResult> knockoffs = new KnockoffAmeEstimator(settings)
                .estimate(design, byQuery, options.fdr, options.variant());
        return new AmeScores(queryRows.clone(), options.combineQueries, estimate, new ArrayList<>(knockoffs),
                outcomes.submodels());
    }

    /** Per submodel, the mean outcome over the queries. */
    private static double[] mean(double[][] byQuery) {
        double[] mean = new double[byQuery[0].length];
        for (double[] query : byQuery) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += query[j] / byQuery.length;
            }
        }
        return mean;
    }

    /** How many score columns there are: one per query, or one for the combined queries. */
    int columns() {
        return combined ? 1 : queryRows.length;
    }

    /** The name of column {@code q}: its query row, or {@value #COMBINED} for the combined queries. */
    String label(int q) {
        return combined ? COMBINED : Integer.toString(queryRows[q]);
    }

    /** Column {@code q} as selected.json names it: the query row, or {@value #COMBINED}. */
    Object jsonLabel(int q) {
        return combined ? COMBINED : queryRows[q];
    }

    /** AME of training point {@code point} for the query in outcome column {@code q}. */
    double ame(int q, int point) {
        return estimate.queries().get(q).ame()[point];
    }

    /** Whether the knockoff filter selected {@code point} as helping the query in column {@code q}. */
    boolean selected(int q, int point) {
        return knockoffs.get(q).helping().isSelected(point);
    }

    /** The {@code limit} points with the highest AME for the query in column {@code q}, highest first. */
    int[] topPoints(int q, int limit) {
        return IntStream.range(0, points()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -ame(q, i)))
                .limit(limit).mapToInt(Integer::intValue).toArray();
    }

    int points() {
        return estimate.queries().get(0).ame().length;
    }
}
