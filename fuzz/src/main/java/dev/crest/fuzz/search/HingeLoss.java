package dev.crest.fuzz.search;

import dev.crest.graph.Node;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Float16;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * The loss that steers the search away from the first node producing NaN or infinity: a sum of hinges on the
 * node's inputs that is zero exactly when they lie in the operator's safe region. Follows NNSmith's hinge losses
 * (Div: |y| away from 0; Sqrt: x >= 0; Log: x > 0; Asin/Acos: |x| <= 1; Pow: base > 0, then
 * exponent·ln(base) bounded) and adds Reciprocal like Div, BatchNormalization's variance >= 0, and Exp's overflow
 * (x <= ln(max) − 1).
 *
 * <p>Where NNSmith has no hinge (overflow in Mul, MatMul, ReduceProd, Add...) or the operator's own hinges are
 * already satisfied but it still overflows (Div of a huge numerator), a generic hinge shrinks every input element
 * whose magnitude exceeds half the largest magnitude among the node's float inputs; recomputed each step, it
 * keeps pulling the largest values down until the node stops overflowing.
 */
final class HingeLoss {
    /** How far from zero Log's argument and divisors are pushed; any value the float types represent works. */
    static final double MARGIN = 1e-3;
    /** NNSmith's bound on exponent·ln(base) for Pow in float32 and float64. */
    private static final double POW_LOG_BOUND = 40;

    private HingeLoss() {
    }

    /**
     * The loss for {@code node} given its input variables, or {@code null} when no input that carries a gradient
     * is penalised or the domain is violated on an input that carries none (the search then has nothing to
     * follow).
     */
    static Variable of(Tape tape, Node node, List<Variable> inputs) {
        List<Term> domain = domainTerms(tape, node, inputs);
        for (Term t : domain) {
            if (!t.x.requiresGrad() && t.violated()) {
                // The operator's domain is broken on an input no chosen float reaches (e.g. a divisor cast from
                // an integer): no step repairs it, so the search must re-draw instead of shrinking other inputs.
                return null;
            }
        }
        Variable loss = sum(tape, domain);
        if (loss != null && loss.value().getDouble(0) > 0) {
            return loss;
        }
        return sum(tape, magnitudeTerms(inputs));
    }

    /** True for the operators with a domain hinge of their own (NNSmith's "vulnerable" ones plus a few). */
    static boolean hasDomainHinge(String opType) {
        switch (opType) {
            case "Sqrt": case "Log": case "Reciprocal": case "Div": case "Asin": case "Acos": case "Pow":
            case "Exp": case "BatchNormalization":
                return true;
            default:
                return false;
        }
    }

    private static List<Term> domainTerms(Tape tape, Node node, List<Variable> in) {
        List<Term> terms = new ArrayList<>();
        switch (node.opType()) {
            case "Sqrt":
                add(terms, input(in, 0), Penalty.atLeast(0));
                break;
            case "Log":
                add(terms, input(in, 0), Penalty.atLeast(MARGIN));
                break;
            case "Reciprocal":
                add(terms, input(in, 0), Penalty.magnitudeAtLeast(MARGIN));
                break;
            case "Div":
                add(terms, input(in, 1), Penalty.magnitudeAtLeast(MARGIN));
                break;
            case "Asin":
            case "Acos":
                add(terms, input(in, 0), Penalty.magnitudeAtMost(1));
                break;
            case "BatchNormalization":
                add(terms, input(in, 4), Penalty.atLeast(0));
                break;
            case "Exp": {
                Variable x = input(in, 0);
                if (x != null) {
                    add(terms, x, Penalty.atMost(Math.log(maxFinite(x.value().dtype())) - 1));
                }
                break;
            }
            case "Pow":
                powTerms(tape, input(in, 0), input(in, 1), terms);
                break;
            default:
                break;
        }
        return terms;
    }

    /** NNSmith's two stages: first every base positive, then exponent·ln(base) below the overflow bound. */
    private static void powTerms(Tape tape, Variable base, Variable exponent, List<Term> terms) {
        if (base == null || !base.value().dtype().isFloat() || exponent == null) {
            return;
        }
        Term positive = new Term(base, Penalty.atLeast(MARGIN));
        if (positive.violated()) {
            terms.add(positive);
            return;
        }
        DType dtype = base.value().dtype();
        Variable e = exponent.value().dtype() == dtype ? exponent
                : tape.apply("Cast", Attributes.builder().put("to", (long) dtype.onnxCode()).build(), exponent);
        Variable log = tape.apply("Log", Attributes.empty(), base);
        Variable product = tape.apply("Mul", Attributes.empty(), e, log);
        double bound = Math.min(POW_LOG_BOUND, Math.log(maxFinite(dtype)) - 1);
        terms.add(new Term(product, Penalty.atMost(bound)));
    }

    private static List<Term> magnitudeTerms(List<Variable> inputs) {
        double largest = 0;
        for (Variable v : inputs) {
            if (v != null && v.requiresGrad()) {
                Tensor t = v.value();
                for (int i = 0, n = t.size(); i < n; i++) {
                    double a = Math.abs(t.getDouble(i));
                    if (Double.isFinite(a)) {
                        largest = Math.max(largest, a);
                    }
                }
            }
        }
        List<Term> terms = new ArrayList<>();
        if (largest > 0) {
            for (Variable v : inputs) {
                add(terms, v, Penalty.magnitudeAtMost(largest / 2));
            }
        }
        return terms;
    }

    private static Variable input(List<Variable> inputs, int index) {
        return index < inputs.size() ? inputs.get(index) : null;
    }

    private static void add(List<Term> terms, Variable x, Penalty penalty) {
        if (x != null && x.value().dtype().isFloat()) {
            terms.add(new Term(x, penalty));
        }
    }

    static double maxFinite(DType dtype) {
        switch (dtype) {
            case FLOAT16:
                return Float16.MAX_VALUE;
            case FLOAT32:
                return Float.MAX_VALUE;
            default:
                return Double.MAX_VALUE;
        }
    }

    /** The float64 scalar sum of every term's hinges, recorded on the tape with the hinges' exact slopes. */
    private static Variable sum(Tape tape, List<Term> terms) {
        terms.removeIf(t -> !t.x.requiresGrad());
        if (terms.isEmpty()) {
            return null;
        }
        double total = 0;
        Tensor[] slopes = new Tensor[terms.size()];
        Variable[] xs = new Variable[terms.size()];
        for (int k = 0; k < terms.size(); k++) {
            Term term = terms.get(k);
            Tensor x = term.x.value();
            double[] slope = new double[x.size()];
            for (int i = 0; i < slope.length; i++) {
                double xi = x.getDouble(i);
                total += term.penalty.value(xi);
                slope[i] = term.penalty.slope(xi);
            }
            slopes[k] = Tensor.fromDoubles(x.dtype(), x.shape(), slope);
            xs[k] = term.x;
        }
        return tape.custom(Tensor.scalar(DType.FLOAT64, total), g -> scaled(slopes, g.getDouble(0)), xs);
    }

    private static Tensor[] scaled(Tensor[] slopes, double factor) {
        Tensor[] out = new Tensor[slopes.length];
        for (int k = 0; k < slopes.length; k++) {
            double[] s = slopes[k].toDoubleArray();
            for (int i = 0; i < s.length; i++) {
                s[i] *= factor;
            }
            out[k] = Tensor.fromDoubles(slopes[k].dtype(), slopes[k].shape(), s);
        }
        return out;
    }

    /** One hinge applied to every element of one variable. */
    private static final class Term {
        final Variable x;
        final Penalty penalty;

        Term(Variable x, Penalty penalty) {
            this.x = x;
            this.penalty = penalty;
        }

        boolean violated() {
            Tensor t = x.value();
            for (int i = 0, n = t.size(); i < n; i++) {
                if (penalty.value(t.getDouble(i)) > 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
