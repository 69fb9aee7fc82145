package dev.crest.fuzz.backend.torch;

import ai.djl.ndarray.NDArray;
import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A translated operator with one output whose dtype follows a fixed rule and whose checked inputs must be of
 * the dtypes the translation was verified for.
 */
final class SimpleOp implements TorchOp {
    /** How the output dtype follows from the input dtypes and attributes. */
    interface OutputRule {
        DType outputType(List<DType> inputs, Attributes attributes);
    }

    /** The output has the dtype of input {@code i}. */
    static OutputRule sameAs(int i) {
        return (inputs, attributes) -> inputs.get(i);
    }

    /** The output has a fixed dtype (bool for comparisons, int64 for indices). */
    static OutputRule always(DType dtype) {
        return (inputs, attributes) -> dtype;
    }

    private final Set<DType> dtypes;
    private final int[] checkedInputs;
    private final OutputRule output;
    private final Function<OpCall, NDArray> kernel;

    /**
     * @param dtypes the dtypes the checked inputs may have
     * @param checkedInputs the indices of the inputs whose dtype is checked (the data inputs)
     */
    SimpleOp(Set<DType> dtypes, int[] checkedInputs, OutputRule output, Function<OpCall, NDArray> kernel) {
        this.dtypes = dtypes.isEmpty() ? EnumSet.noneOf(DType.class) : EnumSet.copyOf(dtypes);
        this.checkedInputs = checkedInputs.clone();
        this.output = output;
        this.kernel = kernel;
    }

    /** An operator whose first input is the checked data input and whose output has its dtype. */
    static SimpleOp unary(Set<DType> dtypes, Function<OpCall, NDArray> kernel) {
        return new SimpleOp(dtypes, new int[] {0}, sameAs(0), kernel);
    }

    @Override
    public Optional<String> rejects(List<DType> inputs, Attributes attributes) {
        for (int i : checkedInputs) {
            if (i < inputs.size() && inputs.get(i) != null && !dtypes.contains(inputs.get(i))) {
                return Optional.of("input " + i + " of dtype " + inputs.get(i).displayName()
                        + " is not translated (translated: " + names(dtypes) + ")");
            }
        }
        return Optional.empty();
    }

    @Override
    public List<DType> outputTypes(List<DType> inputs, Attributes attributes) {
        return List.of(output.outputType(inputs, attributes));
    }

    @Override
    public List<NDArray> apply(OpCall call) {
        return List.of(kernel.apply(call));
    }

    static String names(Set<DType> dtypes) {
        return String.join(", ", dtypes.stream().map(DType::displayName).toList());
    }
}
