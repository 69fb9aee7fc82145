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
 * @param estimate the AME estimate, one entry per query
 * @param knockoffs the knockoff fits and selections, one per query
 * @param submodels how many submodels the estimate used
 */
record AmeScores(int[] queryRows, AmeEstimate estimate, List<KnockoffAmeResult> knockoffs, int submodels) {

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
        double[][] byQuery = outcomes.byQuery();
        AmeEstimate estimate = new AmeEstimator(settings).estimate(design, byQuery);
        List<KnockoffAmeResult> knockoffs = new KnockoffAmeEstimator(settings)
                .estimate(design, byQuery, options.fdr, options.variant());
        return new AmeScores(queryRows.clone(), estimate, new ArrayList<>(knockoffs), outcomes.submodels());
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
