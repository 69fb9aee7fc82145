package dev.crest.netsim.workload;

import dev.crest.netsim.NetsimException;
import java.util.OptionalDouble;

/**
 * How FLOPs become seconds when a workload is built from a model: the device's sustained throughput, the
 * per-worker batch size, how much more work backprop is than the forward pass, and optionally a measured
 * forward time that replaces the FLOP-based one. Immutable; every value is validated here.
 *
 * <p>Defaults ({@link #defaults()}): batch {@value #DEFAULT_BATCH_SIZE} per worker as in the reference study;
 * backward/forward ratio {@value #DEFAULT_BACKWARD_TO_FORWARD_RATIO} (backprop computes the gradient with
 * respect to both a layer's input and its weights, each about one forward's worth of multiply-adds); device
 * throughput calibrated so the built-in Inception-v3 (with its auxiliary head, as the study traced it)
 * takes {@value #REFERENCE_INCEPTION_V3_FORWARD_SECONDS} s forward at batch 32, the study's measurement on a
 * Tesla M60: see {@link #calibratedDeviceFlopsPerSecond()}. With that throughput the other reference models
 * come out as follows (reference measurement → calibrated model): ResNet-101 0.176 s → 0.240 s,
 * ResNet-200 0.357 s → 0.462 s, VGG16 0.169 s → 0.474 s (0.828 s for the 299×299 {@code vgg16-299} it traced). The study's GPU ran the large dense
 * convolutions of VGG16 and the ResNets far more efficiently than Inception's many small ones, which one
 * throughput cannot capture; pass {@link #withForwardSeconds(double)} to use a measured forward time instead.
 *
 * @param deviceFlopsPerSecond sustained floating-point operations per second of one worker's device
 * @param batchSize examples per worker per iteration
 * @param backwardToForwardRatio backprop FLOPs as a multiple of forward FLOPs
 * @param forwardSeconds a measured forward time that overrides FLOPs ÷ throughput (the backprop timeline is
 *     then scaled to {@code backwardToForwardRatio} times it); required for trace workloads that do not give one
 */
public record WorkloadSettings(double deviceFlopsPerSecond, int batchSize, double backwardToForwardRatio,
        OptionalDouble forwardSeconds) {

    /** Batch size of the reference study. */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** Backprop FLOPs per forward FLOP. */
    public static final double DEFAULT_BACKWARD_TO_FORWARD_RATIO = 2.0;
    /** The study's measured forward time of Inception-v3 at batch 32, the calibration target. */
    public static final double REFERENCE_INCEPTION_V3_FORWARD_SECONDS = 0.176;

    public WorkloadSettings {
        if (!(deviceFlopsPerSecond > 0) || Double.isInfinite(deviceFlopsPerSecond)) {
            throw new NetsimException("device throughput must be a positive number of FLOP/s, got "
                    + deviceFlopsPerSecond);
        }
        if (batchSize <= 0) {
            throw new NetsimException("batch size must be positive, got " + batchSize);
        }
        if (!(backwardToForwardRatio > 0) || Double.isInfinite(backwardToForwardRatio)) {
            throw new NetsimException("backward/forward ratio must be positive, got " + backwardToForwardRatio);
        }
        if (forwardSeconds == null) {
            forwardSeconds = OptionalDouble.empty();
        }
        if (forwardSeconds.isPresent()
                && (!(forwardSeconds.getAsDouble() > 0) || Double.isInfinite(forwardSeconds.getAsDouble()))) {
            throw new NetsimException("forward time must be a positive number of seconds, got "
                    + forwardSeconds.getAsDouble());
        }
    }

    /** The documented defaults: calibrated throughput, batch 32, ratio 2, forward time from FLOPs. */
    public static WorkloadSettings defaults() {
        return new WorkloadSettings(calibratedDeviceFlopsPerSecond(), DEFAULT_BATCH_SIZE,
                DEFAULT_BACKWARD_TO_FORWARD_RATIO, OptionalDouble.empty());
    }

    /**
     * The default throughput: the built-in Inception-v3's forward FLOPs for a batch of
     * {@value #DEFAULT_BATCH_SIZE}, divided by {@value #REFERENCE_INCEPTION_V3_FORWARD_SECONDS} s (about
     * 2.1 TFLOP/s, some 40% of a Tesla M60 GPU's fp32 peak).
     */
    public static double calibratedDeviceFlopsPerSecond() {
        return ModelZoo.inceptionV3().forwardFlopsPerExample() * DEFAULT_BATCH_SIZE
                / REFERENCE_INCEPTION_V3_FORWARD_SECONDS;
    }

    public WorkloadSettings withDeviceFlopsPerSecond(double flopsPerSecond) {
        return new WorkloadSettings(flopsPerSecond, batchSize, backwardToForwardRatio, forwardSeconds);
    }

    public WorkloadSettings withBatchSize(int batch) {
        return new WorkloadSettings(deviceFlopsPerSecond, batch, backwardToForwardRatio, forwardSeconds);
    }

    public WorkloadSettings withBackwardToForwardRatio(double ratio) {
        return new WorkloadSettings(deviceFlopsPerSecond, batchSize, ratio, forwardSeconds);
    }

    /** These settings with a measured forward time replacing the FLOP-based one. */
    public WorkloadSettings withForwardSeconds(double seconds) {
        return new WorkloadSettings(deviceFlopsPerSecond, batchSize, backwardToForwardRatio,
                OptionalDouble.of(seconds));
    }
}
