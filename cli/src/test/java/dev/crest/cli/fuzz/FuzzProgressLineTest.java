package dev.crest.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.campaign.CampaignProgress;
import dev.crest.fuzz.campaign.CampaignSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FuzzProgressLineTest {
    private static CampaignProgress progress(long tested) {
        return new CampaignProgress(Duration.ofSeconds(3723), tested, 0, 0, tested, tested - 3, 0, 3, 2,
                Map.of("inconsistency", 2L, "crash", 1L), Map.of(), Map.of(), Duration.ofSeconds(6),
                Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void theLineShowsRateFindingsByKindAndTheTimeSplit() {
        assertThat(FuzzProgressLine.line(progress(7446))).isEqualTo("fuzz 1:02:03 | 7446 models, 2.0/s | 3 findings "
                + "(1 crash, 2 inconsistency), 2 unique | gen 60% search 10% exec 30%");
    }

    private static CampaignSummary withMemory(CampaignSummary.MemoryRecord memory) {
        return new CampaignSummary(CampaignSummary.FORMAT, "dev", null, List.of(), Map.of(), "2026-11-26T00:00:00Z",
                1, "time", null, List.of(), null, List.of(), null, memory);
    }

    @Test
    void theClosingLineGivesResidentMemoryInMebibytes() {
        assertThat(FuzzProgressLine.memory(withMemory(new CampaignSummary.MemoryRecord(20, 200L * 1024, 150L * 1024,
                300L * 1024, 210L * 1024, 160L * 1024, 310L * 1024, 2, 0)))).isEqualTo("; resident memory after "
                        + "warm-up → end: JVM 200 → 210 MiB (heap 150 → 160), 2 workers 300 → 310 MiB");
        assertThat(FuzzProgressLine.memory(withMemory(new CampaignSummary.MemoryRecord(20, 200L * 1024, 150L * 1024,
                300L * 1024, 210L * 1024, 160L * 1024, 310L * 1024, 2, 3)))).endsWith("2 workers 300 → 310 MiB (3 "
                        + "replaced after growing)");
        assertThat(FuzzProgressLine.memory(withMemory(new CampaignSummary.MemoryRecord(20, null, null, null,
                1536L, 1024L, 0L, 0, null)))).isEqualTo("; resident memory at the end: JVM 2 MiB (heap 1), 0 workers 0 MiB");
        assertThat(FuzzProgressLine.memory(withMemory(null))).isEmpty();
    }

    @Test
    void notesGoOnTheirOwnLineAndTheLineEndsOnce() {
        StringWriter text = new StringWriter();
        FuzzProgressLine line = new FuzzProgressLine(new PrintWriter(text), "campaign seed 5");
        line.started(null);
        line.progress(progress(10));
        line.note("onnxruntime-opt rejects Cos(float16)");
        line.finish();
        line.close();
        String out = text.toString();
        assertThat(out).startsWith("note: campaign seed 5\n").contains("\rfuzz 1:02:03 | 10 models")
                .contains("note: onnxruntime-opt rejects Cos(float16)\n").endsWith("exec 30%\n");
        assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(3);
    }
}
