package dev.crest.tensor.autodiff;

import static dev.crest.tensor.autodiff.KernelCalls.axesTensor;
import static dev.crest.tensor.autodiff.KernelCalls.reduceToShape;
import static dev.crest.tensor.autodiff.KernelCalls.run;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Gradient rules of the shape and data-movement operators: views (Reshape, Flatten, Squeeze, Unsqueeze) reshape
 * the gradient back, Transpose applies the inverse permutation, Expand sums over the broadcast axes, Concat
 * slices, Trilu masks the gradient the same way, and the indexing operators route through {@link Routing}.
 */
final class ShapeGradients {
    private ShapeGradients() {
    }

    static void registerAll(Map<String, GradientRule> rules) {
        for (String op : new String[] {"Reshape", "Flatten", "Squeeze", "Unsqueeze"}) {
            rules.put(op, c -> new Tensor[] {c.gradient().reshape(c.input(0).shape())});
        }
        rules.put("Transpose", ShapeGradients::transpose);
        rules.put("Expand", c -> new Tensor[] {reduceToShape(c.gradient(), c.input(0).shape()), null});
        rules.put("Concat", ShapeGradients::concat);
        rules.put("Trilu", c -> {
            Tensor k = c.input(1);
            return new Tensor[] {k == null ? run("Trilu", c.attributes(), c.gradient())
                : run("Trilu", c.attributes(), c.gradient(), k), null};
        });
        rules.put("Slice", c -> new Tensor[] {Routing.gradient(c, 0)});
        rules.put("Gather", c -> new Tensor[] {Routing.gradient(c, 0), null});
        rules.put("Tile", c -> new Tensor[] {Routing.gradient(c, 0), null});
        rules.put("Pad", c -> new Tensor[] {Routing.gradient(c, 0, ShapeGradients::zeroFill)});
    }

    /** A constant Pad's fill value becomes float64 0 in the routing re-run, so padded cells route nowhere. */
    private static List<Tensor> zeroFill(List<Tensor> inputs) {
        if (inputs.size() > 2 && inputs.get(2) != null) {
            inputs.set(2, Tensor.scalar(DType.FLOAT64, 0).reshape(inputs.get(2).shape()));
        }
        return inputs;
    }

    private static Tensor[] transpose(GradientContext c) {
        int rank = c.input(0).rank();
        int[] perm = c.attributes().getInts("perm", null);
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            inverse[perm == null ? rank - 1 - i : perm[i]] = i;
        }
        return new Tensor[] {run("Transpose", Attributes.builder().put("perm", inverse).build(), c.gradient())};
    }

    private static Tensor[] concat(GradientContext c) {
        Tensor g = c.gradient();
        int axis = Shape.normalizeAxis(c.attributes().getInt("axis", 0), g.rank());
        Tensor[] grads = new Tensor[c.inputCount()];
        int offset = 0;
        for (int i = 0; i < grads.length; i++) {
            int length = c.input(i).shape().dim(axis);
            if (c.needs(i)) {
                grads[i] = run("Slice", g, axesTensor(offset), axesTensor(offset + length), axesTensor(axis));
            }
            offset += length;
        }
        return grads;
    }
}
