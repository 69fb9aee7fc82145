package dev.crest.graph.ort;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.crest.graph.GraphException;
import dev.crest.graph.Model;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs ONNX models in ONNX Runtime (CPU), taking and returning Crest tensors. One runner holds one native
 * session: create it once per model, run it many times, and close it (try-with-resources). Every ONNX Runtime
 * error, including a native library that cannot load, becomes a {@link GraphException}.
 */
public final class OrtRunner implements AutoCloseable {
    private final OrtSession session;
    private final List<String> outputNames;

    private OrtRunner(OrtSession session) {
        this.session = session;
        this.outputNames = new ArrayList<>(session.getOutputNames());
    }

    /** A session for {@code model}, serialized to ONNX bytes, on one thread. */
    public static OrtRunner open(Model model) {
        return open(OnnxModels.toBytes(model));
    }

    /** A session for ONNX model bytes, on one thread, with ONNX Runtime's default graph optimizations. */
    public static OrtRunner open(byte[] modelBytes) {
        return open(modelBytes, OrtSession.SessionOptions.OptLevel.ALL_OPT);
    }

    /**
     * A session for ONNX model bytes, on one thread, at the given graph-optimization level (differential
     * testing compares {@code NO_OPT} against {@code ALL_OPT} to blame optimization passes).
     */
    public static OrtRunner open(byte[] modelBytes, OrtSession.SessionOptions.OptLevel optimization) {
        OrtEnvironment env = environment();
        try (OrtSession.SessionOptions options = singleThreaded()) {
            options.setOptimizationLevel(optimization);
            return new OrtRunner(env.createSession(modelBytes, options));
        } catch (OrtException e) {
            throw new GraphException("ONNX Runtime cannot load the model: " + oneLine(e), e);
        }
    }

    /** The version of the ONNX Runtime library in use, such as {@code 1.23.2}. */
    public static String version() {
        OrtEnvironment env = environment();
        try {
            return env.getVersion();
        } catch (NoSuchMethodError e) {
            // Releases before 1.16 have no getVersion(); their jar's manifest names the release, and the native
            // library is loaded from that same jar.
            String fromManifest = OrtEnvironment.class.getPackage().getImplementationVersion();
            return fromManifest == null ? "unknown" : fromManifest;
        }
    }

    /** A session for a model file; ONNX Runtime itself resolves any external data next to it. */
    public static OrtRunner open(Path modelFile) {
        if (!Files.isRegularFile(modelFile)) {
            throw new GraphException("model file " + modelFile + " does not exist");
        }
        OrtEnvironment env = environment();
        try (OrtSession.SessionOptions options = singleThreaded()) {
            return new OrtRunner(env.createSession(modelFile.toString(), options));
        } catch (OrtException e) {
            throw new GraphException("ONNX Runtime cannot load " + modelFile + ": " + oneLine(e), e);
        }
    }

    /** Why ONNX Runtime cannot be used on this machine, or empty when it loads. */
    public static Optional<String> unavailableReason() {
        try {
            environment();
            return Optional.empty();
        } catch (GraphException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The model's input names, in declaration order. */
    public List<String> inputNames() {
        return new ArrayList<>(session.getInputNames());
    }

    /** The model's output names, in declaration order. */
    public List<String> outputNames() {
        return List.copyOf(outputNames);
    }

    /** Runs the model on named inputs and returns every output by name, in the model's output order. */
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        OrtEnvironment env = environment();
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                feeds.put(e.getKey(), OrtTensors.toOrt(env, e.getValue()));
            }
            try (OrtSession.Result result = session.run(feeds)) {
                Map<String, Tensor> outputs = new LinkedHashMap<>();
                for (int i = 0; i < outputNames.size(); i++) {
                    OnnxValue value = result.get(i);
                    if (!(value instanceof OnnxTensor)) {
                        throw new GraphException("ONNX Runtime output '" + outputNames.get(i)
                                + "' is not a tensor but a " + value.getType());
                    }
                    outputs.put(outputNames.get(i), OrtTensors.fromOrt((OnnxTensor) value));
                }
                return outputs;
            }
        } catch (OrtException e) {
            throw new GraphException("ONNX Runtime failed: " + oneLine(e), e);
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new GraphException("ONNX Runtime failed to close its session: " + oneLine(e), e);
        }
    }

    private static OrtSession.SessionOptions singleThreaded() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        // The machines Crest targets share few cores between many jobs, and one thread keeps runs reproducible.
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        return options;
    }

    private static OrtEnvironment environment() {
        try {
            return OrtEnvironment.getEnvironment();
        } catch (LinkageError | RuntimeException e) {
            throw new GraphException("ONNX Runtime cannot load on this machine: " + oneLine(e), e);
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\n\\s*", " ").trim();
    }
}
