package dev.crest.netsim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.netsim.NetsimException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
    private static final List<String> MEASURES = List.of("iteration_s", "exchange_s");

    @TempDir
    Path tmp;

    private static SweepGrid grid() {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        axes.put("model", List.of("m1", "m2"));
        axes.put("workers", List.of("2", "3", "4", "8"));
        axes.put("strategy", List.of("ps", "butterfly"));
        return new SweepGrid(axes);
    }

    /** A stand-in simulation whose result is a known function of the point, skipping butterfly at N=3. */
    private static RunOutcome fake(SweepPoint p, long seed) {
        int n = Integer.parseInt(p.get("workers"));
        if (p.get("strategy").equals("butterfly") && Integer.bitCount(n) != 1) {
            return RunOutcome.skipped(seed, "butterfly needs a power-of-two worker count, got " + n);
        }
        double iteration = n * (p.get("model").equals("m1") ? 1.0 : 2.0);
        return RunOutcome.finished(seed, Map.of("iteration_s", iteration, "exchange_s", iteration / 2));
    }

    private static Map<List<String>, Map<String, String>> byPoint(SweepTable table) {
        Map<List<String>, Map<String, String>> m = new HashMap<>();
        for (Map<String, String> row : table.rows()) {
            m.put(List.of(row.get("model"), row.get("workers"), row.get("strategy")), row);
        }
        return m;
    }

    @Test
    void writesOneRowPerRunWithEveryParameterAndMeasure() {
        Path csv = tmp.resolve("out/sweep.csv");
        List<SweepPoint> seen = Collections.synchronizedList(new ArrayList<>());
        long[] started = new long[2];
        SweepSummary summary = new Sweep(grid(), MEASURES, SweepTest::fake, 7, 4).run(csv, new SweepProgress() {
            @Override
            public void started(long total, long alreadyDone) {
                started[0] = total;
                started[1] = alreadyDone;
            }

            @Override
            public void finished(SweepPoint point, RunOutcome outcome) {
                seen.add(point);
            }
        });
        assertThat(summary).isEqualTo(new SweepSummary(16, 0, 14, 2));
        assertThat(started).containsExactly(16, 0);
        assertThat(seen).hasSize(16).doesNotHaveDuplicates();
        SweepTable table = SweepTable.read(csv);
        assertThat(table.columns()).containsExactly("model", "workers", "strategy", "seed", "skip_reason",
                "iteration_s", "exchange_s");
        assertThat(table.rows()).hasSize(16);
        Map<String, String> row = byPoint(table).get(List.of("m2", "8", "ps"));
        assertThat(Double.parseDouble(row.get("iteration_s"))).isEqualTo(16.0);
        assertThat(Double.parseDouble(row.get("exchange_s"))).isEqualTo(8.0);
        Map<String, String> skipped = byPoint(table).get(List.of("m1", "3", "butterfly"));
        assertThat(skipped.get("skip_reason")).contains("power-of-two");
        assertThat(skipped.get("iteration_s")).isEmpty();
    }

    @Test
    void seedsDoNotDependOnThreadCount() {
        Path one = tmp.resolve("one.csv");
        Path four = tmp.resolve("four.csv");
        new Sweep(grid(), MEASURES, SweepTest::fake, 42, 1).run(one, SweepProgress.NONE);
        new Sweep(grid(), MEASURES, SweepTest::fake, 42, 4).run(four, SweepProgress.NONE);
        Map<List<String>, Map<String, String>> a = byPoint(SweepTable.read(one));
        Map<List<String>, Map<String, String>> b = byPoint(SweepTable.read(four));
        assertThat(a).isEqualTo(b);
        assertThat(a.values().stream().map(r -> r.get("seed")).distinct().count()).isEqualTo(16);
    }

    @Test
    void aRunsSeedDependsOnTheSweepSeedAndItsOwnValuesOnly() {
        SweepPoint p = new SweepPoint(Map.of("model", "m1"));
        Path small = tmp.resolve("small.csv");
        Path large = tmp.resolve("large.csv");
        new Sweep(new SweepGrid(Map.of("model", List.of("m1"))), List.of(), (q, s) -> RunOutcome.finished(s, Map.of()),
                5, 1).run(small, SweepProgress.NONE);
        new Sweep(new SweepGrid(Map.of("model", List.of("m0", "m1", "m2"))), List.of(),
                (q, s) -> RunOutcome.finished(s, Map.of()), 5, 1).run(large, SweepProgress.NONE);
        String inSmall = SweepTable.read(small).rows().get(0).get("seed");
        String inLarge = SweepTable.read(large).rows().stream().filter(r -> r.get("model").equals("m1"))
                .findFirst().orElseThrow().get("seed");
        assertThat(inSmall).isEqualTo(inLarge).isEqualTo(Long.toString(Sweep.seedOf(5, p)));
        assertThat(Sweep.seedOf(6, p)).isNotEqualTo(Sweep.seedOf(5, p));
    }

    @Test
    void rerunSkipsRowsPresentAndRepairsACutOffLastLine() throws IOException {
        Path csv = tmp.resolve("sweep.csv");
        new Sweep(grid(), MEASURES, SweepTest::fake, 3, 2).run(csv, SweepProgress.NONE);
        Map<List<String>, Map<String, String>> complete = byPoint(SweepTable.read(csv));

        // Keep the header and five rows, then half of the sixth, as if the process was killed mid-write.
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String kept = String.join("\n", lines.subList(0, 6)) + "\n" + lines.get(6).substring(0, 5);
        Files.writeString(csv, kept, StandardCharsets.UTF_8);

        AtomicInteger calls = new AtomicInteger();
        SweepSummary summary = new Sweep(grid(), MEASURES, (p, s) -> {
            calls.incrementAndGet();
            return fake(p, s);
        }, 3, 2).run(csv, SweepProgress.NONE);
        assertThat(calls.get()).isEqualTo(11);
        assertThat(summary.alreadyDone()).isEqualTo(5);
        SweepTable after = SweepTable.read(csv);
        assertThat(after.rows()).hasSize(16);
        assertThat(byPoint(after)).isEqualTo(complete);

        AtomicInteger again = new AtomicInteger();
        new Sweep(grid(), MEASURES, (p, s) -> {
            again.incrementAndGet();
            return fake(p, s);
        }, 3, 2).run(csv, SweepProgress.NONE);
        assertThat(again.get()).isZero();
        assertThat(SweepTable.read(csv).rows()).hasSize(16);
    }

    @Test
    void refusesACsvWithOtherColumns() throws IOException {
        Path csv = tmp.resolve("sweep.csv");
        Files.writeString(csv, "model,bandwidth\nm1,25G\n");
        assertThatThrownBy(() -> new Sweep(grid(), MEASURES, SweepTest::fake, 1, 1).run(csv, SweepProgress.NONE))
                .isInstanceOf(NetsimException.class).hasMessageContaining("other columns");
    }

    @Test
    void aFailingRunStopsTheSweepWithItsError() {
        Path csv = tmp.resolve("sweep.csv");
        PointRunner failing = (p, s) -> {
            if (p.get("workers").equals("4")) {
                throw new NetsimException("boom at " + p);
            }
            return fake(p, s);
        };
        assertThatThrownBy(() -> new Sweep(grid(), MEASURES, failing, 1, 2).run(csv, SweepProgress.NONE))
                .isInstanceOf(NetsimException.class).hasMessageStartingWith("boom at");
        // The rows that finished are kept for the next attempt.
        assertThat(SweepTable.read(csv).rows()).allSatisfy(r -> assertThat(r.get("workers")).isNotEqualTo("4"));
    }

    @Test
    void quotesFieldsWithCommas() {
        Path csv = tmp.resolve("sweep.csv");
        SweepGrid g = new SweepGrid(Map.of("model", List.of("a,b \"x\"")));
        new Sweep(g, MEASURES, (p, s) -> RunOutcome.skipped(s, "no, never"), 1, 1).run(csv, SweepProgress.NONE);
        SweepTable t = SweepTable.read(csv);
        assertThat(t.rows().get(0).get("model")).isEqualTo("a,b \"x\"");
        assertThat(t.rows().get(0).get("skip_reason")).isEqualTo("no, never");
    }
}
