package dev.crest.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTableTest {
    private static ComparisonTable sample() {
        ComparisonTable table = new ComparisonTable();
        table.record("threads", 2);
        table.add(new Comparison("sgemm", "n=256", "GFLOP/s", 50.0, "numpy, OpenBLAS", 100.0, 0.5, Map.of()));
        table.add(new Comparison("mlp-epoch", "784-128-10", "s", 2.0, "torch", 1.0, 0.5,
                Map.of("crest_final_loss", 0.5)));
        return table;
    }

    @Test
    void csvHasAHeaderAndQuotesFieldsWithCommas() {
        String[] lines = sample().toCsv().split("\n");
        assertThat(lines[0]).isEqualTo("benchmark,case,unit,crest,baseline,baseline_value,speed_ratio");
        assertThat(lines[1]).isEqualTo("sgemm,n=256,GFLOP/s,50.0,\"numpy, OpenBLAS\",100.0,0.5");
        assertThat(lines).hasSize(3);
    }

    @Test
    void jsonCarriesProvenanceAndEveryComparison() throws Exception {
        JsonNode root = new ObjectMapper().readTree(sample().toJson());
        assertThat(root.path("provenance").path("threads").asInt()).isEqualTo(2);
        assertThat(root.path("comparisons")).hasSize(2);
        assertThat(root.path("comparisons").get(1).path("details").path("crest_final_loss").asDouble())
                .isEqualTo(0.5);
        assertThat(root.path("comparisons").get(0).path("speedRatio").asDouble()).isEqualTo(0.5);
    }

    @Test
    void markdownHasOneRowPerComparison() {
        String markdown = sample().toMarkdown();
        assertThat(markdown.lines()).hasSize(4);
        assertThat(markdown).contains("| sgemm | n=256 | GFLOP/s | 50.00 | numpy, OpenBLAS | 100.0 | 0.500 |");
    }

    @Test
    void writesTheThreeFiles(@TempDir Path directory) throws Exception {
        sample().writeTo(directory);
        assertThat(Files.readString(directory.resolve("results.csv"))).isEqualTo(sample().toCsv());
        assertThat(directory.resolve("results.json")).exists();
        assertThat(directory.resolve("results.md")).exists();
    }
}
