package dev.crest.netsim.sim;

/**
 * Where an iteration's time went, as phase boundaries over all workers (seconds since the iteration began).
 *
 * @param parameterDistributionSeconds when the last worker held all parameters (0 in all-reduce modes)
 * @param computeSeconds one worker's pure compute time: (forward + backprop) / speed-up
 * @param lastBackpropStartSeconds the latest backprop start over the workers
 * @param lastGradientSeconds when the last gradient of any worker was emitted
 * @param gradientExchangeSeconds the tail after the last gradient until the iteration ended
 */
public record Breakdown(double parameterDistributionSeconds, double computeSeconds, double lastBackpropStartSeconds,
        double lastGradientSeconds, double gradientExchangeSeconds) {
}
