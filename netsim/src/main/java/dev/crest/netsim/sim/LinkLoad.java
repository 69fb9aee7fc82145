package dev.crest.netsim.sim;

/**
 * Traffic on one directed link over the iteration, for the "busiest links" report.
 *
 * @param from sending node's name
 * @param to receiving node's name
 * @param bits bits transmitted
 * @param busySeconds time spent transmitting
 * @param utilisation busy time over the iteration time, in [0, 1]
 */
public record LinkLoad(String from, String to, long bits, double busySeconds, double utilisation) {
}
