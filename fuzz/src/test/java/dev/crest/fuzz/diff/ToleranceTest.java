package dev.crest.fuzz.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** How a tolerance is written into and read back from {@code meta.json}, old files included. */
class ToleranceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFloat16PairAndTheOverflowRuleSurviveJson() throws Exception {
        Tolerance tolerance = new Tolerance(1e-3, 1e-4, 0.2, 0.05, true);

        String text = JSON.writeValueAsString(tolerance);

        assertThat(JSON.readTree(text).get("keepFloat16Overflow").asBoolean()).isTrue();
        assertThat(JSON.readValue(text, Tolerance.class)).isEqualTo(tolerance);
    }

    @Test
    void aToleranceWrittenBeforeFloat16SettingsExistedGetsTheDefaults() throws Exception {
        Tolerance read = JSON.readValue("{\"rtol\": 0.02, \"atol\": 0.003}", Tolerance.class);

        assertThat(read).isEqualTo(new Tolerance(0.02, 0.003, Tolerance.DEFAULT_FLOAT16_RTOL,
                Tolerance.DEFAULT_FLOAT16_ATOL, false));
        assertThat(read.keepFloat16Overflow()).isFalse();
    }

    @Test
    void overflowsAreDroppedUnlessAskedFor() {
        assertThat(Tolerance.DEFAULT.keepFloat16Overflow()).isFalse();
        assertThat(Tolerance.DEFAULT.withKeepFloat16Overflow(true).withFloat16(0.1, 0.1).keepFloat16Overflow())
                .isTrue();
    }
}
