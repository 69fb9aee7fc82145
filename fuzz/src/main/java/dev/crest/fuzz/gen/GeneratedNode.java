package dev.crest.fuzz.gen;

import dev.crest.fuzz.spec.OpSpec;
import dev.crest.fuzz.spec.Signature;
import dev.crest.graph.Node;

import java.util.List;

/**
 * One node of a generated model: the ONNX node, the spec and dtype signature it was generated from (so the
 * input search can ask {@code spec().domainLimited()}), how it was inserted, and which of its inputs already
 * existed when it was inserted. The solver-side instance is not kept: its expressions die with the generation's
 * Z3 context.
 *
 * @param node the ONNX node as written to the model
 * @param spec the operator's specification
 * @param signature the dtype combination of this application
 * @param insertion the direction it was inserted in
 * @param reusedInputs names of data inputs that were existing values at insertion time (not fresh placeholders)
 */
public record GeneratedNode(Node node, OpSpec spec, Signature signature, Insertion insertion,
        List<String> reusedInputs) {
    public GeneratedNode {
        reusedInputs = List.copyOf(reusedInputs);
    }

    public String name() {
        return node.name();
    }

    public String opType() {
        return node.opType();
    }
}
