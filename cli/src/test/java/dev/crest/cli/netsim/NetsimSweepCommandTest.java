package dev.crest.cli.netsim;

import dev.crest.cli.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.netsim.sweep.SweepTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end checks of {@code crest netsim sweep}: rows, report, resume after interruption, determinism. */
class NetsimSweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path trace;

    @BeforeEach
    void writeTrace() throws IOException {
        trace = TinyTrace.writeInto(tmp);
    }

    private String[] sweep(Path out, String... extra) {
        String[] base = {"netsim", "sweep", "--model", trace.toString(), "--workers", "1,2,4", "--bandwidth",
            "10G,25Gbps", "--strategies", "ps,ps+agg+multicast", "--out", out.toString(), "--json"};
        if (extra.length == 0) {
            extra = new String[] {"--threads", "2"};
        }
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return args;
    }

    private static Set<List<String>> points(SweepTable t) {
        Set<List<String>> points = new HashSet<>();
        for (Map<String, String> r : t.rows()) {
            points.add(List.of(r.get("workers"), r.get("bandwidth"), r.get("strategy")));
        }
        return points;
    }

    @Test
    void writesOneRowPerRunAndAReport() throws IOException {
        Path out = tmp.resolve("sweep");
        CliRunner.Result r = CliRunner.run(sweep(out));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("runs").asInt()).isEqualTo(12);
        assertThat(doc.get("finished").asInt()).isEqualTo(12);
        assertThat(doc.get("alreadyDone").asInt()).isZero();
        SweepTable table = SweepTable.read(out.resolve("sweep.csv"));
        assertThat(table.rows()).hasSize(12);
        assertThat(points(table)).hasSize(12);
        assertThat(table.columns()).contains("model", "workers", "bandwidth", "strategy", "mtu", "latency", "seed",
                "iteration_s", "parameter_distribution_s", "gradient_exchange_s", "worker_finish_max_s");
        // Bandwidths are stored canonically, so 25Gbps and 25G are one point.
        assertThat(table.rows()).extracting(row -> row.get("bandwidth")).containsOnly("10G", "25G");
        for (Map<String, String> row : table.rows()) {
            assertThat(Double.parseDouble(row.get("iteration_s"))).isPositive();
            assertThat(row.get("skip_reason")).isEmpty();
        }
        // With one worker, aggregation plus multicast cannot beat plain ps by much, but with four it must:
        // ps pushes 4 copies through the PS link each way, agg+multicast one.
        assertThat(iteration(table, "4", "10G", "ps+agg+multicast")).isLessThan(iteration(table, "4", "10G", "ps"));
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("Iteration time vs. workers").contains("Iteration time vs. bandwidth")
                .contains("Speed-up over ps").contains("<svg");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void rerunSkipsRowsAlreadyThereAndRepairsAnInterruptedWrite() throws IOException {
        Path out = tmp.resolve("sweep");
        assertThat(CliRunner.run(sweep(out)).exitCode()).isZero();
        Path csv = out.resolve("sweep.csv");
        SweepTable complete = SweepTable.read(csv);

        CliRunner.Result again = CliRunner.run(sweep(out));
        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode doc = JSON.readTree(again.out());
        assertThat(doc.get("alreadyDone").asInt()).isEqualTo(12);
        assertThat(doc.get("finished").asInt()).isZero();
        assertThat(SweepTable.read(csv).rows()).hasSize(12);

        // Keep the header and 7 rows plus half of the 8th, as a killed sweep would leave it.
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Files.writeString(csv, String.join("\n", lines.subList(0, 8)) + "\n" + lines.get(8).substring(0, 20),
                StandardCharsets.UTF_8);
        CliRunner.Result resumed = CliRunner.run(sweep(out));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode resumedDoc = JSON.readTree(resumed.out());
        assertThat(resumedDoc.get("alreadyDone").asInt()).isEqualTo(7);
        assertThat(resumedDoc.get("finished").asInt()).isEqualTo(5);
        SweepTable after = SweepTable.read(csv);
        assertThat(after.rows()).hasSize(12);
        // Every row, seed included, is what the uninterrupted sweep wrote: run seeds are drawn up front.
        assertThat(new HashSet<>(after.rows())).isEqualTo(new HashSet<>(complete.rows()));
    }

    @Test
    void growingTheGridOnlyRunsTheNewPoints() throws IOException {
        Path out = tmp.resolve("sweep");
        assertThat(CliRunner.run(sweep(out)).exitCode()).isZero();
        CliRunner.Result more = CliRunner.run("netsim", "sweep", "--model", trace.toString(), "--workers", "1,2,4,8",
                "--bandwidth", "10G,25G", "--strategies", "ps,ps+agg+multicast", "--out", out.toString(), "--json",
                "--no-progress");
        assertThat(more.exitCode()).as(more.err()).isZero();
        JsonNode doc = JSON.readTree(more.out());
        assertThat(doc.get("alreadyDone").asInt()).isEqualTo(12);
        assertThat(doc.get("finished").asInt()).isEqualTo(4);
        assertThat(SweepTable.read(out.resolve("sweep.csv")).rows()).hasSize(16);
    }

    @Test
    void theSameSweepGivesTheSameRowsWithAnyThreadCount() {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertThat(CliRunner.run(sweep(one, "--threads", "1")).exitCode()).isZero();
        assertThat(CliRunner.run(sweep(two)).exitCode()).isZero();
        assertThat(new HashSet<>(SweepTable.read(one.resolve("sweep.csv")).rows()))
                .isEqualTo(new HashSet<>(SweepTable.read(two.resolve("sweep.csv")).rows()));
    }

    @Test
    void progressBarGoesToStandardError() {
        Path out = tmp.resolve("sweep");
        CliRunner.Result r = CliRunner.run("netsim", "sweep", "--model", trace.toString(), "--workers", "1,2", "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("sweep").contains("2/2");
        assertThat(r.out()).contains("2 runs").contains("report:");
    }

    @Test
    void aSweepFromAConfigFileUsesItsLists() throws IOException {
        Path yaml = tmp.resolve("sweep.yaml");
        Files.writeString(yaml, "models: [" + trace + "]\nworkers: [1, 2]\nbandwidths: 10G,40G\nstrategies: ps\n");
        Path out = tmp.resolve("sweep");
        CliRunner.Result r = CliRunner.run("netsim", "sweep", "--config", yaml.toString(), "--out", out.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).get("runs").asInt()).isEqualTo(4);
        // A flag replaces the file's list.
        CliRunner.Result flag = CliRunner.run("netsim", "sweep", "--config", yaml.toString(), "--workers", "3", "--out",
                tmp.resolve("other").toString(), "--json");
        assertThat(JSON.readTree(flag.out()).get("runs").asInt()).isEqualTo(2);
    }

    private static double iteration(SweepTable t, String workers, String bandwidth, String strategy) {
        return t.rows().stream().filter(r -> r.get("workers").equals(workers) && r.get("bandwidth").equals(bandwidth)
                && r.get("strategy").equals(strategy)).mapToDouble(r -> Double.parseDouble(r.get("iteration_s")))
                .findFirst().orElseThrow();
    }
}
