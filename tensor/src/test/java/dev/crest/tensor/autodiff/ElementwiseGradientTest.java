package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.GradientCheck.all;
import static dev.crest.tensor.autodiff.GradientCheck.assertGradients;
import static dev.crest.tensor.autodiff.GradientCheck.only;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Gradients of the element-wise operators against central finite differences, over random shapes of rank 0–4. */
class ElementwiseGradientTest {

    @Provide
    Arbitrary<Shape> shapes() {
        return Arbitraries.integers().between(1, 3).array(int[].class).ofMinSize(0).ofMaxSize(4).map(Shape::of);
    }

    /** A unary operator with the input domain its check uses. */
    enum Unary {
        ABS("Abs", 0.1, 2, true), NEG("Neg", -2, 2, false), RELU("Relu", 0.1, 2, true),
        LEAKY_RELU("LeakyRelu", 0.1, 2, true), SIGMOID("Sigmoid", -3, 3, false), TANH("Tanh", -2, 2, false),
        GELU("Gelu", -3, 3, false), GELU_TANH("Gelu", -3, 3, false), SIN("Sin", -3, 3, false),
        COS("Cos", -3, 3, false), TAN("Tan", -1.2, 1.2, false), ASIN("Asin", -0.9, 0.9, false),
        ACOS("Acos", -0.9, 0.9, false), ATAN("Atan", -3, 3, false), SQRT("Sqrt", 0.2, 3, false),
        EXP("Exp", -2, 2, false), LOG("Log", 0.2, 3, false), RECIPROCAL("Reciprocal", 0.3, 2, true),
        IDENTITY("Identity", -2, 2, false), SOFTMAX("Softmax", -2, 2, false),
        // Step functions: inputs strictly between integers and half-integers, where the derivative is 0.
        CEIL("Ceil", 0, 0, false), FLOOR("Floor", 0, 0, false), ROUND("Round", 0, 0, false);

        final String op;
        final double lo;
        final double hi;
        final boolean signed;

        Unary(String op, double lo, double hi, boolean signed) {
            this.op = op;
            this.lo = lo;
            this.hi = hi;
            this.signed = signed;
        }
    }

    @Property(tries = 30)
    void unaryOperators(@ForAll("shapes") Shape shape, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Unary unary : Unary.values()) {
            checkUnary(unary, shape, random);
        }
    }

    private static void checkUnary(Unary unary, Shape shape, SplittableRandom random) {
        Tensor x;
        if (unary.lo == unary.hi) {
            double[] v = new double[shape.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextInt(-3, 3) + 0.1 + 0.3 * random.nextDouble();
            }
            x = Tensor.ofDoubles(shape, v);
        } else {
            x = unary.signed ? RandomTensors.awayFromZero(random, shape, unary.lo, unary.hi)
                    : RandomTensors.uniform(random, shape, unary.lo, unary.hi);
        }
        Attributes attributes = Attributes.empty();
        if (unary == Unary.LEAKY_RELU) {
            attributes = Attributes.builder().put("alpha", 0.2).build();
        } else if (unary == Unary.GELU_TANH) {
            attributes = Attributes.builder().put("approximate", "tanh").build();
        } else if (unary == Unary.SOFTMAX) {
            if (shape.rank() == 0) {
                return; // Softmax needs an axis
            }
            attributes = Attributes.builder().put("axis", (long) random.nextInt(-shape.rank(), shape.rank())).build();
        }
        assertGradients(unary.op, attributes, new Tensor[] {x}, all(1), random);
    }

    @Property(tries = 30)
    void clipToInputAndBounds(@ForAll("shapes") Shape shape, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // Bounds at ±0.5; inputs keep 0.05 away from them.
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) {
            double m = random.nextBoolean() ? 0.55 + random.nextDouble() : 0.45 * random.nextDouble();
            v[i] = random.nextBoolean() ? m : -m;
        }
        Tensor x = Tensor.ofDoubles(shape, v);
        Tensor min = Tensor.scalar(DType.FLOAT64, -0.5);
        Tensor max = Tensor.scalar(DType.FLOAT64, 0.5);
        switch (random.nextInt(3)) {
            case 0:
                assertGradients("Clip", Attributes.empty(), new Tensor[] {x, min, max}, all(3), random);
                break;
            case 1:
                assertGradients("Clip", Attributes.empty(), new Tensor[] {x, min}, all(2), random);
                break;
            default:
                assertGradients("Clip", Attributes.empty(), new Tensor[] {x, null, max}, only(3, 0, 2), random);
        }
    }

    enum Binary { ADD, SUB, MUL, DIV, POW }

    @Property(tries = 30)
    void broadcastingArithmetic(@ForAll("shapes") Shape out, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Binary binary : Binary.values()) {
            checkBinary(binary, out, random);
        }
    }

    private static void checkBinary(Binary binary, Shape out, SplittableRandom random) {
        Shape sa = RandomTensors.broadcastableTo(random, out);
        Shape sb = RandomTensors.broadcastableTo(random, out);
        Tensor a;
        Tensor b;
        String op;
        switch (binary) {
            case DIV:
                op = "Div";
                a = RandomTensors.uniform(random, sa, -2, 2);
                b = RandomTensors.awayFromZero(random, sb, 0.5, 2);
                break;
            case POW:
                op = "Pow";
                a = RandomTensors.uniform(random, sa, 0.5, 2);
                b = RandomTensors.uniform(random, sb, -1.5, 1.5);
                break;
            default:
                op = binary == Binary.ADD ? "Add" : binary == Binary.SUB ? "Sub" : "Mul";
                a = RandomTensors.uniform(random, sa, -2, 2);
                b = RandomTensors.uniform(random, sb, -2, 2);
        }
        assertGradients(op, Attributes.empty(), new Tensor[] {a, b}, all(2), random);
    }

    @Property(tries = 30)
    void variadicMaxAndMin(@ForAll("shapes") Shape out, @ForAll boolean max, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomTensors.DistinctPool pool = new RandomTensors.DistinctPool(random);
        int count = 1 + random.nextInt(3);
        Tensor[] inputs = new Tensor[count];
        for (int i = 0; i < count; i++) {
            inputs[i] = RandomTensors.distinct(RandomTensors.broadcastableTo(random, out), pool);
        }
        assertGradients(max ? "Max" : "Min", Attributes.empty(), inputs, all(count), random);
    }

    @Property(tries = 30)
    void whereToBothBranches(@ForAll("shapes") Shape out, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor condition = RandomTensors.bools(random, RandomTensors.broadcastableTo(random, out));
        Tensor x = RandomTensors.uniform(random, RandomTensors.broadcastableTo(random, out), -2, 2);
        Tensor y = RandomTensors.uniform(random, RandomTensors.broadcastableTo(random, out), -2, 2);
        assertGradients("Where", Attributes.empty(), new Tensor[] {condition, x, y}, only(3, 1, 2), random);
    }

    @Property(tries = 30)
    void preluToInputAndSlope(@ForAll("shapes") Shape shape, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor x = RandomTensors.awayFromZero(random, shape, 0.1, 2);
        Shape slopeShape = RandomTensors.broadcastableTo(random, shape);
        Tensor slope = RandomTensors.uniform(random, slopeShape, 0.05, 0.5);
        assertGradients("PRelu", Attributes.empty(), new Tensor[] {x, slope}, all(2), random);
    }
}
