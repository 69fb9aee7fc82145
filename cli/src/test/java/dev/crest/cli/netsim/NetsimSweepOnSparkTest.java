package dev.crest.cli.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crest netsim sweep --engine spark} writes the rows the local engine writes. */
class NetsimSweepOnSparkTest {
    @TempDir
    Path dir;

    private static List<String> sortedLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.sort(null);
        return lines;
    }

    @Test
    void netsimSweepOnSparkWritesTheLocalSweepsRows() throws IOException {
        Path trace = TinyTrace.writeInto(dir);
        List<String> base = List.of("netsim", "sweep", "--model", trace.toString(), "--workers", "1,2,4",
                "--bandwidth", "10G,25Gbps", "--strategies", "ps,ps+agg+multicast", "--no-progress");
        Path local = dir.resolve("local");
        List<String> localArgs = new ArrayList<>(base);
        localArgs.addAll(List.of("--out", local.toString(), "--threads", "2"));
        assertThat(CliRunner.run(localArgs.toArray(String[]::new)).exitCode()).isZero();
        Path spark = dir.resolve("spark");
        List<String> sparkArgs = new ArrayList<>(base);
        sparkArgs.addAll(List.of("--out", spark.toString(), "--engine", "spark", "--master", "local[2]"));
        CliRunner.Result result = CliRunner.run(sparkArgs.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sortedLines(spark.resolve("sweep.csv"))).isEqualTo(sortedLines(local.resolve("sweep.csv")));
    }
}
