package dev.crest.netsim.topology;

import dev.crest.netsim.NetsimException;

/**
 * Port rates per node role, in bits per second, and the per-hop propagation latency in seconds. A link between
 * two nodes runs at the slower of their two port rates (unless a topology sets it explicitly, e.g. oversubscribed
 * leaf-spine uplinks).
 */
public record LinkRates(double workerBitsPerSecond, double parameterServerBitsPerSecond, double torBitsPerSecond,
        double spineBitsPerSecond, double latencySeconds) {
    public LinkRates {
        requirePositive("worker bandwidth", workerBitsPerSecond);
        requirePositive("parameter-server bandwidth", parameterServerBitsPerSecond);
        requirePositive("ToR rate", torBitsPerSecond);
        requirePositive("spine rate", spineBitsPerSecond);
        if (!(latencySeconds >= 0) || Double.isInfinite(latencySeconds)) {
            throw new NetsimException("latency must be finite and non-negative, got " + latencySeconds + " s");
        }
    }

    /** The port rate of a node of the given role. */
    public double rateOf(NodeKind kind) {
        return switch (kind) {
            case WORKER -> workerBitsPerSecond;
            case PARAMETER_SERVER -> parameterServerBitsPerSecond;
            case TOR -> torBitsPerSecond;
            case SPINE -> spineBitsPerSecond;
        };
    }

    private static void requirePositive(String what, double bitsPerSecond) {
        if (!(bitsPerSecond > 0) || Double.isInfinite(bitsPerSecond)) {
            throw new NetsimException(what + " must be a positive number of bits per second, got " + bitsPerSecond);
        }
    }
}
