package dev.crest.cli.netsim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;

/** The spread of the workers' finish times: minimum, median, mean and maximum, and who finished last. */
record FinishSummary(double min, double median, double mean, double max, int lastWorker) {
    static FinishSummary of(double[] finish) {
        double[] sorted = finish.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        int last = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += finish[i];
            if (finish[i] > finish[last]) {
                last = i;
            }
        }
        return new FinishSummary(sorted[0], median, sum / n, sorted[n - 1], last);
    }

    String toText() {
        return String.format(Locale.ROOT, "min %.6f s, median %.6f s, mean %.6f s, max %.6f s (worker %d)", min, median, mean, max,
                lastWorker);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", min);
        m.put("median", median);
        m.put("mean", mean);
        m.put("max", max);
        m.put("lastWorker", lastWorker);
        return m;
    }
}
