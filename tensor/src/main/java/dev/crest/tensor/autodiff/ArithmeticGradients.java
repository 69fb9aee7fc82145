package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.KernelCalls.addScalar;
import static dev.crest.tensor.autodiff.KernelCalls.cast;
import static dev.crest.tensor.autodiff.KernelCalls.div;
import static dev.crest.tensor.autodiff.KernelCalls.equal;
import static dev.crest.tensor.autodiff.KernelCalls.mul;
import static dev.crest.tensor.autodiff.KernelCalls.mulScalar;
import static dev.crest.tensor.autodiff.KernelCalls.neg;
import static dev.crest.tensor.autodiff.KernelCalls.reduceToShape;
import static dev.crest.tensor.autodiff.KernelCalls.run;
import static dev.crest.tensor.autodiff.KernelCalls.scalar;
import static dev.crest.tensor.autodiff.KernelCalls.where;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.Map;

/**
 * Gradient rules of the broadcasting arithmetic operators (Add, Sub, Mul, Div, Pow, variadic Max/Min),
 * Where and Cast. Every input gradient is computed at the broadcast output shape and then summed back to the
 * input's shape ({@link KernelCalls#reduceToShape}).
 */
final class ArithmeticGradients {
    private ArithmeticGradients() {
    }

    static void registerAll(Map<String, GradientRule> rules) {
        rules.put("Add", c -> new Tensor[] {to(c, 0, c.gradient()), to(c, 1, c.gradient())});
        rules.put("Sub", c -> new Tensor[] {to(c, 0, c.gradient()), c.needs(1) ? to(c, 1, neg(c.gradient())) : null});
        rules.put("Mul", c -> new Tensor[] {
            c.needs(0) ? to(c, 0, mul(c.gradient(), operand(c, 1))) : null,
            c.needs(1) ? to(c, 1, mul(c.gradient(), c.input(0))) : null});
        // d(a/b)/db = -(a/b)/b = -y/b.
        rules.put("Div", c -> new Tensor[] {
            c.needs(0) ? to(c, 0, div(c.gradient(), operand(c, 1))) : null,
            c.needs(1) ? to(c, 1, neg(div(mul(c.gradient(), c.output()), operand(c, 1)))) : null});
        rules.put("Pow", ArithmeticGradients::pow);
        rules.put("Max", ArithmeticGradients::select);
        rules.put("Min", ArithmeticGradients::select);
        rules.put("Where", c -> {
            Tensor g = c.gradient();
            Tensor zero = scalar(g, 0);
            return new Tensor[] {null,
                c.needs(1) ? to(c, 1, where(c.input(0), g, zero)) : null,
                c.needs(2) ? to(c, 2, where(c.input(0), zero, g)) : null};
        });
        // The tape casts the gradient back to the input's float dtype.
        rules.put("Cast", c -> new Tensor[] {c.input(0).dtype().isFloat() ? c.gradient() : null});
    }

    /** The gradient {@code g} (at the output's shape) summed to input {@code i}'s shape, or null if not needed. */
    private static Tensor to(GradientContext c, int i, Tensor g) {
        return c.needs(i) ? reduceToShape(g, operand(c, i).shape()).reshape(c.input(i).shape()) : null;
    }

    /**
     * Input {@code i} as it broadcast in the forward pass: in the opset-1/6 form of Add/Sub/Mul/Div
     * ({@code broadcast=1} with an {@code axis}) B lines up with A from {@code axis}, which trailing ones express.
     */
    private static Tensor operand(GradientContext c, int i) {
        Tensor t = c.input(i);
        Attributes attributes = c.attributes();
        if (i != 1 || attributes.getLong("broadcast", 0) != 1 || !attributes.has("axis")) {
            return t;
        }
        int rankA = c.input(0).rank();
        int axis = Shape.normalizeAxis(attributes.getInt("axis", 0), rankA);
        int[] dims = java.util.Arrays.copyOf(t.shape().dims(), rankA - axis);
        java.util.Arrays.fill(dims, t.rank(), dims.length, 1);
        return t.reshape(Shape.of(dims));
    }

    /** Pow(a, b) = a^b: da = g·b·a^(b−1), db = g·y·ln a (defined for a > 0). */
    private static Tensor[] pow(GradientContext c) {
        Tensor g = c.gradient();
        Tensor a = c.input(0);
        Tensor b = cast(c.input(1), a.dtype());
        Tensor da = c.needs(0) ? to(c, 0, mul(g, mul(b, run("Pow", a, addScalar(b, -1))))) : null;
        Tensor db = c.needs(1) ? to(c, 1, mul(g, mul(c.output(), run("Log", a)))) : null;
        return new Tensor[] {da, db};
    }

    /**
     * Variadic Max/Min: each output element's gradient goes to the first input that attains it (ties go to the
     * earliest input, as an arg-max would). PROXY mode passes 0.1 of the gradient to the inputs not selected.
     */
    private static Tensor[] select(GradientContext c) {
        Tensor g = c.gradient();
        Tensor y = c.output();
        Tensor zero = scalar(g, 0);
        Tensor notSelected = c.mode() == GradientMode.PROXY ? mulScalar(g, GradientMode.PROXY_SLOPE) : zero;
        Tensor taken = null;
        Tensor[] grads = new Tensor[c.inputCount()];
        for (int i = 0; i < grads.length; i++) {
            Tensor attains = equal(c.input(i), y);
            Tensor selected = taken == null ? attains : run("And", attains, run("Not", taken));
            if (c.needs(i)) {
                grads[i] = to(c, i, where(selected, g, notSelected));
            }
            taken = taken == null ? attains : run("Or", taken, attains);
        }
        return grads;
    }
}
