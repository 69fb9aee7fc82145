package dev.crest.cli.demo;

import dev.crest.cli.CliException;
import java.util.List;
import java.util.Locale;

/**
 * How much of each tool a demo of a given length runs: the fuzzing time, the netsim grid and the size of the AME
 * backdoor experiment. A quarter of the time goes to fuzzing; netsim and AME get fixed-size work scaled with the
 * minutes, because their cost is set by the grid and the number of submodels rather than by a clock.
 */
record DemoPlan(double minutes, long fuzzSeconds, List<String> netsimModels, int compareWorkers,
        List<Integer> sweepWorkers, String compareBandwidth, List<String> sweepBandwidths, int ameImages,
        int amePoisoned, int ameSubmodels, int ameSteps, int ameQueries) {

    /** Below this length the demo shrinks netsim to small clusters (used by tests and quick looks). */
    private static final double FULL_NETSIM_MINUTES = 1.0;

    static DemoPlan of(double minutes) {
        if (!(minutes > 0) || minutes > 600) {
            throw new CliException("--minutes must be above 0 and at most 600, got " + minutes);
        }
        long fuzzSeconds = Math.max(3, Math.round(minutes * 60 * 0.25));
        boolean full = minutes >= FULL_NETSIM_MINUTES;
        List<String> models = List.of("resnet50", "inception-v3");
        int compareWorkers = full ? 32 : 4;
        List<Integer> workers = full ? List.of(4, 8, 16, 32) : List.of(2, 4);
        int images = (int) Math.max(300, Math.min(2000, Math.round(700 * minutes)));
        // 2% poisoned and 250 submodels a minute: on 2,000 images, 800 submodels selected 26 points with precision
        // 0.88 and recall 0.58, while 1% poisoned with 300 submodels selected none.
        int poisoned = Math.max(5, images / 50);
        int submodels = (int) Math.max(40, Math.min(2500, Math.round(250 * minutes)));
        int steps = full ? 200 : 50;
        return new DemoPlan(minutes, fuzzSeconds, models, compareWorkers, workers, "25G", List.of("10G", "100G"),
                images, poisoned, submodels, steps, 5);
    }

    /** The plan in one line, for the progress output. */
    String describe() {
        return String.format(Locale.ROOT, "fuzz %d s; netsim %s at %d workers and %s; ame %d images, %d poisoned, "
                + "%d submodels", fuzzSeconds, String.join(" and ", netsimModels), compareWorkers, compareBandwidth,
                ameImages, amePoisoned, ameSubmodels);
    }
}
