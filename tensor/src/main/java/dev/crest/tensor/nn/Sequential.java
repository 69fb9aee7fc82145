package dev.crest.tensor.nn;

import dev.crest.tensor.autodiff.Tape;
import dev.crest.tensor.autodiff.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A chain of modules applied in order, the output of each feeding the next. */
public final class Sequential implements Module {
    private final List<Module> layers;

    public Sequential(Module... layers) {
        this(List.of(layers));
    }

    public Sequential(List<Module> layers) {
        this.layers = List.copyOf(layers);
    }

    /** The layers, in application order. */
    public List<Module> layers() {
        return layers;
    }

    @Override
    public Variable forward(Tape tape, Variable input) {
        Variable x = input;
        for (Module layer : layers) {
            x = layer.forward(tape, x);
        }
        return x;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Module layer : layers) {
            all.addAll(layer.parameters());
        }
        return all;
    }

    /** Parameters named by layer index and the layer's own name, e.g. {@code 0.weight}, as PyTorch does. */
    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Map.Entry<String, Parameter> e : layers.get(i).namedParameters().entrySet()) {
                named.put(i + "." + e.getKey(), e.getValue());
            }
        }
        return named;
    }

    @Override
    public void setTraining(boolean training) {
        for (Module layer : layers) {
            layer.setTraining(training);
        }
    }

    @Override
    public String toString() {
        return layers.stream().map(Object::toString).collect(Collectors.joining(", ", "Sequential(", ")"));
    }
}
