package dev.crest.netsim.sim;

/**
 * One worker's iteration, in seconds since the iteration began.
 *
 * @param worker worker index
 * @param parametersInSeconds when the last parameter tensor arrived (0 in all-reduce modes)
 * @param forwardStartSeconds when the first layer's parameters arrived and forward began
 * @param backpropStartSeconds when all parameters were in and forward had finished
 * @param lastGradientSeconds when backprop emitted its last gradient
 * @param finishSeconds when the worker's part of the exchange completed (see {@link Result#iterationSeconds()})
 */
public record WorkerTimeline(int worker, double parametersInSeconds, double forwardStartSeconds,
        double backpropStartSeconds, double lastGradientSeconds, double finishSeconds) {
}
