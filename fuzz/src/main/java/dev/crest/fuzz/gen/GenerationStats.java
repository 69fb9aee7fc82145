package dev.crest.fuzz.gen;

/**
 * What one generation cost and how far binning got, recorded with the model for diagnosis.
 *
 * @param attempts insertion attempts, successful or not
 * @param solverChecks solver checks run
 * @param solverGaveUp checks that ran out of solver effort (counted as rejections)
 * @param binsProposed bin constraints drawn
 * @param binsKept bin constraints the final model satisfies
 */
public record GenerationStats(int attempts, int solverChecks, int solverGaveUp, int binsProposed, int binsKept) {
}
