package dev.crest.tensor.autodiff;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The gradient rule of every differentiable operator, by ONNX name, registered explicitly by each rule group,
 * and the operators whose outputs never carry a gradient (comparisons, logic, arg-reductions, shape queries).
 */
public final class GradientRules {
    private static final Map<String, GradientRule> RULES = createRules();

    private static final Set<String> NON_DIFFERENTIABLE = Set.of(
            "Equal", "Greater", "GreaterOrEqual", "Less", "LessOrEqual", "And", "Or", "Xor", "Not",
            "ArgMax", "ArgMin", "IsNaN", "IsInf", "Sign", "Shape", "Size", "NonZero", "EyeLike",
            "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike", "Bernoulli", "Multinomial",
            "ConstantOfShape", "Range", "OneHot", "BitShift", "BitwiseAnd", "BitwiseOr", "BitwiseXor", "BitwiseNot");

    private GradientRules() {
    }

    private static Map<String, GradientRule> createRules() {
        Map<String, GradientRule> rules = new HashMap<>();
        ElementwiseGradients.registerAll(rules);
        ArithmeticGradients.registerAll(rules);
        ShapeGradients.registerAll(rules);
        ReductionGradients.registerAll(rules);
        LinalgGradients.registerAll(rules);
        ConvolutionGradients.registerAll(rules);
        NormalizationGradients.registerAll(rules);
        ResizeGradients.registerAll(rules);
        return Collections.unmodifiableMap(new TreeMap<>(rules));
    }

    /** The operators that have a gradient rule, sorted. */
    public static List<String> differentiableOps() {
        return List.copyOf(RULES.keySet());
    }

    /** True for operators whose outputs carry no gradient to their inputs. */
    public static boolean isNonDifferentiable(String opType) {
        return NON_DIFFERENTIABLE.contains(opType);
    }

    static Optional<GradientRule> find(String opType) {
        return Optional.ofNullable(RULES.get(opType));
    }
}
