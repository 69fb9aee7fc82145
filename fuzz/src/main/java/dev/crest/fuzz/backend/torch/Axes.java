package dev.crest.fuzz.backend.torch;

import dev.crest.fuzz.FuzzException;
import java.util.Arrays;

/** ONNX axis arithmetic: negative axes count from the end. */
final class Axes {
    private Axes() {
    }

    /** {@code axis} in {@code [-rank, rank)} as a non-negative axis. */
    static int normalize(long axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new FuzzException("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** Every axis normalized, sorted ascending. */
    static int[] normalizeAll(long[] axes, int rank) {
        int[] result = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            result[i] = normalize(axes[i], rank);
        }
        Arrays.sort(result);
        return result;
    }

    /** 0, 1, ..., rank - 1. */
    static int[] all(int rank) {
        int[] result = new int[rank];
        for (int i = 0; i < rank; i++) {
            result[i] = i;
        }
        return result;
    }
}
