package dev.crest.tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes of one operator application, as ONNX defines them: named ints, floats, strings, tensors and
 * lists of ints, floats or strings. Immutable; typed getters take a default or fail with a message that names
 * the missing or mistyped attribute.
 *
 * <p>Values are held as {@code Long}, {@code Double}, {@code String}, {@link Tensor}, {@code long[]},
 * {@code double[]} or {@code String[]}.
 */
public final class Attributes {
    private static final Attributes EMPTY = new Attributes(Map.of());

    private final Map<String, Object> values;

    private Attributes(Map<String, Object> values) {
        this.values = values;
    }

    public static Attributes empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Attribute names in insertion order. */
    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public long getLong(String name, long defaultValue) {
        Object v = values.get(name);
        return v == null ? defaultValue : expect(name, v, Long.class);
    }

    public long getLong(String name) {
        return expect(name, require(name), Long.class);
    }

    /** An int attribute narrowed to int (ONNX ints are int64). */
    public int getInt(String name, int defaultValue) {
        return toInt(name, getLong(name, defaultValue));
    }

    /** Narrows an int64 attribute value, failing with a user error (it comes from a model) when it is too big. */
    private static int toInt(String name, long value) {
        if (value != (int) value) {
            throw new TensorException("attribute '" + name + "' value " + value + " does not fit in an int");
        }
        return (int) value;
    }

    public double getDouble(String name, double defaultValue) {
        Object v = values.get(name);
        return v == null ? defaultValue : expect(name, v, Double.class);
    }

    public String getString(String name, String defaultValue) {
        Object v = values.get(name);
        return v == null ? defaultValue : expect(name, v, String.class);
    }

    /** An ints attribute, or {@code null} when absent. */
    public long[] getLongs(String name) {
        Object v = values.get(name);
        return v == null ? null : expect(name, v, long[].class).clone();
    }

    /** An ints attribute as int[], or {@code defaultValue} when absent. */
    public int[] getInts(String name, int[] defaultValue) {
        long[] l = getLongs(name);
        if (l == null) {
            return defaultValue;
        }
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = toInt(name, l[i]);
        }
        return out;
    }

    /** A floats attribute, or {@code null} when absent. */
    public double[] getDoubles(String name) {
        Object v = values.get(name);
        return v == null ? null : expect(name, v, double[].class).clone();
    }

    public String[] getStrings(String name) {
        Object v = values.get(name);
        return v == null ? null : expect(name, v, String[].class).clone();
    }

    public Tensor getTensor(String name) {
        Object v = values.get(name);
        return v == null ? null : expect(name, v, Tensor.class);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new TensorException("missing required attribute '" + name + "'");
        }
        return v;
    }

    private static <T> T expect(String name, Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new TensorException("attribute '" + name + "' should be " + type.getSimpleName() + " but is "
                    + value.getClass().getSimpleName());
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(format(v));
        });
        return sb.append('}').toString();
    }

    private static String format(Object v) {
        if (v instanceof long[]) {
            return java.util.Arrays.toString((long[]) v);
        }
        if (v instanceof double[]) {
            return java.util.Arrays.toString((double[]) v);
        }
        if (v instanceof String[]) {
            return java.util.Arrays.toString((String[]) v);
        }
        return String.valueOf(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Collects attributes; arrays are copied. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        public Builder put(String name, long value) {
            values.put(name, value);
            return this;
        }

        public Builder put(String name, double value) {
            values.put(name, value);
            return this;
        }

        public Builder put(String name, String value) {
            values.put(name, value);
            return this;
        }

        public Builder put(String name, Tensor value) {
            values.put(name, value);
            return this;
        }

        public Builder put(String name, long... value) {
            values.put(name, value.clone());
            return this;
        }

        public Builder put(String name, int... value) {
            long[] l = new long[value.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = value[i];
            }
            values.put(name, l);
            return this;
        }

        public Builder put(String name, double... value) {
            values.put(name, value.clone());
            return this;
        }

        public Builder put(String name, String... value) {
            values.put(name, value.clone());
            return this;
        }

        public Attributes build() {
            return values.isEmpty() ? EMPTY : new Attributes(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
