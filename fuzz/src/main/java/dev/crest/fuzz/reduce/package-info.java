/**
 * Test-case reduction for findings: {@link dev.crest.fuzz.reduce.Reducer} shrinks a finding's model by delta
 * debugging over its nodes and then shrinks its tensors, keeping {@link dev.crest.fuzz.reduce.SameBug the same
 * bug}; {@link dev.crest.fuzz.reduce.ReducedCaseWriter} writes the result as {@code reduced/} in the finding folder.
 */
package dev.crest.fuzz.reduce;
