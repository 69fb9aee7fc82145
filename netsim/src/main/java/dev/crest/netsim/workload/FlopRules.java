package dev.crest.netsim.workload;

/**
 * The FLOP-counting conventions shared by the zoo and ONNX workloads. A multiply-accumulate of a convolution or
 * matrix product counts as {@value #PER_MAC} FLOPs (a multiply and an add); an element-wise operation (bias
 * add, activation, residual add, scaling) as {@value #ELEMENTWISE} per output element; batch normalization as
 * {@value #BATCH_NORM} per element (its inference form, one scale and one shift); layer and other
 * normalizations as {@value #NORMALIZATION} (mean, variance, normalize, scale, shift); softmax as
 * {@value #SOFTMAX} (exponential, sum, divide); a k-element pooling window as k per output element; global
 * pooling and reductions as one per input element. Data movement (reshape, transpose, concat, gather,
 * embedding lookup) is free.
 */
public final class FlopRules {
    /** FLOPs per multiply-accumulate. */
    public static final int PER_MAC = 2;
    /** FLOPs per output element of an element-wise operation. */
    public static final int ELEMENTWISE = 1;
    /** FLOPs per element of batch normalization. */
    public static final int BATCH_NORM = 2;
    /** FLOPs per element of layer, instance or group normalization. */
    public static final int NORMALIZATION = 5;
    /** FLOPs per element of softmax. */
    public static final int SOFTMAX = 3;

    private FlopRules() {
    }
}
