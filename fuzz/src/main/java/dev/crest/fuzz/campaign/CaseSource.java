package dev.crest.fuzz.campaign;

/**
 * Where a campaign's test cases come from: a model for a seed, with inputs and reference outputs. Called from
 * several threads at once, so implementations keep no shared mutable state; equal seeds must give equal cases
 * (as far as the input search's budget allows).
 */
public interface CaseSource {
    /** Prepares the case for {@code seed}; generation failures are returned, not thrown. */
    PreparedCase prepare(long seed);
}
