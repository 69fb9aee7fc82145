package dev.crest.cli.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.netsim.sweep.SweepTable;
import dev.crest.report.HtmlReport;
import dev.crest.report.chart.BarChartSpec;
import dev.crest.report.chart.BarSeries;
import dev.crest.report.chart.LineChartSpec;
import dev.crest.report.chart.LineSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReporterTest {
    private static final List<String> COLUMNS = List.of("model", "workers", "bandwidth", "strategy", "mtu", "seed",
            "skip_reason", "iteration_s");

    @TempDir
    Path tmp;

    /** Iteration time n·m/b for ps and half that otherwise, ps+agg skipped at n = 6: easy to check by hand. */
    private static SweepTable table() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String model : new String[] {"m1", "m2"}) {
            for (int n : new int[] {2, 4, 6}) {
                for (String bw : new String[] {"10G", "40G"}) {
                    for (String strategy : new String[] {"ps", "ps+multicast", "ps+agg"}) {
                        double t = n * (model.equals("m1") ? 1 : 2) / (bw.equals("10G") ? 1.0 : 4.0);
                        boolean skip = strategy.equals("ps+agg") && n == 6;
                        double time = strategy.equals("ps") ? t : t / 2;
                        Map<String, String> r = new LinkedHashMap<>();
                        r.put("model", model);
                        r.put("workers", Integer.toString(n));
                        r.put("bandwidth", bw);
                        r.put("strategy", strategy);
                        r.put("mtu", "12000");
                        r.put("seed", "1");
                        r.put("skip_reason", skip ? "needs a power of two" : "");
                        r.put("iteration_s", skip ? "" : Double.toString(time));
                        rows.add(r);
                    }
                }
            }
        }
        return new SweepTable(COLUMNS, rows, 0);
    }

    @Test
    void workerChartsHaveOneLinePerStrategyPerModelAndBandwidth() {
        List<LineChartSpec> charts = new SweepReporter(table()).lineCharts("workers", "workers",
                r -> Double.parseDouble(r.get("workers")));
        assertThat(charts).hasSize(4);
        LineChartSpec first = charts.get(0);
        assertThat(first.title()).isEqualTo("m1, 10Gbit/s");
        assertThat(first.seriesNames()).containsExactly("ps", "ps+multicast", "ps+agg");
        LineSeries ps = first.series().get(0);
        assertThat(ps.x()).containsExactly(2, 4, 6);
        assertThat(ps.y()).containsExactly(2, 4, 6);
        assertThat(first.series().get(2).x()).containsExactly(2, 4);
    }

    @Test
    void bandwidthChartsGroupByModelAndWorkers() {
        List<LineChartSpec> charts = new SweepReporter(table()).lineCharts("bandwidth", "Gbit/s",
                r -> Double.parseDouble(r.get("bandwidth").replace("G", "")));
        assertThat(charts).hasSize(6);
        assertThat(charts.get(0).title()).isEqualTo("m1, workers 2");
        assertThat(charts.get(0).series().get(0).y()).containsExactly(2, 0.5);
    }

    @Test
    void speedUpBarsDivideByPsAndMarkSkippedRunsAsZero() {
        List<BarChartSpec> charts = new SweepReporter(table()).speedUpCharts();
        assertThat(charts).hasSize(4);
        BarChartSpec c = charts.get(0);
        assertThat(c.categories()).containsExactly("2", "4", "6");
        assertThat(c.seriesNames()).containsExactly("ps+multicast", "ps+agg");
        BarSeries agg = c.series().get(1);
        assertThat(agg.values()).containsExactly(2, 2, 0);
    }

    @Test
    void writesAPageWithChartsAndTheRunsTable() throws IOException {
        HtmlReport report = new SweepReporter(table()).build(Map.of("command", "crest netsim sweep ..."));
        Path page = report.writeTo(tmp.resolve("report"));
        String html = Files.readString(page);
        assertThat(html).contains("Iteration time vs. workers").contains("Iteration time vs. bandwidth")
                .contains("Speed-up over ps").contains("<svg").contains("skipped: needs a power of two")
                .contains("crest netsim sweep ...");
        // The setting held fixed is named once in the provenance, not in chart titles.
        assertThat(report.provenance()).containsEntry("mtu", "12000");
    }

    @Test
    void theOrderRowsFinishedInDoesNotChangeThePage() {
        SweepTable t = table();
        List<Map<String, String>> shuffled = new ArrayList<>(t.rows());
        Collections.shuffle(shuffled, new Random(3));
        String a = new SweepReporter(t).build(Map.of("seed", "1")).toHtml();
        String b = new SweepReporter(new SweepTable(COLUMNS, shuffled, 0)).build(Map.of("seed", "1")).toHtml();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void aSweepOverOneSettingHasNoChartsForTheFixedAxes() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String strategy : new String[] {"ps", "ps+agg"}) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("model", "m1");
            r.put("workers", "4");
            r.put("bandwidth", "25G");
            r.put("strategy", strategy);
            r.put("mtu", "12000");
            r.put("seed", "1");
            r.put("skip_reason", "");
            r.put("iteration_s", strategy.equals("ps") ? "2.0" : "1.0");
            rows.add(r);
        }
        SweepReporter reporter = new SweepReporter(new SweepTable(COLUMNS, rows, 0));
        assertThat(reporter.lineCharts("workers", "workers", r -> 4)).isEmpty();
        assertThat(reporter.speedUpCharts()).hasSize(1);
        assertThat(reporter.speedUpCharts().get(0).series().get(0).values()).containsExactly(2.0);
    }

    @Test
    void durationsAndCountsSortByValueNotAsText() {
        List<String> columns = List.of("model", "latency", "buffer", "seed", "skip_reason", "iteration_s");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String latency : new String[] {"10us", "5us"}) {
            for (String buffer : new String[] {"8", "0"}) {
                Map<String, String> r = new LinkedHashMap<>();
                r.put("model", "m1");
                r.put("latency", latency);
                r.put("buffer", buffer);
                r.put("seed", "1");
                r.put("skip_reason", "");
                r.put("iteration_s", "1.0");
                rows.add(r);
            }
        }
        String html = new SweepReporter(new SweepTable(columns, rows, 0)).build(Map.of("seed", "1")).toHtml();
        assertThat(html.indexOf(">5us<")).isPositive().isLessThan(html.indexOf(">10us<"));
        String firstRun = html.substring(html.indexOf(">5us<"));
        assertThat(firstRun.indexOf(">0<")).isPositive().isLessThan(firstRun.indexOf(">8<"));
    }
}
