package dev.crest.tensor.kernel;

import dev.crest.tensor.Shape;
import java.util.Arrays;

/**
 * How a reduction visits its input: {@code groups} output elements, each reducing {@code groupSize} input
 * elements whose flat indices are {@code map[o*groupSize .. (o+1)*groupSize)} in row-major order of the reduced
 * axes. Built once per call from strides, so the reduction loops do no index arithmetic of their own.
 */
final class ReductionPlan {
    final Shape outputShape;
    final int groups;
    final int groupSize;
    final int[] map;

    private ReductionPlan(Shape outputShape, int groups, int groupSize, int[] map) {
        this.outputShape = outputShape;
        this.groups = groups;
        this.groupSize = groupSize;
        this.map = map;
    }

    /** The plan reducing the axes flagged in {@code reduced}; {@code keepDims} keeps them as size-1 axes. */
    static ReductionPlan of(Shape input, boolean[] reduced, boolean keepDims) {
        int rank = input.rank();
        int[] strides = input.strides();
        int[][] tables = new int[rank][];
        int[] outDims = new int[rank];
        int outRank = 0;
        int next = 0;
        long groups = 1;
        long groupSize = 1;
        // Kept axes first, then reduced ones, so each output element's inputs are consecutive in the map.
        for (int a = 0; a < rank; a++) {
            if (!reduced[a]) {
                tables[next++] = IndexMap.strided(input.dim(a), strides[a]);
                groups *= input.dim(a);
                outDims[outRank++] = input.dim(a);
            } else if (keepDims) {
                outDims[outRank++] = 1;
            }
        }
        for (int a = 0; a < rank; a++) {
            if (reduced[a]) {
                tables[next++] = IndexMap.strided(input.dim(a), strides[a]);
                groupSize *= input.dim(a);
            }
        }
        Shape out = Shape.of(Arrays.copyOf(outDims, outRank));
        return new ReductionPlan(out, (int) groups, (int) groupSize, IndexMap.compose(tables));
    }
}
