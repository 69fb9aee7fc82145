package dev.crest.tensor.autodiff;

/**
 * How a {@link Tape} differentiates operators whose true derivative is zero almost everywhere or on a region.
 *
 * <p>{@link #PROXY} follows the proxy derivatives of NNSmith's gradient-guided input search (Liu et al.,
 * "NNSmith: Generating Diverse and Valid Test Cases for Deep Learning Compilers", ASPLOS 2023; reference code
 * {@code nnsmith/materialize/torch/proxy_grad.py}): Floor, Ceil and Round pass the gradient straight through,
 * Relu and Clip pass a slope of 0.1 where their true derivative is zero (Relu for {@code x <= 0}, Clip outside
 * {@code [min, max]}). Crest goes further than NNSmith in three places: LeakyRelu with {@code alpha = 0} gets the
 * same 0.1 slope, Max and Min pass 0.1 of the gradient to every input that was not selected, and Clip's
 * {@code min}/{@code max} inputs still receive their exact gradient (NNSmith treats them as constants). Like
 * NNSmith, every other operator keeps its exact derivative in PROXY mode, including the selections of
 * ReduceMax/ReduceMin and MaxPool.
 */
public enum GradientMode {
    /** True derivatives (zero where the operator is flat, sub-gradient 0 at kinks). */
    EXACT,
    /** NNSmith-style proxy derivatives that never vanish on flat regions, for gradient-guided input search. */
    PROXY;

    /** The slope PROXY mode uses where the true derivative is zero, as in NNSmith. */
    public static final double PROXY_SLOPE = 0.1;
}
