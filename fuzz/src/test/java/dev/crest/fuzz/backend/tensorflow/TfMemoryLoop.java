package dev.crest.fuzz.backend.tensorflow;

import dev.crest.fuzz.backend.Backend;
import dev.crest.fuzz.gen.GeneratedModel;
import dev.crest.fuzz.gen.Generator;
import dev.crest.fuzz.gen.GeneratorSettings;
import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.OpSpecs;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that TensorFlow's native memory is released per test case: compiles and runs a fixed set of generated
 * 10-node models over and over at one level and prints the process's resident set size every 50 cycles; not a
 * test, run by hand: {@code java -cp <test class path> dev.crest.fuzz.backend.tensorflow.TfMemoryLoop
 * [NO_OPT|OPT|XLA] [cycles]}.
 */
public final class TfMemoryLoop {
    private static final int MODELS = 10;

    private TfMemoryLoop() {
    }

    public static void main(String[] args) throws IOException {
        TfLevel level = TfLevel.valueOf(args.length > 0 ? args[0] : "OPT");
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        List<OpSpec> translated = OpSpecs.standard().all().stream()
                .filter(spec -> OnnxToTf.operators().contains(spec.opType())).toList();
        List<byte[]> models = new ArrayList<>();
        List<Map<String, Tensor>> inputs = new ArrayList<>();
        for (long seed = 1; models.size() < MODELS; seed++) {
            GeneratedModel model = Generator.generate(GeneratorSettings.defaults(seed).withOperators(translated));
            models.add(OnnxModels.toBytes(model.model()));
            inputs.add(model.initialInputs());
        }
        try (Backend backend = new TensorflowBackend(level)) {
            for (int cycle = 1; cycle <= cycles; cycle++) {
                int i = cycle % MODELS;
                try (Backend.Compiled compiled = backend.compile(models.get(i))) {
                    backend.run(compiled, inputs.get(i));
                }
                if (cycle == 1 || cycle % 50 == 0) {
                    System.gc();
                    System.out.printf("%s cycle %d: RSS %d MB%n", level, cycle, residentMegabytes());
                }
            }
        }
    }

    private static long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
