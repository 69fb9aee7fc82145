package dev.crest.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {
    @Test
    void oddCountTakesTheMiddleValue() {
        assertThat(Median.of(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    @Test
    void evenCountAveragesTheMiddlePair() {
        assertThat(Median.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void anOutlierDoesNotMoveIt() {
        assertThat(Median.of(List.of(0.5, 0.6, 12.0))).isEqualTo(0.6);
    }

    @Test
    void noValuesIsAnError() {
        assertThatThrownBy(() -> Median.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
