package dev.crest.graph.onnx;

import dev.crest.graph.GraphException;
import dev.crest.graph.Model;
import dev.crest.graph.ValueInfo;
import dev.crest.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One ONNX test data set: a folder such as {@code test_data_set_0/} holding {@code input_0.pb},
 * {@code input_1.pb}, … and {@code output_0.pb}, …, serialized {@code TensorProto}s in the order of the model's
 * required inputs and its outputs. A file whose stored name matches one of the model's values is taken for that
 * value; an unnamed file takes the value at its position.
 *
 * @param inputs input tensors by name, in the model's input order
 * @param outputs expected output tensors by name, in the model's output order (empty when the folder has none)
 */
public record TestDataSet(Map<String, Tensor> inputs, Map<String, Tensor> outputs) {
    public TestDataSet {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** Reads the data set in {@code folder} for {@code model}. */
    public static TestDataSet read(Path folder, Model model) {
        if (!Files.isDirectory(folder)) {
            throw new GraphException("test data folder " + folder + " does not exist");
        }
        Map<String, Tensor> inputs = readAll(folder, "input", model.graph().requiredInputs(), true);
        Map<String, Tensor> outputs = readAll(folder, "output", model.graph().outputs(), false);
        return new TestDataSet(inputs, outputs);
    }

    /** Writes {@code input_i.pb} and {@code output_i.pb} files into {@code folder}, named after the model's values. */
    public void write(Path folder, Model model) {
        writeAll(folder, "input", model.graph().requiredInputs(), inputs);
        if (!outputs.isEmpty()) {
            writeAll(folder, "output", model.graph().outputs(), outputs);
        }
    }

    private static Map<String, Tensor> readAll(Path folder, String prefix, List<ValueInfo> values, boolean required) {
        int files = 0;
        while (Files.exists(folder.resolve(prefix + "_" + files + ".pb"))) {
            files++;
        }
        if (files == 0 && !required) {
            return Map.of();
        }
        if (files != values.size()) {
            throw new GraphException("test data folder " + folder + " has " + files + " " + prefix + " file(s) but the model has "
                    + values.size() + " " + prefix + "(s): " + names(values));
        }
        Map<String, Tensor> byName = new LinkedHashMap<>();
        Map<String, Tensor> read = new LinkedHashMap<>();
        for (int i = 0; i < files; i++) {
            OnnxTensors.NamedTensor t = OnnxTensors.read(folder.resolve(prefix + "_" + i + ".pb"));
            boolean known = values.stream().anyMatch(v -> v.name().equals(t.name()));
            String name = known ? t.name() : values.get(i).name();
            if (read.putIfAbsent(name, t.tensor()) != null) {
                throw new GraphException("test data folder " + folder + " has two " + prefix + " files for '" + name + "'");
            }
        }
        for (ValueInfo v : values) {
            byName.put(v.name(), read.get(v.name()));
        }
        return byName;
    }

    private static void writeAll(Path folder, String prefix, List<ValueInfo> values, Map<String, Tensor> tensors) {
        if (!tensors.keySet().equals(values.stream().map(ValueInfo::name).collect(Collectors.toSet()))) {
            throw new GraphException("test data " + prefix + "s " + tensors.keySet() + " do not match the model's "
                    + prefix + "s " + names(values));
        }
        for (int i = 0; i < values.size(); i++) {
            String name = values.get(i).name();
            OnnxTensors.write(tensors.get(name), name, folder.resolve(prefix + "_" + i + ".pb"));
        }
    }

    private static String names(List<ValueInfo> values) {
        return values.stream().map(ValueInfo::name).collect(Collectors.joining(", ", "[", "]"));
    }
}
