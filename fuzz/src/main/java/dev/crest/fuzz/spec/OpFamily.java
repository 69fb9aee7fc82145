package dev.crest.fuzz.spec;

/**
 * Groups of operators of the same kind; the generator first draws a family, then an operator within it, so
 * that the many casts, comparisons or element-wise functions do not crowd out convolutions or reshapes.
 */
public enum OpFamily {
    UNARY_MATH,
    ACTIVATION,
    BINARY_ARITHMETIC,
    COMPARISON,
    LOGICAL,
    CAST,
    REDUCTION,
    SHAPE,
    INDEXING,
    LINEAR_ALGEBRA,
    CONVOLUTION,
    POOLING,
    NORMALIZATION,
    INTERPOLATION
}
