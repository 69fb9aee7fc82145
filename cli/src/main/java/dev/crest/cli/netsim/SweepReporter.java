package dev.crest.cli.netsim;

import dev.crest.cli.VersionProvider;
import dev.crest.netsim.NetsimException;
import dev.crest.netsim.strategy.Strategies;
import dev.crest.netsim.sweep.NetsimSetting;
import dev.crest.netsim.sweep.QuantityFormat;
import dev.crest.netsim.sweep.RateFormat;
import dev.crest.netsim.sweep.RunMeasures;
import dev.crest.netsim.sweep.StrategyComparison;
import dev.crest.netsim.sweep.SweepTable;
import dev.crest.netsim.workload.Workloads;
import dev.crest.report.HtmlReport;
import dev.crest.report.Table;
import dev.crest.report.chart.BarChartSpec;
import dev.crest.report.chart.LineChartSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Builds the HTML report of a sweep from its CSV rows: iteration time against the number of workers and
 * against bandwidth (one line per strategy, one chart per combination of the other swept settings), speed-up
 * over {@code ps} as grouped bars, and the table of every run. Settings that hold one value in the whole sweep
 * are named once in the provenance instead of in every title.
 */
public final class SweepReporter {
    // Column names of the sweep CSV, taken from netsim so that the report follows a renamed column.
    private static final String MODEL = NetsimSetting.MODEL.key();
    private static final String WORKERS = NetsimSetting.WORKERS.key();
    private static final String BANDWIDTH = NetsimSetting.BANDWIDTH.key();
    private static final String STRATEGY = NetsimSetting.STRATEGY.key();
    private static final String ITERATION = RunMeasures.ITERATION;
    private static final String SEED = SweepTable.SEED;
    private static final String SKIP_REASON = SweepTable.SKIP_REASON;
    private static final String BASELINE = StrategyComparison.BASELINE;

    private final SweepTable table;
    private final List<String> parameters;
    private final List<String> varying;
    private final List<Map<String, String>> finished;

    /**
     * Rewrites the report of the sweep stored in {@code folder} from its {@code sweep.csv} alone (used by
     * {@code crest report}); the command line that produced it is not stored, so the provenance names the CSV.
     */
    public static Path rewrite(Path folder) {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("results", NetsimSweepCommand.CSV);
        provenance.put("crest", VersionProvider.crestVersion());
        return new SweepReporter(SweepTable.read(folder.resolve(NetsimSweepCommand.CSV))).build(provenance)
                .writeTo(folder);
    }

    SweepReporter(SweepTable csvRows) {
        this.parameters = csvRows.columns().subList(0, csvRows.columns().indexOf(SEED));
        // Rows arrive in the order runs finished, which varies between invocations; sort them so the same
        // results always give the same page.
        List<Map<String, String>> sorted = new ArrayList<>(csvRows.rows());
        sorted.sort(rowOrder(parameters));
        this.table = new SweepTable(csvRows.columns(), sorted, csvRows.completeBytes());
        this.varying = new ArrayList<>();
        for (String p : parameters) {
            if (sorted.stream().map(r -> r.get(p)).distinct().count() > 1) {
                varying.add(p);
            }
        }
        this.finished = sorted.stream().filter(r -> r.get(SKIP_REASON).isEmpty()).toList();
    }

    /** The whole report; {@code provenance} says how to reproduce it (command, seed, version). */
    HtmlReport build(Map<String, String> provenance) {
        HtmlReport.Builder report = HtmlReport.builder("Network simulation sweep")
                .subtitle(table.rows().size() + " runs (" + finished.size() + " finished, "
                        + (table.rows().size() - finished.size()) + " could not run)");
        report.provenance(provenance);
        for (String p : parameters) {
            if (!varying.contains(p) && !table.rows().isEmpty()) {
                report.provenance(p, table.rows().get(0).get(p));
            }
        }
        List<LineChartSpec> byWorkers = lineCharts(WORKERS, "workers", r -> Double.parseDouble(r.get(WORKERS)));
        if (!byWorkers.isEmpty()) {
            report.section("Iteration time vs. workers", s -> byWorkers.forEach(s::chart));
        }
        List<LineChartSpec> byBandwidth = lineCharts(BANDWIDTH, "worker link rate (Gbit/s)",
                r -> RateFormat.parse(r.get(BANDWIDTH)) / 1e9);
        if (!byBandwidth.isEmpty()) {
            report.section("Iteration time vs. bandwidth", s -> byBandwidth.forEach(s::chart));
        }
        List<BarChartSpec> speedUps = speedUpCharts();
        if (!speedUps.isEmpty()) {
            report.section("Speed-up over ps", s -> {
                s.paragraph("Iteration time under ps divided by iteration time under each strategy; a bar of 0 "
                        + "marks a strategy that could not run at that point.");
                speedUps.forEach(s::chart);
            });
        }
        report.section("Runs", s -> s.table(runsTable()));
        return report.build();
    }

    /**
     * One chart per combination of the varying settings other than {@code xParameter} and the strategy; one line
     * per strategy. None when {@code xParameter} takes a single value.
     */
    List<LineChartSpec> lineCharts(String xParameter, String xLabel, ToDoubleFunction<Map<String, String>> x) {
        if (!varying.contains(xParameter) || !parameters.contains(STRATEGY)) {
            return List.of();
        }
        Map<String, List<Map<String, String>>> groups = groupBy(finished, xParameter, STRATEGY);
        List<LineChartSpec> charts = new ArrayList<>();
        groups.forEach((title, rows) -> {
            LineChartSpec.Builder chart = LineChartSpec.builder(title.isEmpty() ? "all runs" : title)
                    .xLabel(xLabel).yLabel("iteration time (s)");
            Map<String, TreeMap<Double, Double>> series = new LinkedHashMap<>();
            for (Map<String, String> r : rows) {
                series.computeIfAbsent(r.get(STRATEGY), k -> new TreeMap<>())
                        .put(x.applyAsDouble(r), Double.parseDouble(r.get(ITERATION)));
            }
            double minX = rows.stream().mapToDouble(x).min().orElse(1);
            double maxX = rows.stream().mapToDouble(x).max().orElse(1);
            // Worker counts and rates are usually swept in powers; a log axis keeps the small ones readable.
            if (minX > 0 && maxX / minX >= 8) {
                chart.logX();
            }
            series.forEach((strategy, points) -> points.forEach((px, py) -> chart.point(strategy, px, py)));
            charts.add(chart.build());
        });
        return charts;
    }

    /** One chart per combination of varying settings other than workers and strategy; workers are categories. */
    List<BarChartSpec> speedUpCharts() {
        if (!parameters.contains(STRATEGY) || !parameters.contains(WORKERS)) {
            return List.of();
        }
        Set<String> strategies = new LinkedHashSet<>();
        table.rows().forEach(r -> strategies.add(r.get(STRATEGY)));
        if (!strategies.contains(BASELINE) || strategies.size() < 2) {
            return List.of();
        }
        strategies.remove(BASELINE);
        Map<String, List<Map<String, String>>> groups = groupBy(table.rows(), WORKERS, STRATEGY);
        List<BarChartSpec> charts = new ArrayList<>();
        groups.forEach((title, rows) -> {
            List<String> workerCounts = rows.stream().map(r -> r.get(WORKERS)).distinct()
                    .sorted(Comparator.comparingInt(Integer::parseInt)).toList();
            Map<String, Double> ps = new LinkedHashMap<>();
            Map<String, Map<String, Double>> other = new LinkedHashMap<>();
            for (Map<String, String> r : rows) {
                if (!r.get(SKIP_REASON).isEmpty()) {
                    continue;
                }
                double t = Double.parseDouble(r.get(ITERATION));
                if (r.get(STRATEGY).equals(BASELINE)) {
                    ps.put(r.get(WORKERS), t);
                } else {
                    other.computeIfAbsent(r.get(STRATEGY), k -> new LinkedHashMap<>()).put(r.get(WORKERS), t);
                }
            }
            if (ps.isEmpty()) {
                return;
            }
            List<String> categories = workerCounts.stream().filter(ps::containsKey).toList();
            BarChartSpec.Builder chart = BarChartSpec.builder("speed-up over ps" + (title.isEmpty() ? "" : ", " + title))
                    .xLabel("workers").yLabel("speed-up over ps").categories(categories);
            for (String s : strategies) {
                Map<String, Double> times = other.getOrDefault(s, Map.of());
                double[] values = new double[categories.size()];
                for (int i = 0; i < values.length; i++) {
                    Double t = times.get(categories.get(i));
                    values[i] = t == null ? 0 : ps.get(categories.get(i)) / t;
                }
                chart.series(s, values);
            }
            charts.add(chart.build());
        });
        return charts;
    }

    /**
     * Orders rows parameter by parameter: strategies and zoo models in registry order, rates and other numbers by
     * value, anything else alphabetically.
     */
    private static Comparator<Map<String, String>> rowOrder(List<String> parameters) {
        List<String> strategies = Strategies.names();
        List<String> models = Workloads.zooNames();
        Comparator<Map<String, String>> order = (a, b) -> 0;
        for (String p : parameters) {
            Comparator<String> values;
            if (p.equals(STRATEGY)) {
                values = Comparator.comparingInt((String v) -> rank(strategies, v)).thenComparing(v -> v);
            } else if (p.equals(MODEL)) {
                values = Comparator.comparingInt((String v) -> rank(models, v)).thenComparing(v -> v);
            } else {
                values = SweepReporter::compareValues;
            }
            order = order.thenComparing(r -> r.get(p), values);
        }
        return order;
    }

    private static int rank(List<String> registry, String value) {
        int i = registry.indexOf(value);
        return i < 0 ? registry.size() : i;
    }

    private static int compareValues(String a, String b) {
        Double x = numeric(a);
        Double y = numeric(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /**
     * The value as a number for ordering: a rate (25G) or a duration or plain number (10us, 0); null for names
     * such as strategies and models.
     */
    private static Double numeric(String value) {
        try {
            return RateFormat.parse(value);
        } catch (NetsimException notARate) {
            // fall through to the other forms
        }
        try {
            return QuantityFormat.parseSeconds("value", value);
        } catch (NetsimException notANumber) {
            return null;
        }
    }

    private Table runsTable() {
        List<String> columns = new ArrayList<>(varying);
        columns.add("iteration time (s)");
        boolean speedUp = parameters.contains(STRATEGY) && finished.stream().anyMatch(r -> r.get(STRATEGY).equals(BASELINE));
        if (speedUp) {
            columns.add("speed-up over ps");
        }
        columns.add("note");
        Map<List<String>, Double> psTimes = new LinkedHashMap<>();
        if (speedUp) {
            for (Map<String, String> r : finished) {
                if (r.get(STRATEGY).equals(BASELINE)) {
                    psTimes.put(keyWithout(r, STRATEGY), Double.parseDouble(r.get(ITERATION)));
                }
            }
        }
        Table.Builder t = Table.builder(columns).caption("Every run of the sweep (also in sweep.csv)");
        for (Map<String, String> r : table.rows()) {
            List<Object> cells = new ArrayList<>();
            for (String p : varying) {
                cells.add(p.equals(WORKERS) ? (Object) Integer.valueOf(r.get(p)) : r.get(p));
            }
            boolean skipped = !r.get(SKIP_REASON).isEmpty();
            Double time = skipped ? null : Double.valueOf(r.get(ITERATION));
            cells.add(time);
            if (speedUp) {
                Double ps = psTimes.get(keyWithout(r, STRATEGY));
                cells.add(time == null || ps == null ? null : ps / time);
            }
            cells.add(skipped ? "skipped: " + r.get(SKIP_REASON) : "");
            t.row(cells);
        }
        return t.build();
    }

    /** Rows grouped by their values of the varying settings other than {@code excluded}, titled by those values. */
    private Map<String, List<Map<String, String>>> groupBy(List<Map<String, String>> rows, String... excluded) {
        Set<String> skip = Set.of(excluded);
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            StringBuilder title = new StringBuilder();
            for (String p : varying) {
                if (!skip.contains(p)) {
                    title.append(title.length() == 0 ? "" : ", ").append(label(p, r.get(p)));
                }
            }
            groups.computeIfAbsent(title.toString(), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private List<String> keyWithout(Map<String, String> row, String excluded) {
        List<String> key = new ArrayList<>();
        for (String p : parameters) {
            if (!p.equals(excluded)) {
                key.add(row.get(p));
            }
        }
        return key;
    }

    private static String label(String parameter, String value) {
        if (parameter.equals(MODEL)) {
            return value;
        }
        if (parameter.equals(BANDWIDTH)) {
            return value + "bit/s";
        }
        return parameter + " " + value;
    }
}
