package dev.crest.fuzz.spec;

import java.util.List;

/**
 * A light-weight specification of one ONNX operator for the generator (after NNSmith): which dtypes and input
 * ranks it takes, and, per instance, the constraints that make it valid and its symbolic output types.
 * Implementations are stateless and registered by name in {@link OpSpecs}.
 */
public interface OpSpec {
    /** The ONNX operator type, e.g. {@code Conv}. */
    String opType();

    /** The family used to weight operator choice so that large families do not crowd out the rest. */
    OpFamily family();

    /**
     * The numbers of data inputs an instance may consume, e.g. {@code [1]} for Relu, {@code [2, 3, 4]} for
     * Concat; constants the spec computes itself (Reshape's shape, Slice's starts) are not counted.
     */
    int[] inputCounts();

    /** The dtype combinations the operator accepts with {@code inputCount} data inputs. */
    List<Signature> signatures(int inputCount);

    /** Whether the operator accepts data inputs of these ranks (one per data input, each 0 to 5). */
    boolean acceptsRanks(int[] ranks);

    /**
     * Whether some inputs make the operator produce NaN or Inf (Div, Sqrt, Log, Pow, Asin, Acos, Reciprocal):
     * the input search steers their inputs into the domain.
     */
    default boolean domainLimited() {
        return false;
    }

    /** The first opset in which the operator exists in the form this spec emits (Gelu: 20). */
    default int sinceOpset() {
        return 1;
    }

    /** Creates an instance with fresh attribute symbols and its drawn structural choices. */
    OpInstance instantiate(SpecContext context, Signature signature, int[] inputRanks);
}
