package dev.crest.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.fuzz.campaign.CampaignProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
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
