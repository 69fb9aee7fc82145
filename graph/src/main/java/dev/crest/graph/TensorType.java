package dev.crest.graph;

import dev.crest.tensor.DType;
import dev.crest.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The declared type of a graph value: an element type and a shape whose dimensions may be symbolic or
 * unknown. The rank itself may be unknown ({@link #dims()} is {@code null}), as ONNX allows for value infos
 * without a shape.
 *
 * @param dtype element type
 * @param dims the dimensions, or {@code null} when even the rank is unknown
 */
public record TensorType(DType dtype, List<Dim> dims) {
    public TensorType {
        if (dtype == null) {
            throw new IllegalArgumentException("dtype is required");
        }
        dims = dims == null ? null : List.copyOf(dims);
    }

    /** A type with fully known dimensions. */
    public static TensorType of(DType dtype, int... dims) {
        return new TensorType(dtype, Arrays.stream(dims).mapToObj(Dim::of).collect(Collectors.toList()));
    }

    /** A type with the dimensions of {@code shape}. */
    public static TensorType of(DType dtype, Shape shape) {
        return of(dtype, shape.dims());
    }

    /** A type with the given, possibly symbolic, dimensions. */
    public static TensorType of(DType dtype, Dim... dims) {
        return new TensorType(dtype, Arrays.asList(dims));
    }

    /** A rank-0 (scalar) type. */
    public static TensorType scalar(DType dtype) {
        return new TensorType(dtype, List.of());
    }

    /** A type of unknown rank. */
    public static TensorType unranked(DType dtype) {
        return new TensorType(dtype, null);
    }

    public boolean hasRank() {
        return dims != null;
    }

    /** True when the rank and every dimension are known. */
    public boolean isFullyKnown() {
        return dims != null && dims.stream().allMatch(Dim::isKnown);
    }

    /** The concrete shape, when {@link #isFullyKnown()}; otherwise a {@link GraphException}. */
    public Shape toShape() {
        if (!isFullyKnown()) {
            throw new GraphException("type " + this + " has no concrete shape");
        }
        return Shape.of(dims.stream().mapToInt(Dim::size).toArray());
    }

    /**
     * Checks that {@code shape} fits these dimensions, binding symbolic dimensions in {@code bindings}
     * (symbol → size) so one symbol keeps one size across several checks. Returns {@code null} when it fits,
     * otherwise a short reason.
     */
    public String mismatch(Shape shape, Map<String, Integer> bindings) {
        if (dims == null) {
            return null;
        }
        if (dims.size() != shape.rank()) {
            return "rank " + shape.rank() + " instead of " + dims.size();
        }
        for (int i = 0; i < dims.size(); i++) {
            Dim d = dims.get(i);
            int actual = shape.dim(i);
            if (d.isKnown() && d.size() != actual) {
                return "dimension " + i + " is " + actual + " instead of " + d.size();
            }
            if (d.isSymbolic()) {
                Integer bound = bindings.putIfAbsent(d.symbol(), actual);
                if (bound != null && bound != actual) {
                    return "dimension " + i + " ('" + d.symbol() + "') is " + actual + " but '" + d.symbol()
                            + "' is already " + bound;
                }
            }
        }
        return null;
    }

    /** Formats as e.g. {@code float32[batch, 3]} or {@code float32[*]} for unknown rank. */
    @Override
    public String toString() {
        if (dims == null) {
            return dtype.displayName() + "[*]";
        }
        List<String> parts = new ArrayList<>();
        for (Dim d : dims) {
            parts.add(d.toString());
        }
        return dtype.displayName() + "[" + String.join(", ", parts) + "]";
    }
}
