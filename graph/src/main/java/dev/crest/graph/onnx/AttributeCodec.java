package dev.crest.graph.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import com.google.protobuf.ByteString;
import dev.crest.graph.GraphException;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts ONNX {@code AttributeProto}s to Crest {@link Attributes} and back, for the attribute types
 * kernels use: INT, FLOAT, STRING, TENSOR, INTS, FLOATS and STRINGS. ONNX floats are 32-bit, so a double
 * attribute is written rounded to float precision.
 */
public final class AttributeCodec {
    private AttributeCodec() {
    }

    /** Decodes a node's attributes; {@code owner} names the node in error messages. */
    public static Attributes fromProtos(List<AttributeProto> protos, String owner, ExternalData external) {
        Attributes.Builder b = Attributes.builder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (AttributeProto a : protos) {
            String name = a.getName();
            if (!seen.add(name)) {
                throw new GraphException(owner + " has attribute '" + name + "' twice");
            }
            if (!a.getRefAttrName().isEmpty()) {
                throw new GraphException(owner + ": attribute '" + name
                        + "' refers to a function attribute, which Crest does not support");
            }
            switch (typeOf(a, owner)) {
                case INT:
                    b.put(name, a.getI());
                    break;
                case FLOAT:
                    b.put(name, (double) a.getF());
                    break;
                case STRING:
                    b.put(name, a.getS().toString(StandardCharsets.UTF_8));
                    break;
                case TENSOR:
                    b.put(name, TensorProtoCodec.fromProto(a.getT(), external));
                    break;
                case INTS: {
                    long[] v = new long[a.getIntsCount()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = a.getInts(i);
                    }
                    b.put(name, v);
                    break;
                }
                case FLOATS: {
                    double[] v = new double[a.getFloatsCount()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = a.getFloats(i);
                    }
                    b.put(name, v);
                    break;
                }
                case STRINGS: {
                    String[] v = new String[a.getStringsCount()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = a.getStrings(i).toString(StandardCharsets.UTF_8);
                    }
                    b.put(name, v);
                    break;
                }
                default:
                    throw new GraphException(owner + ": attribute '" + name + "' has type "
                            + a.getType().name().toLowerCase(Locale.ROOT) + ", which Crest does not support");
            }
        }
        return b.build();
    }

    /** Files written before the {@code type} field existed leave it unset; the filled field tells the type. */
    private static AttributeType typeOf(AttributeProto a, String owner) {
        if (a.getType() != AttributeType.UNDEFINED) {
            return a.getType();
        }
        if (a.hasF()) {
            return AttributeType.FLOAT;
        }
        if (a.hasI()) {
            return AttributeType.INT;
        }
        if (a.hasS()) {
            return AttributeType.STRING;
        }
        if (a.hasT()) {
            return AttributeType.TENSOR;
        }
        if (a.getFloatsCount() > 0) {
            return AttributeType.FLOATS;
        }
        if (a.getIntsCount() > 0) {
            return AttributeType.INTS;
        }
        if (a.getStringsCount() > 0) {
            return AttributeType.STRINGS;
        }
        throw new GraphException(owner + ": attribute '" + a.getName() + "' has no type and no value");
    }

    /** Encodes attributes in their insertion order. */
    public static List<AttributeProto> toProtos(Attributes attributes, TensorEncoding encoding) {
        List<AttributeProto> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : attributes.asMap().entrySet()) {
            AttributeProto.Builder b = AttributeProto.newBuilder().setName(e.getKey());
            Object v = e.getValue();
            if (v instanceof Long) {
                b.setType(AttributeType.INT).setI((Long) v);
            } else if (v instanceof Double) {
                b.setType(AttributeType.FLOAT).setF(((Double) v).floatValue());
            } else if (v instanceof String) {
                b.setType(AttributeType.STRING).setS(ByteString.copyFromUtf8((String) v));
            } else if (v instanceof Tensor) {
                b.setType(AttributeType.TENSOR).setT(TensorProtoCodec.toProto((Tensor) v, "", encoding));
            } else if (v instanceof long[]) {
                b.setType(AttributeType.INTS);
                for (long l : (long[]) v) {
                    b.addInts(l);
                }
            } else if (v instanceof double[]) {
                b.setType(AttributeType.FLOATS);
                for (double d : (double[]) v) {
                    b.addFloats((float) d);
                }
            } else if (v instanceof String[]) {
                b.setType(AttributeType.STRINGS);
                for (String s : (String[]) v) {
                    b.addStrings(ByteString.copyFromUtf8(s));
                }
            } else {
                throw new IllegalArgumentException("attribute '" + e.getKey() + "' holds an unsupported "
                        + v.getClass().getName());
            }
            out.add(b.build());
        }
        return out;
    }
}
