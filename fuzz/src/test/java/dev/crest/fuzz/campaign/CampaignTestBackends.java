package dev.crest.fuzz.campaign;

import dev.crest.fuzz.backend.Backend;
import dev.crest.fuzz.backend.BackendProvider;
import dev.crest.fuzz.backend.ReferenceBackend;
import dev.crest.graph.onnx.OnnxModels;
import dev.crest.tensor.Tensor;
import java.util.List;
import java.util.Map;

/** A backend for campaign tests, registered through {@link java.util.ServiceLoader}: one that rejects Cos. */
public final class CampaignTestBackends implements BackendProvider {
    /** The reference interpreter, except that it refuses to compile any model with a Cos node. */
    public static final String NO_COS = "test-no-cos";

    @Override
    public List<String> names() {
        return List.of(NO_COS);
    }

    @Override
    public Backend create(String name) {
        if (!name.equals(NO_COS)) {
            throw new IllegalArgumentException(name);
        }
        ReferenceBackend reference = new ReferenceBackend();
        return new Backend() {
            @Override
            public String name() {
                return NO_COS;
            }

            @Override
            public String version() {
                return "test-1";
            }

            @Override
            public Compiled compile(byte[] modelBytes) {
                if (OnnxModels.parse(modelBytes).graph().nodes().stream().anyMatch(n -> n.opType().equals("Cos"))) {
                    throw new UnsupportedOperationException("Cos is not implemented");
                }
                return reference.compile(modelBytes);
            }

            @Override
            public Map<String, Tensor> run(Compiled compiled, Map<String, Tensor> inputs) {
                return reference.run(compiled, inputs);
            }
        };
    }
}
