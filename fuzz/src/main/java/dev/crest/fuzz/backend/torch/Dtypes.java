package dev.crest.fuzz.backend.torch;

import dev.crest.tensor.DType;
import java.util.EnumSet;
import java.util.Set;

/** The dtype sets the translations are verified for. */
final class Dtypes {
    static final Set<DType> FLOATS = EnumSet.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64);
    static final Set<DType> INTEGERS = EnumSet.of(DType.INT8, DType.INT16, DType.UINT8, DType.INT32, DType.INT64);
    static final Set<DType> NUMERIC = union(FLOATS, INTEGERS);
    static final Set<DType> ALL = union(NUMERIC, EnumSet.of(DType.BOOL));
    static final Set<DType> BOOL = EnumSet.of(DType.BOOL);

    private Dtypes() {
    }

    static Set<DType> union(Set<DType> a, Set<DType> b) {
        Set<DType> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }
}
