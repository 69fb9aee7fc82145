package dev.crest.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crest.fuzz.FuzzException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void readsUnitsAndBareSeconds() {
        assertThat(DurationText.parse("30s", "--time")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("10m", "--time")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationText.parse("1h", "--time")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parse("1.5h", "--time")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("250ms", "--time")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("45", "--time")).isEqualTo(Duration.ofSeconds(45));
        assertThat(DurationText.parse("-5m", "--time")).isEqualTo(Duration.ofMinutes(-5));
    }

    @Test
    void unreadableTextNamesTheOption() {
        assertThatThrownBy(() -> DurationText.parse("soon", "--time")).isInstanceOf(FuzzException.class)
                .hasMessageStartingWith("cannot read --time 'soon'");
        assertThatThrownBy(() -> DurationText.parse("5d", "--timeout")).isInstanceOf(FuzzException.class)
                .hasMessageContaining("--timeout");
    }
}
