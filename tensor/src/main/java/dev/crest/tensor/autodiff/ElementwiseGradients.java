package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.KernelCalls.add;
import static dev.crest.tensor.autodiff.KernelCalls.addScalar;
import static dev.crest.tensor.autodiff.KernelCalls.div;
import static dev.crest.tensor.autodiff.KernelCalls.greater;
import static dev.crest.tensor.autodiff.KernelCalls.less;
import static dev.crest.tensor.autodiff.KernelCalls.mul;
import static dev.crest.tensor.autodiff.KernelCalls.mulScalar;
import static dev.crest.tensor.autodiff.KernelCalls.neg;
import static dev.crest.tensor.autodiff.KernelCalls.reduceSum;
import static dev.crest.tensor.autodiff.KernelCalls.reduceToShape;
import static dev.crest.tensor.autodiff.KernelCalls.run;
import static dev.crest.tensor.autodiff.KernelCalls.scalar;
import static dev.crest.tensor.autodiff.KernelCalls.scalarSub;
import static dev.crest.tensor.autodiff.KernelCalls.where;

import dev.crest.tensor.Tensor;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Gradient rules of the unary element-wise operators and activations (Abs … Gelu, Softmax, Clip), each the
 * output gradient times the local derivative, composed of registry kernels.
 */
final class ElementwiseGradients {
    private ElementwiseGradients() {
    }

    static void registerAll(Map<String, GradientRule> rules) {
        // Local derivative as a function of the input x and the output y.
        derivative(rules, "Abs", (x, y) -> sign(x));
        rules.put("Neg", c -> new Tensor[] {neg(c.gradient())});
        rules.put("Identity", c -> new Tensor[] {c.gradient()});
        derivative(rules, "Sin", (x, y) -> run("Cos", x));
        derivative(rules, "Cos", (x, y) -> neg(run("Sin", x)));
        derivative(rules, "Tan", (x, y) -> addScalar(mul(y, y), 1));
        derivative(rules, "Asin", (x, y) -> run("Reciprocal", run("Sqrt", scalarSub(1, mul(x, x)))));
        derivative(rules, "Acos", (x, y) -> neg(run("Reciprocal", run("Sqrt", scalarSub(1, mul(x, x))))));
        derivative(rules, "Atan", (x, y) -> run("Reciprocal", addScalar(mul(x, x), 1)));
        derivative(rules, "Sqrt", (x, y) -> div(scalar(y, 0.5), y));
        derivative(rules, "Exp", (x, y) -> y);
        rules.put("Log", c -> new Tensor[] {div(c.gradient(), c.input(0))});
        derivative(rules, "Reciprocal", (x, y) -> neg(mul(y, y)));
        derivative(rules, "Sigmoid", (x, y) -> mul(y, scalarSub(1, y)));
        derivative(rules, "Tanh", (x, y) -> scalarSub(1, mul(y, y)));
        for (String op : new String[] {"Ceil", "Floor", "Round"}) {
            rules.put(op, ElementwiseGradients::stepGradient);
        }
        rules.put("Relu", ElementwiseGradients::relu);
        rules.put("LeakyRelu", ElementwiseGradients::leakyRelu);
        rules.put("PRelu", ElementwiseGradients::prelu);
        rules.put("Gelu", ElementwiseGradients::gelu);
        rules.put("Softmax", ElementwiseGradients::softmax);
        rules.put("Clip", ElementwiseGradients::clip);
    }

    private static void derivative(Map<String, GradientRule> rules, String op, BiFunction<Tensor, Tensor, Tensor> d) {
        rules.put(op, c -> new Tensor[] {mul(c.gradient(), d.apply(c.input(0), c.output()))});
    }

    /** sign(x) as 1, −1 or 0, in x's dtype. */
    static Tensor sign(Tensor x) {
        Tensor zero = scalar(x, 0);
        return KernelCalls.sub(KernelCalls.mask(greater(x, zero), x.dtype()), KernelCalls.mask(less(x, zero), x.dtype()));
    }

    /** Floor, Ceil, Round: flat almost everywhere; PROXY passes the gradient straight through (NNSmith). */
    private static Tensor[] stepGradient(GradientContext c) {
        Tensor g = c.gradient();
        return new Tensor[] {c.mode() == GradientMode.PROXY ? g : Tensor.zeros(g.dtype(), g.shape())};
    }

    /** The gradient where an operator is flat: zero, or NNSmith's 0.1 slope in PROXY mode. */
    static Tensor flatGradient(GradientContext c, Tensor g) {
        return c.mode() == GradientMode.PROXY ? mulScalar(g, GradientMode.PROXY_SLOPE) : scalar(g, 0);
    }

    private static Tensor[] relu(GradientContext c) {
        Tensor g = c.gradient();
        Tensor x = c.input(0);
        return new Tensor[] {where(greater(x, scalar(x, 0)), g, flatGradient(c, g))};
    }

    private static Tensor[] leakyRelu(GradientContext c) {
        Tensor g = c.gradient();
        Tensor x = c.input(0);
        double alpha = c.attributes().getDouble("alpha", 0.01);
        Tensor negative = alpha == 0 ? flatGradient(c, g) : mulScalar(g, alpha);
        return new Tensor[] {where(less(x, scalar(x, 0)), negative, g)};
    }

    /** PRelu(x, slope) = x for x ≥ 0 and slope·x otherwise, with slope broadcast to x. */
    private static Tensor[] prelu(GradientContext c) {
        Tensor g = c.gradient();
        Tensor x = c.input(0);
        Tensor slope = c.input(1);
        Tensor negative = less(x, scalar(x, 0));
        Tensor zero = scalar(g, 0);
        Tensor dx = c.needs(0) ? where(negative, mul(g, slope), g) : null;
        Tensor dSlope = c.needs(1) ? reduceToShape(where(negative, mul(g, x), zero), slope.shape()) : null;
        return new Tensor[] {dx, dSlope};
    }

    /**
     * Gelu: exact {@code y = x·Φ(x)} has derivative {@code Φ(x) + x·φ(x)}, with Φ(x) read back as y/x (exact to
     * a few ulps, since y is a product with x; 1/2 at x = 0) because the registry has no Erf; the tanh approximation
     * {@code 0.5x(1 + tanh u)}, {@code u = √(2/π)(x + 0.044715x³)}, has derivative
     * {@code 0.5(1 + tanh u) + 0.5x(1 − tanh²u)·√(2/π)(1 + 3·0.044715x²)}.
     */
    private static Tensor[] gelu(GradientContext c) {
        Tensor g = c.gradient();
        Tensor x = c.input(0);
        String approximate = c.attributes().getString("approximate", "none");
        Tensor d;
        if (approximate.equals("tanh")) {
            double k = Math.sqrt(2 / Math.PI);
            Tensor x2 = mul(x, x);
            Tensor u = mulScalar(mul(x, addScalar(mulScalar(x2, 0.044715), 1)), k);
            Tensor t = run("Tanh", u);
            Tensor du = mulScalar(addScalar(mulScalar(x2, 3 * 0.044715), 1), k);
            d = add(mulScalar(addScalar(t, 1), 0.5), mul(mulScalar(x, 0.5), mul(scalarSub(1, mul(t, t)), du)));
        } else {
            Tensor zero = scalar(x, 0);
            Tensor cdf = where(KernelCalls.equal(x, zero), scalar(x, 0.5), div(c.output(), x));
            Tensor pdf = mulScalar(run("Exp", mulScalar(mul(x, x), -0.5)), 1 / Math.sqrt(2 * Math.PI));
            d = add(cdf, mul(x, pdf));
        }
        return new Tensor[] {mul(g, d)};
    }

    /** Softmax along {@code axis}: {@code dx = y·(g − Σ_axis g·y)}. */
    private static Tensor[] softmax(GradientContext c) {
        Tensor g = c.gradient();
        Tensor y = c.output();
        if (y.rank() == 0) {
            return new Tensor[] {mulScalar(g, 0)}; // a softmax over one element is constant
        }
        int axis = y.shape().normalizeAxis(c.attributes().getInt("axis", -1));
        Tensor dot = reduceSum(mul(g, y), new int[] {axis}, true);
        return new Tensor[] {mul(y, KernelCalls.sub(g, dot))};
    }

    /** Clip's bound from input {@code index}, or from the Clip-6 float attribute, or null when unbounded. */
    private static Tensor bound(GradientContext c, int index, String name) {
        if (c.input(index) != null) {
            return c.input(index);
        }
        return c.attributes().has(name)
                ? Tensor.scalar(c.input(0).dtype(), (float) c.attributes().getDouble(name, 0)) : null;
    }

    /**
     * Clip(x, min, max) = Min(Max(x, min), max): the gradient goes to whichever of x, min, max the output
     * took. PROXY mode gives x a 0.1 slope where it was clipped (NNSmith).
     */
    private static Tensor[] clip(GradientContext c) {
        Tensor g = c.gradient();
        Tensor x = c.input(0);
        Tensor min = bound(c, 1, "min");
        Tensor max = bound(c, 2, "max");
        Tensor zero = scalar(g, 0);
        Tensor lowered = g; // the gradient reaching Max(x, min)
        Tensor dMax = null;
        if (max != null) {
            Tensor raised = min == null ? x : run("Max", x, min);
            Tensor above = greater(raised, max);
            dMax = c.needs(2) ? reduceToShape(where(above, g, zero), max.shape()) : null;
            lowered = where(above, zero, g);
        }
        Tensor dx = lowered;
        Tensor dMin = null;
        Tensor clippedX = max == null ? null : greater(x, max);
        if (min != null) {
            Tensor below = less(x, min);
            dMin = c.needs(1) ? reduceToShape(where(below, lowered, zero), min.shape()) : null;
            dx = where(below, zero, lowered);
            clippedX = clippedX == null ? below : run("Or", below, clippedX);
        }
        if (c.mode() == GradientMode.PROXY && clippedX != null) {
            dx = where(clippedX, mulScalar(g, GradientMode.PROXY_SLOPE), dx);
        }
        return new Tensor[] {dx, dMin, dMax};
    }
}
