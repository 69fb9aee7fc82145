package dev.crest.spark.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.netsim.sweep.NetsimSetting;
import dev.crest.netsim.sweep.RunMeasures;
import dev.crest.netsim.sweep.SimulationPointRunner;
import dev.crest.netsim.sweep.Sweep;
import dev.crest.netsim.sweep.SweepGrid;
import dev.crest.netsim.sweep.SweepProgress;
import dev.crest.netsim.sweep.SweepSummary;
import dev.crest.spark.SparkConnection;
import dev.crest.spark.SparkEngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSweepEngineTest {
    private static final long SEED = 11;

    private static SweepGrid grid(List<String> workers) {
        Map<NetsimSetting, List<String>> axes = new EnumMap<>(NetsimSetting.class);
        axes.put(NetsimSetting.WORKERS, NetsimSetting.WORKERS.axis(workers));
        axes.put(NetsimSetting.STRATEGY, NetsimSetting.STRATEGY.axis(List.of("all")));
        axes.put(NetsimSetting.BANDWIDTH, NetsimSetting.BANDWIDTH.axis(List.of("10G", "100G")));
        return SimulationPointRunner.grid(axes);
    }

    private static List<String> sortedRows(Path csv) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String header = lines.remove(0);
        lines.sort(null);
        lines.add(0, header);
        return lines;
    }

    @Test
    void aResumedSparkSweepWritesTheLocalSweepsRows(@TempDir Path dir) throws IOException {
        SweepGrid small = grid(List.of("2", "4"));
        SweepGrid full = grid(List.of("2", "3", "4"));
        Path local = dir.resolve("local.csv");
        SweepSummary localSummary = new Sweep(full, RunMeasures.COLUMNS, SimulationPointRunner.prepare(full), SEED, 2)
                .run(local, SweepProgress.NONE);
        Path onSpark = dir.resolve("spark.csv");
        try (SparkConnection spark = SparkConnection.open(
                new SparkEngineSettings("local[2]", Duration.ofMinutes(5), List.of()), "crest-test")) {
            SweepSummary first = new Sweep(small, RunMeasures.COLUMNS, SimulationPointRunner.prepare(small), SEED,
                    new SparkSweepEngine(spark, small)).run(onSpark, SweepProgress.NONE);
            assertThat(first.alreadyDone()).isZero();
            SweepSummary second = new Sweep(full, RunMeasures.COLUMNS, SimulationPointRunner.prepare(full), SEED,
                    new SparkSweepEngine(spark, full)).run(onSpark, SweepProgress.NONE);
            assertThat(second.alreadyDone()).isEqualTo(small.size());
            assertThat(second.finished() + second.skipped()).isEqualTo(full.size() - small.size());
        }
        assertThat(localSummary.total()).isEqualTo(full.size());
        assertThat(localSummary.finished()).isPositive();
        assertThat(sortedRows(onSpark)).hasSize((int) full.size() + 1).isEqualTo(sortedRows(local));
    }
}
