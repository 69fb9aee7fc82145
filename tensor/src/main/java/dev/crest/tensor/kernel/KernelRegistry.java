package dev.crest.tensor.kernel;

import dev.crest.tensor.Attributes;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.TensorException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operators Crest can execute, by ONNX name, registered explicitly by each kernel group (no classpath
 * scanning). Kernels follow the semantics of the default ONNX domain at opset {@link #OPSET}; each group's
 * Javadoc names the operator versions it implements.
 */
public final class KernelRegistry {
    /** The ONNX opset whose semantics the kernels follow, and which exported models declare. */
    public static final int OPSET = 20;

    private static final KernelRegistry STANDARD = createStandard();

    private final Map<String, OpInfo> ops;

    private KernelRegistry(Map<String, OpInfo> ops) {
        this.ops = Collections.unmodifiableMap(new TreeMap<>(ops));
    }

    /** The registry of every built-in kernel. */
    public static KernelRegistry standard() {
        return STANDARD;
    }

    private static KernelRegistry createStandard() {
        Builder builder = new Builder();
        ElementwiseKernels.registerAll(builder);
        ShapeKernels.registerAll(builder);
        ReductionKernels.registerAll(builder);
        LinalgKernels.registerAll(builder);
        ConvKernels.registerAll(builder);
        PoolKernels.registerAll(builder);
        NormalizationKernels.registerAll(builder);
        ResizeKernels.registerAll(builder);
        return builder.build();
    }

    /** Registered operator names, sorted. */
    public List<String> opTypes() {
        return List.copyOf(ops.keySet());
    }

    public Optional<OpInfo> find(String opType) {
        return Optional.ofNullable(ops.get(opType));
    }

    /** The operator's registration, or a {@link TensorException} saying the operator is not supported. */
    public OpInfo get(String opType) {
        OpInfo info = ops.get(opType);
        if (info == null) {
            throw new TensorException("unsupported operator '" + opType + "'");
        }
        return info;
    }

    /**
     * Runs an operator. Errors from the kernel are re-thrown with the operator name in front of the message.
     */
    public List<Tensor> run(String opType, List<Tensor> inputs, Attributes attributes) {
        Kernel kernel = get(opType).kernel();
        try {
            return kernel.apply(inputs, attributes);
        } catch (TensorException e) {
            throw new TensorException(opType + ": " + e.getMessage(), e);
        }
    }

    /** Runs a single-output operator on the given inputs (nulls for omitted optional inputs). */
    public Tensor run1(String opType, Attributes attributes, Tensor... inputs) {
        return run(opType, Arrays.asList(inputs), attributes).get(0);
    }

    /** Collects registrations; registering a name twice is a programming error. */
    public static final class Builder {
        private final Map<String, OpInfo> ops = new TreeMap<>();

        public Builder register(String opType, int sinceVersion, Kernel kernel) {
            if (sinceVersion > OPSET) {
                throw new IllegalArgumentException(opType + " version " + sinceVersion + " is above opset " + OPSET);
            }
            if (ops.putIfAbsent(opType, new OpInfo(opType, sinceVersion, kernel)) != null) {
                throw new IllegalStateException("operator registered twice: " + opType);
            }
            return this;
        }

        public KernelRegistry build() {
            return new KernelRegistry(ops);
        }
    }
}
