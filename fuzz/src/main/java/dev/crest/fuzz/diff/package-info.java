/**
 * Differential testing: runs a {@link dev.crest.fuzz.diff.TestCase} on the reference and the target backends,
 * compares outputs under a {@link dev.crest.fuzz.diff.Tolerance} and classifies the result as a
 * {@link dev.crest.fuzz.diff.Verdict} (pass, dropped, or a {@link dev.crest.fuzz.diff.Finding} by symptom, stage
 * and diverging pair).
 */
package dev.crest.fuzz.diff;
