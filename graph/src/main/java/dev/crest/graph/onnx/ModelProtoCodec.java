package dev.crest.graph.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.crest.graph.Dim;
import dev.crest.graph.Graph;
import dev.crest.graph.GraphException;
import dev.crest.graph.Model;
import dev.crest.graph.Node;
import dev.crest.graph.TensorType;
import dev.crest.graph.ValueInfo;
import dev.crest.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between {@link Model}s and ONNX {@code ModelProto}s. Reading accepts what Crest can represent
 * (tensor-typed values of Crest dtypes, attributes of the basic types) and refuses the rest — subgraphs,
 * sparse initializers, model-local functions, sequence or map types — with a message naming the part.
 */
public final class ModelProtoCodec {
    private ModelProtoCodec() {
    }

    /** Encodes a model, storing initializers as {@code raw_data}. */
    public static ModelProto toProto(Model model) {
        return toProto(model, TensorEncoding.RAW);
    }

    /** Encodes a model, storing initializers and tensor attributes with {@code encoding}. */
    public static ModelProto toProto(Model model, TensorEncoding encoding) {
        ModelProto.Builder b = ModelProto.newBuilder()
                .setIrVersion(model.irVersion())
                .setProducerName(model.producerName())
                .setProducerVersion(model.producerVersion())
                .setDomain(model.domain())
                .setModelVersion(model.modelVersion())
                .setDocString(model.docString());
        model.opsetImports().forEach((domain, version) ->
                b.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(version)));
        model.metadata().forEach((k, v) -> b.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return b.setGraph(toProto(model.graph(), encoding)).build();
    }

    private static GraphProto toProto(Graph graph, TensorEncoding encoding) {
        GraphProto.Builder g = GraphProto.newBuilder().setName(graph.name());
        for (Node node : graph.nodes()) {
            NodeProto.Builder n = NodeProto.newBuilder().setOpType(node.opType()).addAllInput(node.inputs())
                    .addAllOutput(node.outputs()).addAllAttribute(AttributeCodec.toProtos(node.attributes(), encoding));
            if (!node.name().isEmpty()) {
                n.setName(node.name());
            }
            if (!node.domain().isEmpty()) {
                n.setDomain(node.domain());
            }
            g.addNode(n);
        }
        graph.initializers().forEach((name, t) -> g.addInitializer(TensorProtoCodec.toProto(t, name, encoding)));
        graph.inputs().forEach(v -> g.addInput(toProto(v)));
        graph.outputs().forEach(v -> g.addOutput(toProto(v)));
        graph.valueInfos().forEach(v -> g.addValueInfo(toProto(v)));
        return g.build();
    }

    private static ValueInfoProto toProto(ValueInfo info) {
        TypeProto.Tensor.Builder t = TypeProto.Tensor.newBuilder().setElemType(info.type().dtype().onnxCode());
        if (info.type().hasRank()) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (Dim d : info.type().dims()) {
                TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
                if (d.isKnown()) {
                    dim.setDimValue(d.size());
                } else if (d.isSymbolic()) {
                    dim.setDimParam(d.symbol());
                }
                shape.addDim(dim);
            }
            t.setShape(shape);
        }
        return ValueInfoProto.newBuilder().setName(info.name()).setType(TypeProto.newBuilder().setTensorType(t)).build();
    }

    /** Decodes a model; external tensor data is loaded through {@code external}. */
    public static Model fromProto(ModelProto proto, ExternalData external) {
        if (!proto.hasGraph()) {
            throw new GraphException("not an ONNX model: it has no graph");
        }
        if (proto.getIrVersion() <= 0) {
            throw new GraphException("not an ONNX model: it has no IR version");
        }
        if (proto.getFunctionsCount() > 0) {
            throw new GraphException("the model defines " + proto.getFunctionsCount()
                    + " local function(s), which Crest does not support");
        }
        Model.Builder b = Model.builder(fromProto(proto.getGraph(), external))
                .irVersion(proto.getIrVersion())
                .producer(proto.getProducerName(), proto.getProducerVersion())
                .domain(proto.getDomain())
                .modelVersion(proto.getModelVersion())
                .docString(proto.getDocString())
                .clearOpsets();
        for (OperatorSetIdProto opset : proto.getOpsetImportList()) {
            b.opset(opset.getDomain(), opset.getVersion());
        }
        for (StringStringEntryProto entry : proto.getMetadataPropsList()) {
            b.metadata(entry.getKey(), entry.getValue());
        }
        return b.build();
    }

    private static Graph fromProto(GraphProto proto, ExternalData external) {
        if (proto.getSparseInitializerCount() > 0) {
            throw new GraphException("the graph has sparse initializers, which Crest does not support");
        }
        Graph.Builder g = Graph.builder().name(proto.getName());
        for (TensorProto t : proto.getInitializerList()) {
            if (t.getName().isEmpty()) {
                throw new GraphException("the graph has an initializer without a name");
            }
            g.initializer(t.getName(), TensorProtoCodec.fromProto(t, external));
        }
        for (ValueInfoProto v : proto.getInputList()) {
            g.input(valueInfo(v, "graph input"));
        }
        for (ValueInfoProto v : proto.getOutputList()) {
            g.output(valueInfo(v, "graph output"));
        }
        for (ValueInfoProto v : proto.getValueInfoList()) {
            // value_info only annotates intermediates; entries Crest cannot type are dropped, not fatal.
            if (v.hasType() && v.getType().hasTensorType() && isCrestType(v.getType().getTensorType().getElemType())) {
                g.valueInfo(valueInfo(v, "value"));
            }
        }
        for (int i = 0; i < proto.getNodeCount(); i++) {
            g.node(node(proto.getNode(i), i, external));
        }
        return g.build();
    }

    private static boolean isCrestType(int code) {
        for (DType d : DType.values()) {
            if (d.onnxCode() == code) {
                return true;
            }
        }
        return false;
    }

    private static Node node(NodeProto proto, int index, ExternalData external) {
        String label = proto.getName().isEmpty() ? "node #" + index + " (" + proto.getOpType() + ")"
                : "node '" + proto.getName() + "' (" + proto.getOpType() + ")";
        for (var a : proto.getAttributeList()) {
            if (a.hasG() || a.getGraphsCount() > 0) {
                throw new GraphException(label + " has a subgraph attribute '" + a.getName()
                        + "'; control flow is not supported");
            }
        }
        return Node.builder(proto.getOpType())
                .name(proto.getName())
                .domain(proto.getDomain())
                .inputs(proto.getInputList())
                .outputs(proto.getOutputList())
                .attributes(AttributeCodec.fromProtos(proto.getAttributeList(), label, external))
                .build();
    }

    private static ValueInfo valueInfo(ValueInfoProto proto, String role) {
        String name = proto.getName();
        if (!proto.hasType() || !proto.getType().hasTensorType()) {
            throw new GraphException(role + " '" + name + "' is not declared as a tensor"
                    + (proto.hasType() ? " (sequences, maps and optionals are not supported)" : " (it has no type)"));
        }
        TypeProto.Tensor t = proto.getType().getTensorType();
        DType dtype = TensorProtoCodec.dtypeOf(t.getElemType(), role + " '" + name + "'");
        if (!t.hasShape()) {
            return ValueInfo.of(name, TensorType.unranked(dtype));
        }
        List<Dim> dims = new ArrayList<>();
        for (TensorShapeProto.Dimension d : t.getShape().getDimList()) {
            if (d.hasDimValue()) {
                if (d.getDimValue() < 0 || d.getDimValue() > Integer.MAX_VALUE) {
                    throw new GraphException(role + " '" + name + "' has invalid dimension " + d.getDimValue());
                }
                dims.add(Dim.of((int) d.getDimValue()));
            } else if (d.hasDimParam() && !d.getDimParam().isEmpty()) {
                dims.add(Dim.symbolic(d.getDimParam()));
            } else {
                dims.add(Dim.unknown());
            }
        }
        return ValueInfo.of(name, new TensorType(dtype, dims));
    }
}
