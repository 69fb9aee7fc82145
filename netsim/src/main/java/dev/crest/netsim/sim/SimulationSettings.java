package dev.crest.netsim.sim;

import dev.crest.netsim.NetsimException;
import dev.crest.netsim.topology.LinkRates;

/**
 * Every knob of one simulated iteration, with the defaults in {@link #defaults()} (the single place they are
 * stated). Validated at construction; change fields with the {@code with…} methods.
 *
 * @param workers number of workers N (default {@value #DEFAULT_WORKERS})
 * @param parameterServers number of PS shards (default {@value #DEFAULT_PARAMETER_SERVERS}); ignored by all-reduce
 *     strategies
 * @param sharding tensor→PS assignment (default even)
 * @param workerBitsPerSecond worker NIC rate B (default {@value #DEFAULT_BANDWIDTH} bit/s)
 * @param parameterServerBitsPerSecond PS NIC rate (default: the worker rate; {@link #withBandwidth} sets both)
 * @param torBitsPerSecond ToR switch port rate (default {@value #DEFAULT_TOR_RATE} bit/s, the reference setting)
 * @param spineBitsPerSecond spine/aggregation/core switch port rate (default {@value #DEFAULT_SPINE_RATE} bit/s)
 * @param latencySeconds per-hop propagation latency (default {@value #DEFAULT_LATENCY} s)
 * @param mtuBits packet size in bits (default {@value #DEFAULT_MTU})
 * @param computeSpeedup divides forward and backprop times (default 1: the workload's own device)
 * @param striped whether each PS sends each tensor to the workers in a random order (seeded) instead of index order
 * @param seed seed of every random choice: striping order, ECMP hashing, strategies' own draws (default
 *     {@value #DEFAULT_SEED})
 * @param chunkBits chunk size of chunked all-reduce strategies such as ring (default {@value #DEFAULT_CHUNK} bits,
 *     "16 Mb")
 * @param busiestLinks how many links the result lists as busiest (default {@value #DEFAULT_BUSIEST_LINKS})
 * @param latencyOccupiesLink whether a link stays busy until each packet lands (strictly one packet in flight per
 *     link, so each packet pays size / rate + latency of link time) instead of only while transmitting (default
 *     false: propagation is pipelined, a link's throughput is its rate)
 * @param bufferPackets packets a switch may queue per outgoing link (default 0: unlimited); a packet arriving at a
 *     full queue is dropped and its source sends it again after the retransmission timeout
 * @param retransmitTimeoutSeconds time from a drop to the resend (default {@value #DEFAULT_RETRANSMIT_TIMEOUT} s;
 *     used only with finite buffers)
 */
public record SimulationSettings(int workers, int parameterServers, Sharding sharding, double workerBitsPerSecond,
        double parameterServerBitsPerSecond, double torBitsPerSecond, double spineBitsPerSecond, double latencySeconds,
        long mtuBits, double computeSpeedup, boolean striped, long seed, long chunkBits, int busiestLinks,
        boolean latencyOccupiesLink, int bufferPackets, double retransmitTimeoutSeconds) {
    public static final int DEFAULT_WORKERS = 8;
    public static final int DEFAULT_PARAMETER_SERVERS = 1;
    public static final double DEFAULT_BANDWIDTH = 25e9;
    public static final double DEFAULT_TOR_RATE = 200e9;
    public static final double DEFAULT_SPINE_RATE = 200e9;
    public static final double DEFAULT_LATENCY = 10e-6;
    public static final long DEFAULT_MTU = 500_000;
    public static final long DEFAULT_SEED = 42;
    public static final long DEFAULT_CHUNK = 16_000_000;
    public static final int DEFAULT_BUSIEST_LINKS = 5;
    public static final double DEFAULT_RETRANSMIT_TIMEOUT = 1e-3;

    public SimulationSettings {
        if (workers < 1) {
            throw new NetsimException("need at least one worker, got " + workers);
        }
        if (parameterServers < 1) {
            throw new NetsimException("need at least one parameter server, got " + parameterServers);
        }
        if (sharding == null) {
            throw new NetsimException("sharding must be given (use Sharding.even())");
        }
        if (!(computeSpeedup > 0) || Double.isInfinite(computeSpeedup)) {
            throw new NetsimException("compute speed-up must be a positive finite factor, got " + computeSpeedup);
        }
        if (mtuBits <= 0) {
            throw new NetsimException("MTU must be a positive number of bits, got " + mtuBits);
        }
        if (chunkBits <= 0) {
            throw new NetsimException("chunk size must be a positive number of bits, got " + chunkBits);
        }
        if (bufferPackets < 0) {
            throw new NetsimException("switch buffer must be a non-negative number of packets (0 = unlimited), got "
                    + bufferPackets);
        }
        if (!(retransmitTimeoutSeconds > 0) || Double.isInfinite(retransmitTimeoutSeconds)) {
            throw new NetsimException("retransmission timeout must be a positive finite number of seconds, got "
                    + retransmitTimeoutSeconds);
        }
        if (busiestLinks < 0) {
            throw new NetsimException("number of busiest links to report must be non-negative, got " + busiestLinks);
        }
        // Rates and latency are checked by LinkRates, which names the offending one.
        linkRates(workerBitsPerSecond, parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond,
                latencySeconds);
    }

    /** The first form of this record: pipelined propagation, unlimited buffers. */
    public SimulationSettings(int workers, int parameterServers, Sharding sharding, double workerBitsPerSecond,
            double parameterServerBitsPerSecond, double torBitsPerSecond, double spineBitsPerSecond,
            double latencySeconds, long mtuBits, double computeSpeedup, boolean striped, long seed, long chunkBits,
            int busiestLinks) {
        this(workers, parameterServers, sharding, workerBitsPerSecond, parameterServerBitsPerSecond, torBitsPerSecond,
                spineBitsPerSecond, latencySeconds, mtuBits, computeSpeedup, striped, seed, chunkBits, busiestLinks,
                false, 0, DEFAULT_RETRANSMIT_TIMEOUT);
    }

    /** The defaults stated above. */
    public static SimulationSettings defaults() {
        return new SimulationSettings(DEFAULT_WORKERS, DEFAULT_PARAMETER_SERVERS, Sharding.even(), DEFAULT_BANDWIDTH,
                DEFAULT_BANDWIDTH, DEFAULT_TOR_RATE, DEFAULT_SPINE_RATE, DEFAULT_LATENCY, DEFAULT_MTU, 1.0, false,
                DEFAULT_SEED, DEFAULT_CHUNK, DEFAULT_BUSIEST_LINKS);
    }

    /** The port rates and latency the topology is built with. */
    public LinkRates linkRates() {
        return linkRates(workerBitsPerSecond, parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond,
                latencySeconds);
    }

    private static LinkRates linkRates(double worker, double parameterServer, double tor, double spine, double latency) {
        return new LinkRates(worker, parameterServer, tor, spine, latency);
    }

    public SimulationSettings withWorkers(int value) {
        return new SimulationSettings(value, parameterServers, sharding, workerBitsPerSecond,
                parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits,
                computeSpeedup, striped, seed, chunkBits, busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    public SimulationSettings withParameterServers(int value) {
        return new SimulationSettings(workers, value, sharding, workerBitsPerSecond, parameterServerBitsPerSecond,
                torBitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits, computeSpeedup, striped, seed, chunkBits,
                busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    public SimulationSettings withSharding(Sharding value) {
        return new SimulationSettings(workers, parameterServers, value, workerBitsPerSecond,
                parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits,
                computeSpeedup, striped, seed, chunkBits, busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    /** Sets the NIC rate of workers and parameter servers alike (the study's "bandwidth"). */
    public SimulationSettings withBandwidth(double bitsPerSecond) {
        return new SimulationSettings(workers, parameterServers, sharding, bitsPerSecond, bitsPerSecond,
                torBitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits, computeSpeedup, striped, seed, chunkBits,
                busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    /** Sets only the parameter servers' NIC rate. */
    public SimulationSettings withParameterServerBandwidth(double bitsPerSecond) {
        return new SimulationSettings(workers, parameterServers, sharding, workerBitsPerSecond, bitsPerSecond,
                torBitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits, computeSpeedup, striped, seed, chunkBits,
                busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    public SimulationSettings withTorRate(double bitsPerSecond) {
        return new SimulationSettings(workers, parameterServers, sharding, workerBitsPerSecond,
                parameterServerBitsPerSecond, bitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits, computeSpeedup,
                striped, seed, chunkBits, busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    public SimulationSettings withSpineRate(double bitsPerSecond) {
        return new SimulationSettings(workers, parameterServers, sharding, workerBitsPerSecond,
                parameterServerBitsPerSecond, torBitsPerSecond, bitsPerSecond, latencySeconds, mtuBits, computeSpeedup,
                striped, seed, chunkBits, busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    public SimulationSettings withLatency(double seconds) {
        return new SimulationSettings(workers, parameterServers, sharding, workerBitsPerSecond,
                parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond, seconds, mtuBits, computeSpeedup,
                striped, seed, chunkBits, busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    public SimulationSettings withMtu(long bits) {
        return new SimulationSettings(workers, parameterServers, sharding, workerBitsPerSecond,
                parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond, latencySeconds, bits, computeSpeedup,
                striped, seed, chunkBits, busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    public SimulationSettings withComputeSpeedup(double factor) {
        return new SimulationSettings(workers, parameterServers, sharding, workerBitsPerSecond,
                parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits, factor,
                striped, seed, chunkBits, busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    public SimulationSettings withStriped(boolean value) {
        return new SimulationSettings(workers, parameterServers, sharding, workerBitsPerSecond,
                parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits,
                computeSpeedup, value, seed, chunkBits, busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    public SimulationSettings withSeed(long value) {
        return new SimulationSettings(workers, parameterServers, sharding, workerBitsPerSecond,
                parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits,
                computeSpeedup, striped, value, chunkBits, busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    public SimulationSettings withChunkBits(long bits) {
        return new SimulationSettings(workers, parameterServers, sharding, workerBitsPerSecond,
                parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits,
                computeSpeedup, striped, seed, bits, busiestLinks, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    public SimulationSettings withBusiestLinks(int count) {
        return new SimulationSettings(workers, parameterServers, sharding, workerBitsPerSecond,
                parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits,
                computeSpeedup, striped, seed, chunkBits, count, latencyOccupiesLink, bufferPackets,
                retransmitTimeoutSeconds);
    }

    public SimulationSettings withLatencyOccupiesLink(boolean value) {
        return new SimulationSettings(workers, parameterServers, sharding, workerBitsPerSecond,
                parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits,
                computeSpeedup, striped, seed, chunkBits, busiestLinks, value, bufferPackets,
                retransmitTimeoutSeconds);
    }

    /** Sets the switch buffer per outgoing link in packets (0 = unlimited) and the retransmission timeout. */
    public SimulationSettings withBuffers(int packets, double retransmitTimeout) {
        return new SimulationSettings(workers, parameterServers, sharding, workerBitsPerSecond,
                parameterServerBitsPerSecond, torBitsPerSecond, spineBitsPerSecond, latencySeconds, mtuBits,
                computeSpeedup, striped, seed, chunkBits, busiestLinks, latencyOccupiesLink, packets,
                retransmitTimeout);
    }
}
