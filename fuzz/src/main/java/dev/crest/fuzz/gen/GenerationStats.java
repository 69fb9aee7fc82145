package dev.crest.fuzz.gen;

/**
 * What one generation cost and how far binning got, recorded with the model for diagnosis.
 *
 * @param attempts insertion attempts, successful or not
 * @param solverChecks solver checks run
 * @param binsProposed bin constraints drawn
 * @param binsKept bin constraints the final model satisfies
 */
public record GenerationStats(int attempts, int solverChecks, int binsProposed, int binsKept) {
}
