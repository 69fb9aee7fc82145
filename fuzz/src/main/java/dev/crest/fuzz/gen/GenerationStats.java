package dev.crest.fuzz.gen;

/**
 * What one generation cost and how far binning got, recorded with the model for diagnosis.
 *
 * @param attempts insertion attempts, successful or not
 * @param solverChecks solver checks run, {@code solverExtensions} included
 * @param solverExtensions checks that solved only an insertion's new symbols, the earlier ones fixed to their values
 * @param solverGaveUp checks that ran out of solver effort (counted as rejections)
 * @param binsProposed bin constraints drawn
 * @param binsKept bin constraints the final model satisfies
 */
public record GenerationStats(int attempts, int solverChecks, int solverExtensions, int solverGaveUp, int binsProposed, int binsKept) {
}
