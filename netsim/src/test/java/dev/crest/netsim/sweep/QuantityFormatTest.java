package dev.crest.netsim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crest.netsim.NetsimException;
import org.junit.jupiter.api.Test;

class QuantityFormatTest {
    @Test
    void durations() {
        assertThat(QuantityFormat.parseSeconds("latency", "10us")).isCloseTo(10e-6, within(1e-18));
        assertThat(QuantityFormat.parseSeconds("latency", "1.5ms")).isCloseTo(1.5e-3, within(1e-15));
        assertThat(QuantityFormat.parseSeconds("latency", "0.176s")).isEqualTo(0.176);
        assertThat(QuantityFormat.parseSeconds("latency", "2e-6")).isEqualTo(2e-6);
        assertThat(QuantityFormat.parseSeconds("latency", "0")).isZero();
        assertThatThrownBy(() -> QuantityFormat.parseSeconds("latency", "-1us")).isInstanceOf(NetsimException.class);
        assertThatThrownBy(() -> QuantityFormat.parseSeconds("latency", "5 fortnights"))
                .isInstanceOf(NetsimException.class).hasMessageContaining("unknown unit");
    }

    @Test
    void sizesInBitsOrBytes() {
        assertThat(QuantityFormat.parseBits("mtu", "12000")).isEqualTo(12000);
        assertThat(QuantityFormat.parseBits("mtu", "12M")).isEqualTo(12_000_000);
        assertThat(QuantityFormat.parseBits("mtu", "500kb")).isEqualTo(500_000);
        assertThat(QuantityFormat.parseBits("mtu", "1500B")).isEqualTo(12_000);
        assertThat(QuantityFormat.parseBits("chunk", "16Mb")).isEqualTo(16_000_000);
        assertThat(QuantityFormat.parseBits("chunk", "2MB")).isEqualTo(16_000_000);
        for (String bad : new String[] {"0", "-5", "1.5", "12 parsecs", "x"}) {
            assertThatThrownBy(() -> QuantityFormat.parseBits("mtu", bad)).as(bad).isInstanceOf(NetsimException.class);
        }
    }

    @Test
    void countsAndPositiveReals() {
        assertThat(QuantityFormat.parseCount("workers", "32", 1)).isEqualTo(32);
        assertThatThrownBy(() -> QuantityFormat.parseCount("workers", "0", 1)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> QuantityFormat.parseCount("workers", "many", 1)).hasMessageContaining("whole number");
        assertThat(QuantityFormat.parsePositive("compute speed-up", "2.5")).isEqualTo(2.5);
        assertThatThrownBy(() -> QuantityFormat.parsePositive("compute speed-up", "0")).isInstanceOf(NetsimException.class);
    }

    @Test
    void durationsFormatShortAndRoundTrip() {
        assertThat(QuantityFormat.formatSeconds(10e-6)).isEqualTo("10us");
        assertThat(QuantityFormat.formatSeconds(1.5e-3)).isEqualTo("1.5ms");
        assertThat(QuantityFormat.formatSeconds(0.176)).isEqualTo("176ms");
        assertThat(QuantityFormat.formatSeconds(2)).isEqualTo("2s");
        assertThat(QuantityFormat.formatSeconds(0)).isEqualTo("0s");
        for (double s : new double[] {10e-6, 1.5e-3, 0.176, 2, 3e-9, 1.0 / 3, 123.456e-6}) {
            assertThat(QuantityFormat.parseSeconds("t", QuantityFormat.formatSeconds(s))).isEqualTo(s);
        }
    }

    @Test
    void scaledCounts() {
        assertThat(QuantityFormat.parseScaled("device FLOP/s", "15T")).isEqualTo(15e12);
        assertThat(QuantityFormat.parseScaled("device FLOP/s", "2.5e12")).isEqualTo(2.5e12);
        assertThatThrownBy(() -> QuantityFormat.parseScaled("device FLOP/s", "15X")).isInstanceOf(NetsimException.class);
    }
}
