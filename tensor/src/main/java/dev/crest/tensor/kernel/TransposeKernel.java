package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.List;

/** Transpose-13: output axis {@code i} is input axis {@code perm[i]}; {@code perm} defaults to reversing the axes. */
final class TransposeKernel {
    private TransposeKernel() {
    }

    static List<Tensor> apply(List<Tensor> inputs, Attributes attributes) {
        KernelArgs.checkCount(inputs, 1, 1);
        Tensor data = KernelArgs.required(inputs, 0, "data");
        int rank = data.rank();
        long[] perm = attributes.getLongs("perm");
        int[] p = perm == null ? reversed(rank) : checkedPermutation(perm, rank);
        return List.of(transpose(data, p));
    }

    /** {@code data} with its axes permuted by a valid permutation {@code perm}. */
    static Tensor transpose(Tensor data, int[] perm) {
        boolean identity = true;
        for (int i = 0; i < perm.length; i++) {
            identity &= perm[i] == i;
        }
        if (identity) {
            return data; // tensors are immutable, so the input itself is the result
        }
        Shape in = data.shape();
        int[] strides = in.strides();
        int[] dims = new int[perm.length];
        int[][] tables = new int[perm.length][];
        for (int i = 0; i < perm.length; i++) {
            dims[i] = in.dim(perm[i]);
            tables[i] = IndexMap.strided(dims[i], strides[perm[i]]);
        }
        return IndexMap.take(data, Shape.of(dims), IndexMap.compose(tables));
    }

    private static int[] reversed(int rank) {
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = rank - 1 - i;
        }
        return p;
    }

    private static int[] checkedPermutation(long[] perm, int rank) {
        if (perm.length != rank) {
            throw new TensorException("perm " + Arrays.toString(perm) + " has " + perm.length
                    + " entries but the input has rank " + rank);
        }
        int[] p = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            if (perm[i] < 0 || perm[i] >= rank || seen[(int) perm[i]]) {
                throw new TensorException("perm " + Arrays.toString(perm) + " is not a permutation of 0.."
                        + (rank - 1));
            }
            p[i] = (int) perm[i];
            seen[p[i]] = true;
        }
        return p;
    }
}
