package dev.crest.graph;

import dev.crest.tensor.kernel.KernelRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A model: a graph with the operator sets it was written against, the producer that wrote it, and free-form
 * documentation and metadata, as an ONNX {@code ModelProto} carries them. Immutable.
 */
public final class Model {
    /**
     * The ONNX IR version Crest writes: 9 is the version that goes with opset {@link KernelRegistry#OPSET} (20),
     * and ONNX Runtime 1.23 reads it.
     */
    public static final long IR_VERSION = 9;

    /** Producer name written into exported models. */
    public static final String PRODUCER = "crest";

    private final Graph graph;
    private final Map<String, Long> opsetImports;
    private final long irVersion;
    private final String producerName;
    private final String producerVersion;
    private final String domain;
    private final long modelVersion;
    private final String docString;
    private final Map<String, String> metadata;

    private Model(Builder b) {
        this.graph = Objects.requireNonNull(b.graph, "graph");
        Map<String, Long> opsets = new LinkedHashMap<>();
        b.opsetImports.forEach((d, v) -> opsets.put(Node.normalizeDomain(d), v));
        this.opsetImports = Collections.unmodifiableMap(opsets);
        this.irVersion = b.irVersion;
        this.producerName = b.producerName;
        this.producerVersion = b.producerVersion;
        this.domain = b.domain;
        this.modelVersion = b.modelVersion;
        this.docString = b.docString;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    /** A builder whose defaults are Crest's export settings: opset 20 in the default domain, IR version 9. */
    public static Builder builder(Graph graph) {
        return new Builder().graph(graph);
    }

    /** A model of {@code graph} with Crest's export settings. */
    public static Model of(Graph graph) {
        return builder(graph).build();
    }

    public Graph graph() {
        return graph;
    }

    /** Operator set versions by domain ({@code ""} is the default ONNX domain). */
    public Map<String, Long> opsetImports() {
        return opsetImports;
    }

    /** The default domain's opset version, or 0 when the model imports none. */
    public long defaultOpset() {
        return opsetImports.getOrDefault(Node.DEFAULT_DOMAIN, 0L);
    }

    public long irVersion() {
        return irVersion;
    }

    public String producerName() {
        return producerName;
    }

    public String producerVersion() {
        return producerVersion;
    }

    public String domain() {
        return domain;
    }

    public long modelVersion() {
        return modelVersion;
    }

    public String docString() {
        return docString;
    }

    /** Free-form key/value metadata ({@code metadata_props}). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** A builder holding this model's fields, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder().graph(graph).irVersion(irVersion).producer(producerName, producerVersion)
                .domain(domain).modelVersion(modelVersion).docString(docString);
        b.opsetImports.clear();
        b.opsetImports.putAll(opsetImports);
        b.metadata.putAll(metadata);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Model)) {
            return false;
        }
        Model m = (Model) o;
        return graph.equals(m.graph) && opsetImports.equals(m.opsetImports) && irVersion == m.irVersion
                && producerName.equals(m.producerName) && producerVersion.equals(m.producerVersion)
                && domain.equals(m.domain) && modelVersion == m.modelVersion && docString.equals(m.docString)
                && metadata.equals(m.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(graph, opsetImports, irVersion, producerName, producerVersion, domain, modelVersion,
                docString, metadata);
    }

    @Override
    public String toString() {
        return "model (IR " + irVersion + ", opsets " + opsetImports + ", producer " + producerName + " "
                + producerVersion + ") with " + graph;
    }

    /** Collects a model's fields. */
    public static final class Builder {
        private Graph graph;
        private final Map<String, Long> opsetImports = new LinkedHashMap<>(
                Map.of(Node.DEFAULT_DOMAIN, (long) KernelRegistry.OPSET));
        private long irVersion = IR_VERSION;
        private String producerName = PRODUCER;
        private String producerVersion = "";
        private String domain = "";
        private long modelVersion;
        private String docString = "";
        private final Map<String, String> metadata = new LinkedHashMap<>();

        public Builder graph(Graph graph) {
            this.graph = graph;
            return this;
        }

        /** Imports {@code version} of operator set {@code domain} ({@code ""} for the default domain). */
        public Builder opset(String domain, long version) {
            opsetImports.put(Node.normalizeDomain(domain), version);
            return this;
        }

        /** Forgets every opset import, including the default one, e.g. to copy a file's imports exactly. */
        public Builder clearOpsets() {
            opsetImports.clear();
            return this;
        }

        public Builder irVersion(long irVersion) {
            this.irVersion = irVersion;
            return this;
        }

        public Builder producer(String name, String version) {
            this.producerName = name == null ? "" : name;
            this.producerVersion = version == null ? "" : version;
            return this;
        }

        /** Sets the producer version, keeping the producer name ({@value Model#PRODUCER} by default). */
        public Builder producerVersion(String version) {
            this.producerVersion = version == null ? "" : version;
            return this;
        }

        public Builder domain(String domain) {
            this.domain = domain == null ? "" : domain;
            return this;
        }

        public Builder modelVersion(long modelVersion) {
            this.modelVersion = modelVersion;
            return this;
        }

        public Builder docString(String docString) {
            this.docString = docString == null ? "" : docString;
            return this;
        }

        public Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        public Model build() {
            return new Model(this);
        }
    }
}
