package dev.crest.fuzz.search;

import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;

/**
 * Whether a tensor holds only finite values, read in its own dtype: a float16 value past 65504 is already
 * infinite in the tensor, so the check sees what the interpreter computed for the declared type.
 */
final class Finiteness {
    private Finiteness() {
    }

    static boolean isFinite(Tensor t) {
        if (!t.dtype().isFloat()) {
            return true;
        }
        if (t.dtype() == DType.FLOAT32) {
            for (float f : t.float32Data()) {
                if (!Float.isFinite(f)) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0, n = t.size(); i < n; i++) {
            if (!Double.isFinite(t.getDouble(i))) {
                return false;
            }
        }
        return true;
    }
}
