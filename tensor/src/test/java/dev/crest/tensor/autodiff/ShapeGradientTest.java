package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.GradientCheck.all;
import static dev.crest.tensor.autodiff.GradientCheck.assertGradients;
import static dev.crest.tensor.autodiff.GradientCheck.only;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Gradients of the shape and data-movement operators against central finite differences. */
class ShapeGradientTest {

    @Provide
    Arbitrary<Shape> shapes() {
        return Arbitraries.integers().between(1, 3).array(int[].class).ofMinSize(0).ofMaxSize(4).map(Shape::of);
    }

    @Provide
    Arbitrary<Shape> nonScalarShapes() {
        return Arbitraries.integers().between(1, 3).array(int[].class).ofMinSize(1).ofMaxSize(4).map(Shape::of);
    }

    private static Tensor longs(long... values) {
        return Tensor.ofLongs(Shape.of(values.length), values);
    }

    private static Tensor values(SplittableRandom random, Shape shape) {
        return RandomTensors.uniform(random, shape, -2, 2);
    }

    @Property(tries = 30)
    void viewsReshapeFlattenSqueezeUnsqueezeIdentity(@ForAll("shapes") Shape shape, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor x = values(random, shape);
        // Reshape to the reversed dimensions, with a -1 where possible.
        long[] target = new long[shape.rank()];
        for (int i = 0; i < target.length; i++) {
            target[i] = shape.dim(shape.rank() - 1 - i);
        }
        if (target.length > 0) {
            target[random.nextInt(target.length)] = -1;
        }
        assertGradients("Reshape", Attributes.empty(), new Tensor[] {x, longs(target)}, only(2, 0), random);
        int axis = random.nextInt(shape.rank() + 1);
        assertGradients("Flatten", Attributes.builder().put("axis", (long) axis).build(), new Tensor[] {x}, all(1),
                random);
        int position = random.nextInt(shape.rank() + 1);
        Tensor unsqueezed = x.reshape(insertOne(shape, position));
        assertGradients("Unsqueeze", Attributes.empty(), new Tensor[] {x, longs(position)}, only(2, 0), random);
        assertGradients("Squeeze", Attributes.empty(), new Tensor[] {unsqueezed, longs(position)}, only(2, 0), random);
        assertGradients("Identity", Attributes.empty(), new Tensor[] {x}, all(1), random);
    }

    private static Shape insertOne(Shape shape, int position) {
        int[] dims = new int[shape.rank() + 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            dims[i] = i == position ? 1 : shape.dim(j++);
        }
        return Shape.of(dims);
    }

    @Property(tries = 30)
    void transposeWithRandomAndDefaultPermutation(@ForAll("shapes") Shape shape, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor x = values(random, shape);
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < shape.rank(); i++) {
            perm.add(i);
        }
        Collections.shuffle(perm, new java.util.Random(random.nextLong()));
        int[] p = perm.stream().mapToInt(Integer::intValue).toArray();
        assertGradients("Transpose", Attributes.builder().put("perm", p).build(), new Tensor[] {x}, all(1), random);
        assertGradients("Transpose", Attributes.empty(), new Tensor[] {x}, all(1), random);
    }

    @Property(tries = 30)
    void expandSumsOverBroadcastAxes(@ForAll("shapes") Shape out, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor x = values(random, RandomTensors.broadcastableTo(random, out));
        assertGradients("Expand", Attributes.empty(), new Tensor[] {x, longs(out.dimsAsLongs())}, only(2, 0), random);
    }

    @Property(tries = 30)
    void concatSlicesTheGradient(@ForAll("nonScalarShapes") Shape shape, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int axis = random.nextInt(shape.rank());
        int count = 1 + random.nextInt(3);
        Tensor[] inputs = new Tensor[count];
        for (int i = 0; i < count; i++) {
            int[] dims = shape.dims();
            dims[axis] = 1 + random.nextInt(3);
            inputs[i] = values(random, Shape.of(dims));
        }
        long signedAxis = random.nextBoolean() ? axis : axis - shape.rank();
        assertGradients("Concat", Attributes.builder().put("axis", signedAxis).build(), inputs, all(count), random);
    }

    @Property(tries = 30)
    void sliceWithStepsAndNegativeIndices(@ForAll("nonScalarShapes") Shape shape, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor x = values(random, shape);
        int n = 1 + random.nextInt(shape.rank());
        long[] starts = new long[n];
        long[] ends = new long[n];
        long[] axes = new long[n];
        long[] steps = new long[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shape.rank(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        for (int i = 0; i < n; i++) {
            int axis = order.get(i);
            int dim = shape.dim(axis);
            axes[i] = random.nextBoolean() ? axis : axis - shape.rank();
            steps[i] = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(2));
            starts[i] = random.nextInt(-dim - 1, dim + 1);
            ends[i] = random.nextBoolean() ? (steps[i] > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : random.nextInt(-dim - 1, dim + 1);
        }
        assertGradients("Slice", Attributes.empty(),
                new Tensor[] {x, longs(starts), longs(ends), longs(axes), longs(steps)}, only(5, 0), random);
    }

    @Property(tries = 30)
    void gatherScattersRepeatedIndices(@ForAll("nonScalarShapes") Shape shape, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor x = values(random, shape);
        int axis = random.nextInt(shape.rank());
        int dim = shape.dim(axis);
        int[] indexDims = new int[random.nextInt(3)];
        for (int i = 0; i < indexDims.length; i++) {
            indexDims[i] = 1 + random.nextInt(3);
        }
        Shape indexShape = Shape.of(indexDims);
        long[] indices = new long[indexShape.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = random.nextInt(-dim, dim); // negative indices count from the end; repeats accumulate
        }
        assertGradients("Gather", Attributes.builder().put("axis", (long) axis).build(),
                new Tensor[] {x, Tensor.ofLongs(indexShape, indices)}, only(2, 0), random);
    }

    @Property(tries = 30)
    void tileSumsTheCopies(@ForAll("shapes") Shape shape, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor x = values(random, shape);
        long[] repeats = new long[shape.rank()];
        for (int i = 0; i < repeats.length; i++) {
            repeats[i] = 1 + random.nextInt(3);
        }
        assertGradients("Tile", Attributes.empty(), new Tensor[] {x, longs(repeats)}, only(2, 0), random);
    }

    @Property(tries = 30)
    void triluMasksTheGradient(@ForAll("nonScalarShapes") Shape base, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Shape shape = base.rank() >= 2 ? base : Shape.of(2, base.dim(0));
        Tensor x = values(random, shape);
        Attributes upper = Attributes.builder().put("upper", random.nextBoolean() ? 1L : 0L).build();
        Tensor k = Tensor.scalar(dev.crest.tensor.DType.INT64, random.nextInt(-2, 3));
        assertGradients("Trilu", upper, new Tensor[] {x, k}, only(2, 0), random);
        assertGradients("Trilu", upper, new Tensor[] {x}, all(1), random);
    }

    @Property(tries = 30)
    void padInEveryMode(@ForAll("nonScalarShapes") Shape shape, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor x = values(random, shape);
        for (String mode : new String[] {"constant", "reflect", "edge", "wrap"}) {
            long[] pads = new long[2 * shape.rank()];
            for (int i = 0; i < pads.length; i++) {
                int dim = shape.dim(i % shape.rank());
                // reflect needs pads below the dimension; constant may also crop with negative pads.
                int limit = mode.equals("reflect") ? dim - 1 : 2;
                int low = mode.equals("constant") ? -Math.min(1, dim - 1) : 0;
                pads[i] = limit <= low ? low : random.nextInt(low, limit + 1);
            }
            Attributes attributes = Attributes.builder().put("mode", mode).build();
            if (mode.equals("constant")) {
                Tensor fill = Tensor.scalar(dev.crest.tensor.DType.FLOAT64, 1.5);
                assertGradients("Pad", attributes, new Tensor[] {x, longs(pads), fill}, only(3, 0), random);
            } else {
                assertGradients("Pad", attributes, new Tensor[] {x, longs(pads)}, only(2, 0), random);
            }
        }
    }
}
