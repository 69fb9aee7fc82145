package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.GradientCheck.assertGradients;
import static dev.crest.tensor.autodiff.GradientCheck.only;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Gradients of ReduceSum/Mean/Max/Min/Prod against central finite differences, over random axes and flags. */
class ReductionGradientTest {

    @Provide
    Arbitrary<Shape> shapes() {
        return Arbitraries.integers().between(1, 3).array(int[].class).ofMinSize(0).ofMaxSize(4).map(Shape::of);
    }

    @Property(tries = 30)
    void reductionsOverRandomAxes(@ForAll("shapes") Shape shape, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (String op : new String[] {"ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd"}) {
            Tensor x;
            if (op.equals("ReduceMax") || op.equals("ReduceMin")) {
                x = RandomTensors.distinct(shape, new RandomTensors.DistinctPool(random));
            } else if (op.equals("ReduceProd")) {
                x = RandomTensors.awayFromZero(random, shape, 0.5, 1.5);
            } else {
                x = RandomTensors.uniform(random, shape, -2, 2);
            }
            long[] axes = randomAxes(random, shape.rank());
            Attributes attributes = Attributes.builder()
                    .put("keepdims", random.nextBoolean() ? 1L : 0L)
                    .put("noop_with_empty_axes", random.nextBoolean() ? 1L : 0L)
                    .build();
            if (axes == null) {
                assertGradients(op, attributes, new Tensor[] {x}, only(1, 0), random);
            } else {
                Tensor axesTensor = Tensor.ofLongs(Shape.of(axes.length), axes);
                assertGradients(op, attributes, new Tensor[] {x, axesTensor}, only(2, 0), random);
            }
        }
    }

    /** A random subset of axes (possibly negative, possibly empty), or null to omit the input. */
    private static long[] randomAxes(SplittableRandom random, int rank) {
        if (random.nextInt(4) == 0) {
            return null;
        }
        java.util.List<Long> axes = new java.util.ArrayList<>();
        for (int i = 0; i < rank; i++) {
            if (random.nextBoolean()) {
                axes.add(random.nextBoolean() ? (long) i : (long) (i - rank));
            }
        }
        return axes.stream().mapToLong(Long::longValue).toArray();
    }

    @Property(tries = 30)
    void reduceProdWithZeros(@ForAll("shapes") Shape shape, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = RandomTensors.awayFromZero(random, shape, 0.5, 1.5).toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (random.nextInt(3) == 0) {
                v[i] = 0;
            }
        }
        assertGradients("ReduceProd", Attributes.empty(), new Tensor[] {Tensor.ofDoubles(shape, v)}, only(1, 0), random);
    }
}
