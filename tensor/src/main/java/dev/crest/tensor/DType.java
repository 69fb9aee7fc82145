package dev.crest.tensor;

import java.util.Locale;

/**
 * Element types of a {@link Tensor}, with their ONNX {@code TensorProto.DataType} codes and the rules for
 * storing a computed value: floats round once to their precision, integers wrap to their width, booleans
 * are {@code x != 0}.
 */
public enum DType {
    FLOAT16(10, 2),
    FLOAT32(1, 4),
    FLOAT64(11, 8),
    INT8(3, 1),
    INT16(5, 2),
    INT32(6, 4),
    INT64(7, 8),
    UINT8(2, 1),
    BOOL(9, 1);

    private final int onnxCode;
    private final int byteSize;

    DType(int onnxCode, int byteSize) {
        this.onnxCode = onnxCode;
        this.byteSize = byteSize;
    }

    /** The ONNX {@code TensorProto.DataType} value. */
    public int onnxCode() {
        return onnxCode;
    }

    /** Bytes per element in ONNX raw data. */
    public int byteSize() {
        return byteSize;
    }

    public boolean isFloat() {
        return this == FLOAT16 || this == FLOAT32 || this == FLOAT64;
    }

    public boolean isInteger() {
        return this == INT8 || this == INT16 || this == INT32 || this == INT64 || this == UINT8;
    }

    public boolean isBool() {
        return this == BOOL;
    }

    /** True for the types with a sign: floats and signed integers. */
    public boolean isSigned() {
        return isFloat() || (isInteger() && this != UINT8);
    }

    /** Lower-case ONNX-style name, e.g. {@code float32}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Finds a dtype by ONNX code, or throws a {@link TensorException} naming the unsupported code. */
    public static DType fromOnnxCode(int code) {
        for (DType type : values()) {
            if (type.onnxCode == code) {
                return type;
            }
        }
        throw new TensorException("unsupported ONNX data type code " + code);
    }

    /** Parses names such as {@code float32}, {@code float}, {@code int64}, {@code bool} (case-insensitive). */
    public static DType parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "float":
            case "float32":
                return FLOAT32;
            case "double":
            case "float64":
                return FLOAT64;
            case "half":
            case "float16":
                return FLOAT16;
            case "int8":
                return INT8;
            case "int16":
                return INT16;
            case "int32":
            case "int":
                return INT32;
            case "int64":
            case "long":
                return INT64;
            case "uint8":
                return UINT8;
            case "bool":
            case "boolean":
                return BOOL;
            default:
                throw new TensorException("unknown dtype '" + name + "'");
        }
    }

    /** Rounds a float64 value once to this float type's precision. Only valid for float types. */
    public double roundFloat(double value) {
        switch (this) {
            case FLOAT64:
                return value;
            case FLOAT32:
                return (float) value;
            case FLOAT16:
                return Float16.round(value);
            default:
                throw new IllegalStateException(this + " is not a float type");
        }
    }

    /** Wraps an integer to this type's width (two's complement), or maps it to 0/1 for BOOL. */
    public long wrapInteger(long value) {
        switch (this) {
            case INT8:
                return (byte) value;
            case INT16:
                return (short) value;
            case INT32:
                return (int) value;
            case INT64:
                return value;
            case UINT8:
                return value & 0xff;
            case BOOL:
                return value != 0 ? 1 : 0;
            default:
                throw new IllegalStateException(this + " is not an integer type");
        }
    }

    /**
     * Converts a float64 value to this type with ONNX {@code Cast} semantics: floats round once; booleans are
     * {@code x != 0} (NaN is true); integers truncate toward zero. ONNX leaves NaN and out-of-range values
     * undefined; Crest does what ONNX Runtime's CPU kernels do on x86-64 (checked against ONNX Runtime 1.23):
     * the hardware conversion yields the "integer indefinite" value (the minimum of int32, or of int64 for
     * int64) for NaN and out-of-range inputs, and types narrower than 32 bits convert through int32 and wrap.
     */
    public double castFromDouble(double value) {
        if (isFloat()) {
            return roundFloat(value);
        }
        if (this == BOOL) {
            return value != 0 ? 1 : 0; // NaN != 0 holds, so NaN casts to true
        }
        if (this == INT64) {
            return Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63 ? Long.MIN_VALUE : (long) value;
        }
        boolean fitsInt32 = value < 0x1p31 && value > -0x1p31 - 1; // false for NaN
        return wrapInteger(fitsInt32 ? (long) value : Integer.MIN_VALUE);
    }

    /** Float-to-integer truncation toward zero, saturating at the int64 range; NaN maps to 0. */
    static long castToLong(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return (long) value; // Java's narrowing truncates toward zero and saturates
    }
}
