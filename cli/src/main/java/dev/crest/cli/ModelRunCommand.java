package dev.crest.cli;

import dev.crest.graph.Model;
import dev.crest.graph.ValueInfo;
import dev.crest.graph.interp.Interpreter;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.graph.onnx.OnnxTensors;
import dev.crest.graph.onnx.TestDataSet;
import dev.crest.graph.ort.OrtRunner;
import dev.crest.tensor.Closeness;
import dev.crest.tensor.DType;
import dev.crest.tensor.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crest model run}: executes a model on a test data set with Crest's reference interpreter or ONNX
 * Runtime, prints (or writes) the outputs, and compares them with the expected outputs when the data set has
 * them. Exits 1 when an output differs from its expectation.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run a model on the inputs of an ONNX test data set (input_0.pb, input_1.pb, ...).",
            "Outputs are printed, or written as TensorProto files with --out; when the data set holds "
                    + "output_N.pb files they are compared with the results (exit code 1 on a mismatch)."
        })
public final class ModelRunCommand implements Callable<Integer> {
    /** How many leading values of each output the text and JSON reports show. */
    private static final int SHOWN_VALUES = 10;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "the ONNX model file")
    private Path modelFile;

    @Option(names = "--inputs", paramLabel = "DIR",
            description = "test data set folder with input_N.pb files (optional if the model takes no inputs)")
    private Path inputsDir;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "reference",
            description = "reference (Crest's interpreter) or onnxruntime; default: ${DEFAULT-VALUE}")
    private String engineName;

    @Option(names = "--out", paramLabel = "DIR", description = "write output_N.pb files into this folder")
    private Path outDir;

    @Option(names = "--atol", paramLabel = "X",
            description = "absolute tolerance against expected outputs (default by dtype: 1e-3 float16, "
                    + "1e-5 float32, 1e-9 float64, 0 otherwise)")
    private Double atol;

    @Option(names = "--rtol", paramLabel = "X",
            description = "relative tolerance against expected outputs (default by dtype: 1e-2 float16, "
                    + "1e-4 float32, 1e-9 float64, 0 otherwise)")
    private Double rtol;

    @Option(names = "--json", description = "print one JSON document instead of text")
    private boolean json;

    @Override
    public Integer call() {
        Engine engine = parseEngine(engineName);
        Model model = OnnxModels.read(modelFile);
        TestDataSet data = readData(model);
        Map<String, Tensor> outputs = execute(engine, model, data.inputs());
        if (outDir != null) {
            writeOutputs(model, outputs);
        }
        List<Map<String, Object>> reports = new ArrayList<>();
        boolean allMatch = true;
        for (ValueInfo info : model.graph().outputs()) {
            Tensor actual = outputs.get(info.name());
            Tensor expected = data.outputs().get(info.name());
            Map<String, Object> report = describe(info.name(), actual);
            if (expected != null) {
                Map<String, Object> comparison = compare(actual, expected);
                allMatch &= (Boolean) comparison.get("matches");
                report.put("expected", comparison);
            }
            reports.add(report);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", modelFile.toString());
            doc.put("engine", engine.name().toLowerCase(Locale.ROOT));
            doc.put("outputs", reports);
            doc.put("outDir", outDir == null ? null : outDir.toString());
            doc.put("matchesExpected", data.outputs().isEmpty() ? null : allMatch);
            JsonOutput.print(out, doc);
        } else {
            printText(out, engine, reports, data.outputs().isEmpty(), allMatch);
        }
        return allMatch ? 0 : 1;
    }

    private static Engine parseEngine(String name) {
        for (Engine e : Engine.values()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new CliException("unknown engine '" + name + "': use reference or onnxruntime");
    }

    private TestDataSet readData(Model model) {
        if (inputsDir != null) {
            return TestDataSet.read(inputsDir, model);
        }
        if (!model.graph().requiredInputs().isEmpty()) {
            throw new CliException("the model takes inputs " + model.graph().requiredInputs().stream()
                    .map(ValueInfo::name).toList() + "; give a test data set folder with --inputs");
        }
        return new TestDataSet(Map.of(), Map.of());
    }

    private Map<String, Tensor> execute(Engine engine, Model model, Map<String, Tensor> inputs) {
        if (engine == Engine.REFERENCE) {
            return Interpreter.standard().run(model, inputs);
        }
        OrtRunner.unavailableReason().ifPresent(reason -> {
            throw new CliException("ONNX Runtime is not available on this machine: " + reason);
        });
        try (OrtRunner runner = OrtRunner.open(model)) {
            return runner.run(inputs);
        }
    }

    /** Writes every output into a fresh sibling folder first, then moves it into place, so no half-written set. */
    private void writeOutputs(Model model, Map<String, Tensor> outputs) {
        try {
            Path target = outDir.toAbsolutePath().normalize();
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw new CliException("--out " + outDir + " exists and is not a folder");
            }
            Path parent = target.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp");
            List<ValueInfo> infos = model.graph().outputs();
            for (int i = 0; i < infos.size(); i++) {
                String name = infos.get(i).name();
                OnnxTensors.write(outputs.get(name), name, staging.resolve("output_" + i + ".pb"));
            }
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(staging)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                Files.delete(staging);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new CliException("cannot write outputs to " + outDir + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> describe(String name, Tensor t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("dtype", t.dtype().displayName());
        m.put("shape", t.shape().dims());
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < Math.min(t.size(), SHOWN_VALUES); i++) {
            values.add(element(t, i));
        }
        m.put("values", values);
        m.put("valuesTruncated", t.size() > SHOWN_VALUES);
        if (t.size() > 0 && (t.dtype().isFloat() || t.dtype().isInteger())) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int i = 0; i < t.size(); i++) {
                double v = t.getDouble(i);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            m.put("min", min);
            m.put("max", max);
            m.put("mean", sum / t.size());
        }
        return m;
    }

    private static Object element(Tensor t, int i) {
        if (t.dtype() == DType.FLOAT64) {
            return t.getDouble(i);
        }
        if (t.dtype().isFloat()) {
            return (float) t.getDouble(i); // shortest decimal that identifies the float, not its double expansion
        }
        return t.dtype() == DType.BOOL ? (Object) t.getBoolean(i) : (Object) t.getLong(i);
    }

    private Map<String, Object> compare(Tensor actual, Tensor expected) {
        Map<String, Object> m = new LinkedHashMap<>();
        Closeness defaults = defaultTolerance(expected.dtype());
        Closeness rule = new Closeness(atol != null ? atol : defaults.atol(), rtol != null ? rtol : defaults.rtol());
        m.put("atol", rule.atol());
        m.put("rtol", rule.rtol());
        if (actual.dtype() != expected.dtype() || !actual.shape().equals(expected.shape())) {
            m.put("matches", false);
            m.put("reason", "expected " + expected.dtype().displayName() + expected.shape() + ", got "
                    + actual.dtype().displayName() + actual.shape());
            return m;
        }
        double maxAbsDiff = 0;
        for (int i = 0; i < expected.size(); i++) {
            double d = Math.abs(actual.getDouble(i) - expected.getDouble(i));
            if (!Double.isNaN(d)) {
                maxAbsDiff = Math.max(maxAbsDiff, d);
            }
        }
        int mismatch = rule.firstMismatch(actual, expected);
        m.put("matches", mismatch < 0);
        m.put("maxAbsDiff", maxAbsDiff);
        if (mismatch >= 0) {
            m.put("reason", "element " + mismatch + " is " + actual.getDouble(mismatch) + ", expected "
                    + expected.getDouble(mismatch));
        }
        return m;
    }

    /** Per-dtype defaults, loose enough for another summation order in each float type; exact otherwise. */
    private static Closeness defaultTolerance(DType dtype) {
        switch (dtype) {
            case FLOAT16:
                return new Closeness(1e-3, 1e-2);
            case FLOAT32:
                return new Closeness(1e-5, 1e-4);
            case FLOAT64:
                return new Closeness(1e-9, 1e-9);
            default:
                return new Closeness(0, 0);
        }
    }

    private void printText(PrintWriter out, Engine engine, List<Map<String, Object>> reports, boolean noExpected,
            boolean allMatch) {
        out.println("engine: " + engine.name().toLowerCase(Locale.ROOT));
        for (Map<String, Object> r : reports) {
            out.printf(Locale.ROOT, "%s: %s%s%n", r.get("name"), r.get("dtype"), Arrays.toString((int[]) r.get("shape")));
            if (r.containsKey("min")) {
                out.printf(Locale.ROOT, "  min %.6g  max %.6g  mean %.6g%n", r.get("min"), r.get("max"), r.get("mean"));
            }
            out.println("  values " + r.get("values") + (Boolean.TRUE.equals(r.get("valuesTruncated")) ? " ..." : ""));
            @SuppressWarnings("unchecked")
            Map<String, Object> expected = (Map<String, Object>) r.get("expected");
            if (expected != null) {
                out.println(Boolean.TRUE.equals(expected.get("matches"))
                        ? String.format(Locale.ROOT, "  matches expected output (max |diff| %.3g, atol %s, rtol %s)",
                                expected.get("maxAbsDiff"), expected.get("atol"), expected.get("rtol"))
                        : "  DIFFERS from expected output: " + expected.get("reason"));
            }
        }
        if (outDir != null) {
            out.println("outputs written to " + outDir);
        }
        if (!noExpected) {
            out.println(allMatch ? "all outputs match the expected outputs" : "some outputs differ from the expected outputs");
        }
        out.flush();
    }
}
