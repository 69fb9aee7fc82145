package dev.crest.fuzz.backend.tensorflow;

import dev.crest.fuzz.backend.Backend;
import dev.crest.graph.Model;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/**
 * TensorFlow 2.x (through TensorFlow Java) at one {@link TfLevel}: compiling translates the ONNX model into a TF
 * graph and opens a session on it; running feeds the inputs and fetches the outputs. The graph, the session and
 * every tensor are native objects released when the compiled model is closed or the run ends.
 */
public final class TensorflowBackend implements Backend {
    /** The user-facing name standing for all three levels. */
    public static final String FAMILY = "tensorflow";

    private final TfLevel level;

    static {
        TfLevel.configureProcess();
    }

    /** TensorFlow at {@code level}. */
    public TensorflowBackend(TfLevel level) {
        this.level = level;
    }

    @Override
    public String name() {
        return level.backendName();
    }

    @Override
    public String version() {
        return TensorFlow.version();
    }

    @Override
    public Compiled compile(byte[] modelBytes) {
        Model model = OnnxModels.parse(modelBytes);
        Graph graph = new Graph();
        try {
            OnnxToTf.Translation translation = OnnxToTf.translate(model, graph);
            return new Prepared(graph, new Session(graph, level.config()), translation);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    @Override
    public Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs) {
        return ((Prepared) compiled).run(inputs, false).outputs();
    }

    /** Outputs of one run plus, when traced, the types of the operations TensorFlow executed. */
    record TracedRun(Map<String, Tensor> outputs, List<String> executedOps) {
    }

    /** Runs with a full trace and reports which operation types executed (tests use it to see XLA at work). */
    static TracedRun runTraced(Compiled compiled, Map<String, Tensor> inputs) {
        return ((Prepared) compiled).run(inputs, true);
    }

    private static final class Prepared implements Compiled {
        private final Graph graph;
        private final Session session;
        private final OnnxToTf.Translation translation;

        Prepared(Graph graph, Session session, OnnxToTf.Translation translation) {
            this.graph = graph;
            this.session = session;
            this.translation = translation;
        }

        TracedRun run(Map<String, Tensor> inputs, boolean trace) {
            List<org.tensorflow.Tensor> fed = new ArrayList<>();
            try {
                Session.Runner runner = session.runner();
                for (Map.Entry<String, Output<?>> placeholder : translation.placeholders().entrySet()) {
                    Tensor value = inputs.get(placeholder.getKey());
                    if (value == null) {
                        throw new IllegalArgumentException("no value for input '" + placeholder.getKey() + "'");
                    }
                    org.tensorflow.Tensor tensor = TfTensors.toTf(value);
                    fed.add(tensor);
                    runner.feed(placeholder.getValue(), tensor);
                }
                List<String> names = new ArrayList<>(translation.fetches().keySet());
                for (String name : names) {
                    runner.fetch(translation.fetches().get(name));
                }
                if (trace) {
                    runner.setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
                }
                try (Result result = trace ? runner.runAndFetchMetadata() : runner.run()) {
                    Map<String, Tensor> outputs = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        outputs.put(names.get(i), TfTensors.fromTf(result.get(i), translation.outputTypes().get(names.get(i))));
                    }
                    List<String> executed = new ArrayList<>();
                    if (trace) {
                        RunMetadata metadata = result.getMetadata().orElseThrow();
                        metadata.getStepStats().getDevStatsList().forEach(device -> device.getNodeStatsList()
                                .forEach(node -> executed.add(opType(node.getTimelineLabel()))));
                    }
                    return new TracedRun(outputs, executed);
                }
            } catch (TensorFlowException e) {
                throw new IllegalStateException("TensorFlow failed to run the model: " + e.getMessage(), e);
            } finally {
                fed.forEach(org.tensorflow.Tensor::close);
            }
        }

        /** The op type in a timeline label such as {@code "Sin = Sin(Mul)"}. */
        private static String opType(String label) {
            int eq = label.indexOf(" = ");
            int paren = label.indexOf('(', Math.max(eq, 0));
            return eq < 0 || paren < 0 ? label : label.substring(eq + 3, paren);
        }

        @Override
        public void close() {
            try {
                session.close();
            } finally {
                graph.close();
            }
        }
    }
}
