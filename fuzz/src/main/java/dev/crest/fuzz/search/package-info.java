/**
 * Input search for generated models: choosing input and weight values so that the reference interpreter computes
 * no NaN or infinity anywhere, as NNSmith does before differential testing.
 *
 * <p>{@link dev.crest.fuzz.search.GradientSearch} follows NNSmith's gradient-guided search (hinge losses at the
 * first failing node, proxy derivatives, Adam); {@link dev.crest.fuzz.search.SamplingSearch} is the re-sampling
 * baseline. Both implement {@link dev.crest.fuzz.search.InputSearch} and return a
 * {@link dev.crest.fuzz.search.SearchResult} judged by the reference interpreter.
 */
package dev.crest.fuzz.search;
