package dev.crest.ame.lasso;

/** How cross-validation picks the regularization strength λ from the path. */
public enum LambdaRule {
    /** The largest λ whose CV error is within one standard error of the minimum (sparser; for detection). */
    ONE_STANDARD_ERROR,
    /** The λ with the smallest mean CV error (for value estimates such as the Shapley variant). */
    MINIMUM
}
