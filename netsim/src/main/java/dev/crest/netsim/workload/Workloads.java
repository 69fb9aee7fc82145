package dev.crest.netsim.workload;

import dev.crest.netsim.NetsimException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a simulation's workload comes from, named as a user writes it: a built-in model (see {@link ModelZoo}),
 * an ONNX model file ({@link OnnxWorkloads}) or a measured trace ({@link TraceWorkloads}).
 */
public final class Workloads {
    private static final Map<String, String> ALIASES = aliases();

    private Workloads() {
    }

    /**
     * The workload named by {@code spec}: a path ending in {@code .onnx} or {@code .csv} (any case), or a zoo
     * name, matched ignoring case, spaces, dashes, underscores and dots, so {@code Inception-v3},
     * {@code inceptionv3} and {@code inception_v3} are one model, as are {@code gpt2}, {@code gpt-2} and
     * {@code GPT-2}, or {@code ResNet-50} and {@code resnet50}; {@code bert} means BERT-base.
     */
    public static Workload resolve(String spec, WorkloadSettings settings) {
        if (spec == null || spec.isBlank()) {
            throw new NetsimException("no model given; choose one of " + String.join(", ", zooNames())
                    + ", or a .onnx or .csv file");
        }
        String trimmed = spec.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".onnx") || lower.endsWith(".csv")) {
            Path file = Paths.get(trimmed);
            if (!Files.isRegularFile(file)) {
                throw new NetsimException("model file " + trimmed + " does not exist");
            }
            return lower.endsWith(".onnx") ? OnnxWorkloads.read(file, settings) : TraceWorkloads.read(file, settings);
        }
        return architecture(trimmed).workload(settings);
    }

    /** The built-in architecture named {@code name} (same matching as {@link #resolve}). */
    public static Architecture architecture(String name) {
        String canonical = ALIASES.get(normalize(name));
        if (canonical == null) {
            throw new NetsimException("unknown model '" + name + "'; available: " + String.join(", ", zooNames())
                    + ", or a path to a .onnx or .csv file");
        }
        return ModelZoo.all().get(canonical);
    }

    /** Canonical names of the built-in models, in display order. */
    public static List<String> zooNames() {
        return new ArrayList<>(ModelZoo.all().keySet());
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String name : ModelZoo.all().keySet()) {
            aliases.put(normalize(name), name);
        }
        aliases.put("bert", "bert-base");
        aliases.put("gpt2small", "gpt2");
        aliases.put("gpt2124m", "gpt2");
        aliases.put("inception", "inception-v3");
        aliases.put("inceptionv3aux", "inception-v3");
        aliases.put("vgg16299", "vgg16-299");
        return aliases;
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_.\\-]", "");
    }
}
