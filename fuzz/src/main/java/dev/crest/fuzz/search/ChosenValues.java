package dev.crest.fuzz.search;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import dev.crest.tensor.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * The values the gradient search currently holds. Float values live as float32 {@link Parameter}s, the form
 * {@link dev.crest.tensor.optim.Adam} updates, and reach the model through a Cast to their declared dtype, so a
 * float16 model sees float16-rounded values; integer and bool values are plain tensors that are only re-drawn.
 */
final class ChosenValues {
    private final List<SearchedValue> searched;
    private final ValueSampler sampler;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> others = new LinkedHashMap<>();
    private final Map<String, DType> dtypes = new LinkedHashMap<>();

    ChosenValues(List<SearchedValue> searched, ValueSampler sampler, SplittableRandom random) {
        this.searched = searched;
        this.sampler = sampler;
        for (SearchedValue v : searched) {
            dtypes.put(v.name(), v.dtype());
            Tensor drawn = sampler.draw(v, random);
            if (v.followsGradient()) {
                parameters.put(v.name(), new Parameter(v.name(), drawn.cast(DType.FLOAT32)));
            } else {
                others.put(v.name(), drawn);
            }
        }
    }

    /** The parameters Adam updates. */
    List<Parameter> parameters() {
        return new ArrayList<>(parameters.values());
    }

    /** Draws every value afresh, integers from ranges picked per value ({@link ValueSampler#redraw}). */
    void redrawAll(SplittableRandom random) {
        for (SearchedValue v : searched) {
            Tensor drawn = sampler.redraw(v, random);
            if (v.followsGradient()) {
                parameters.get(v.name()).setValue(drawn.cast(DType.FLOAT32));
            } else {
                others.put(v.name(), drawn);
            }
        }
    }

    /**
     * Re-draws the float elements that are not finite in their declared dtype (NNSmith replaces NaN and infinite
     * inputs after a step; a float16 value past 65504 counts as infinite).
     */
    void redrawNonFinite(SplittableRandom random) {
        for (String name : parameters.keySet()) {
            redrawWhere(name, i -> false, random);
        }
    }

    /** Re-draws the elements of parameter {@code name} selected by {@code select} or not finite in its dtype. */
    void redrawWhere(String name, IntPredicate select, SplittableRandom random) {
        Parameter p = parameters.get(name);
        DType dtype = dtypes.get(name);
        float[] current = p.value().float32Data();
        float[] values = null; // copied on the first change: after most steps nothing needs a re-draw
        for (int i = 0; i < current.length; i++) {
            if (select.test(i) || !Double.isFinite(dtype.roundFloat(current[i]))) {
                if (values == null) {
                    values = current.clone();
                }
                values[i] = (float) sampler.drawFloat(random);
            }
        }
        if (values != null) {
            p.setValue(Tensor.wrapFloat32(p.value().shape(), values));
        }
    }

    /** Every value as a leaf of {@code tape}: floats as parameters cast to their dtype, the rest as constants. */
    Map<String, Variable> leaves(Tape tape) {
        Map<String, Variable> leaves = new LinkedHashMap<>();
        for (SearchedValue v : searched) {
            if (v.followsGradient()) {
                Variable master = parameters.get(v.name()).on(tape);
                leaves.put(v.name(), v.dtype() == DType.FLOAT32 ? master
                        : tape.apply("Cast", Attributes.builder().put("to", (long) v.dtype().onnxCode()).build(),
                                master));
            } else {
                leaves.put(v.name(), tape.constant(others.get(v.name())));
            }
        }
        return leaves;
    }

    /** Every value in its declared dtype, by name. */
    Map<String, Tensor> values() {
        Map<String, Tensor> values = new LinkedHashMap<>();
        for (SearchedValue v : searched) {
            values.put(v.name(), v.followsGradient() ? parameters.get(v.name()).value().cast(v.dtype())
                    : others.get(v.name()));
        }
        return values;
    }
}
